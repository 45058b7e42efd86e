import { describe, expect, it } from "vitest";
import { defaultOf, enumValuesOf } from "../../../extractors/mysql/assemble-fields.js";
import { columnRow } from "../../../extractors/mysql/catalog-rows.js";
import { fieldStatsOf } from "../../../extractors/mysql/column-stats.js";
import { toSourceError } from "../../../extractors/mysql/errors.js";
import { serverUri, tableUri } from "../../../extractors/mysql/resource-uri.js";
import {
  featuresOf,
  flavourOf,
  timeLimitStatement,
} from "../../../extractors/mysql/server-flavour.js";
import { tableFilter } from "../../../extractors/mysql/table-filter.js";
import { ConfigError, SourceError } from "../../../src/errors.js";
import { registerSecret } from "../../../src/secrets.js";

const column = (columnType: string, defaultValue: string | null, extra = "") =>
  columnRow({
    tableName: "t",
    name: "c",
    position: 1,
    columnType,
    nullable: "YES",
    defaultValue,
    extra,
  });

describe("mysql catalog mapping", () => {
  it("parses enum values with quotes and escapes, and nothing else", () => {
    expect(enumValuesOf("enum('a','it''s','b,c')")).toEqual(["a", "it's", "b,c"]);
    expect(enumValuesOf("enum('back\\\\slash')")).toEqual(["back\\slash"]);
    expect(enumValuesOf("set('a','b')")).toBeUndefined();
    expect(enumValuesOf("varchar(10)")).toBeUndefined();
  });

  it("writes defaults as SQL text on MySQL (bare literals) and MariaDB (already quoted)", () => {
    expect(defaultOf(column("varchar(10)", "it's"), "mysql")).toBe("'it''s'");
    expect(defaultOf(column("varchar(10)", "NULL"), "mysql")).toBe("'NULL'");
    expect(defaultOf(column("int", "0"), "mysql")).toBe("0");
    expect(defaultOf(column("bit(1)", "b'1'"), "mysql")).toBe("b'1'");
    expect(defaultOf(column("timestamp", "CURRENT_TIMESTAMP", "DEFAULT_GENERATED"), "mysql")).toBe(
      "CURRENT_TIMESTAMP",
    );
    expect(defaultOf(column("json", "(json_array())", "DEFAULT_GENERATED"), "mysql")).toBe(
      "(json_array())",
    );
    expect(defaultOf(column("varchar(10)", null), "mysql")).toBeUndefined();
    expect(defaultOf(column("varchar(10)", "'new'"), "mariadb")).toBe("'new'");
    expect(defaultOf(column("varchar(10)", "NULL"), "mariadb")).toBeUndefined();
  });

  it("turns MySQL 8 histograms and MariaDB column_stats into field statistics, never values", () => {
    expect(
      fieldStatsOf(
        {
          tableName: "t",
          columnName: "c",
          nullFraction: 0.25,
          distinct: 12,
          source: "information_schema.COLUMN_STATISTICS",
        },
        1000,
      ),
    ).toEqual({ nullFraction: 0.25, distinct: 12, source: "information_schema.COLUMN_STATISTICS" });
    // 1,000 rows, 20% null, each non-null value on 4 rows on average: 200 distinct values.
    expect(
      fieldStatsOf(
        {
          tableName: "t",
          columnName: "c",
          nullFraction: 0.2,
          averageLength: 7.5,
          averageFrequency: 4,
          source: "mysql.column_stats",
        },
        1000,
      ),
    ).toEqual({
      nullFraction: 0.2,
      distinct: 200,
      averageLength: 7.5,
      source: "mysql.column_stats",
    });
    expect(
      fieldStatsOf({ tableName: "t", columnName: "c", source: "mysql.column_stats" }, 1000),
    ).toBeUndefined();
  });

  it("knows which catalog features a server version has", () => {
    expect(featuresOf(flavourOf("8.0.36"))).toEqual({
      indexExpressions: true,
      checkConstraints: true,
      histograms: true,
      columnStats: false,
      viewTableUsage: true,
    });
    expect(featuresOf(flavourOf("8.0.12"))).toMatchObject({
      indexExpressions: false,
      checkConstraints: false,
      viewTableUsage: false,
    });
    expect(featuresOf(flavourOf("5.7.12-log"))).toMatchObject({
      histograms: false,
      checkConstraints: false,
    });
    expect(featuresOf(flavourOf("8.0.mysql_aurora.3.05.2"))).toMatchObject({
      checkConstraints: true,
    });
    expect(featuresOf(flavourOf("10.11.6-MariaDB-0+deb12u1"))).toEqual({
      indexExpressions: false,
      checkConstraints: true,
      histograms: false,
      columnStats: true,
      viewTableUsage: false,
    });
  });

  it("sets the execution time limit in the flavour's own unit, refusing odd values", () => {
    expect(timeLimitStatement(flavourOf("8.0.36"), 30_000)).toBe(
      "SET SESSION max_execution_time = 30000, lock_wait_timeout = 30",
    );
    expect(timeLimitStatement(flavourOf("10.11.6-MariaDB"), 2_500)).toBe(
      "SET SESSION max_statement_time = 2.500, lock_wait_timeout = 3",
    );
    expect(() => timeLimitStatement(flavourOf("8.0.36"), 1.5)).toThrow(ConfigError);
  });

  it("builds resources from resource_host (port 3306 by default) with encoded names", () => {
    const target = { host: "127.0.0.1", port: 13306 };
    expect(serverUri(target)).toBe("mysql://127.0.0.1:13306");
    expect(serverUri(target, "db.example.com")).toBe("mysql://db.example.com:3306");
    expect(serverUri(target, "db.example.com:3307")).toBe("mysql://db.example.com:3307");
    expect(serverUri({ host: "::1", port: 3306 })).toBe("mysql://[::1]:3306");
    expect(tableUri("mysql://h:3306", "..", "a/b c")).toBe("mysql://h:3306/%2E%2E/a%2Fb%20c");
  });

  it("matches globs over <database>.<table>, `*` crossing a slash in a name", () => {
    const matches = tableFilter(["shop.*"], ["*.tmp_*"]);
    expect(matches("shop", "orders")).toBe(true);
    expect(matches("shop", "a/b")).toBe(true);
    expect(matches("shop", "tmp_load")).toBe(false);
    expect(matches("crm", "orders")).toBe(false);
    expect(() => tableFilter(["x".repeat(70_000)], [])).toThrow(ConfigError);
  });

  it("explains driver errors in one redacted paragraph", () => {
    registerSecret("mysql://app:hunter2-secret@db:3306/");
    const target = { host: "db", port: 3306, database: "" };
    const denied = toSourceError(
      Object.assign(
        new Error("Access denied for user 'app'@'10.0.0.1' (using password: YES) hunter2-secret"),
        {
          code: "ER_ACCESS_DENIED_ERROR",
        },
      ),
      target,
    );
    expect(denied).toBeInstanceOf(SourceError);
    expect(denied.message).toContain("rejected the credentials");
    expect(denied.message).not.toContain("hunter2-secret");
    const timeout = toSourceError(
      Object.assign(
        new Error("Query execution was interrupted, maximum statement execution time exceeded"),
        {
          code: "ER_QUERY_TIMEOUT",
        },
      ),
      target,
    );
    expect(timeout.message).toBe(
      "A query on MySQL at db:3306 was stopped by the execution time limit.",
    );
    const other = toSourceError(
      Object.assign(new Error("Something odd\nsecond line"), { code: "ER_ODD" }),
      target,
    );
    expect(other.message).toBe("MySQL at db:3306 failed (ER_ODD).");
  });
});
