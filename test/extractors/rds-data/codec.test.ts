import { describe, expect, it } from "vitest";
import { mysqlStatement } from "../../../extractors/rds-data/mysql-parameters.js";
import { mysqlRows } from "../../../extractors/rds-data/mysql-values.js";
import { postgresStatement } from "../../../extractors/rds-data/postgres-parameters.js";
import { postgresRows } from "../../../extractors/rds-data/postgres-values.js";
import { rewritePlaceholders } from "../../../extractors/rds-data/sql-placeholders.js";

describe("decoding Data API records as pg would return them", () => {
  it("reads a timestamptz with or without the server's offset as the same instant", () => {
    const rows = postgresRows({
      columns: [
        { label: "withoutOffset", typeName: "timestamptz" },
        { label: "withOffset", typeName: "timestamptz" },
        { label: "otherZone", typeName: "timestamptz" },
        { label: "local", typeName: "timestamp" },
      ],
      records: [
        [
          { stringValue: "2026-11-27 02:00:00.123456" },
          { stringValue: "2026-11-27 02:00:00.123456+00" },
          { stringValue: "2026-11-27 04:00:00.123+02:00" },
          { stringValue: "2026-11-27 02:00:00" },
        ],
      ],
    });
    const instant = new Date("2026-11-27T02:00:00.123Z");
    expect(rows).toEqual([
      {
        withoutOffset: instant,
        withOffset: instant,
        otherZone: instant,
        // pg reads a timestamp without time zone in the process's zone.
        local: new Date(2026, 10, 27, 2, 0, 0),
      },
    ]);
  });

  it("understands every spelling of a type name and prefers the column label", () => {
    const rows = postgresRows({
      columns: [
        { name: "relkind", label: "kind", typeName: '"char"' },
        { name: "attnum", typeName: "pg_catalog.int2" },
        { name: "columns", typeName: "text[]" },
        { name: "nested", typeName: "_int4" },
        { name: "flags", typeName: "_bool" },
        { name: "size", typeName: "INT8" },
      ],
      records: [
        [
          { stringValue: "r" },
          { stringValue: "3" },
          { arrayValue: { stringValues: ["id", null, "two words"] } },
          { arrayValue: { arrayValues: [{ longValues: [1, 2] }, { longValues: [3, null] }] } },
          { arrayValue: { booleanValues: [true, false] } },
          { longValue: 12 },
        ],
      ],
    });
    expect(rows).toEqual([
      {
        kind: "r",
        attnum: 3,
        columns: ["id", null, "two words"],
        nested: [
          [1, 2],
          [3, null],
        ],
        flags: [true, false],
        size: "12",
      },
    ]);
  });

  it("keeps an array of a type pg does not parse as pg's own text for it", () => {
    const [row] = postgresRows({
      columns: [{ label: "names", typeName: "_name" }],
      records: [[{ arrayValue: { stringValues: ["plain", "two words", 'a"quote', "", "null"] } }]],
    });
    expect(row).toEqual({ names: '{plain,"two words","a\\"quote","","null"}' });
  });

  it("turns NULL into null and binary into a Buffer", () => {
    const [row] = postgresRows({
      columns: [
        { label: "missing", typeName: "text" },
        { label: "raw", typeName: "bytea" },
      ],
      records: [[{ isNull: true }, { blobValue: new Uint8Array([0, 255]) }]],
    });
    expect(row).toEqual({ missing: null, raw: Buffer.from([0, 255]) });
  });
});

describe("placeholders become named parameters", () => {
  it("rewrites $n outside literals, quoted names, dollar quotes and comments", () => {
    const sql = [
      "SELECT $1, '$2', \"a$3\", a$4, $$ $5 $$, $tag$ $6 $tag$, -- $7",
      "/* $8 */ E'\\' $9', 'it''s $10', $11::oid[], x=$12",
    ].join("\n");
    expect(rewritePlaceholders(sql, "postgres", (n) => `:p${String(n)}`)).toBe(
      [
        "SELECT :p1, '$2', \"a$3\", a$4, $$ $5 $$, $tag$ $6 $tag$, -- $7",
        "/* $8 */ E'\\' $9', 'it''s $10', :p11::oid[], x=:p12",
      ].join("\n"),
    );
  });

  it("numbers MySQL's ? in order, outside strings, backquoted names and comments", () => {
    const sql = "SELECT ?, '?', \"?\", `?`, 'it\\'s ?' -- ?\n# ?\n/* ? */ FROM t WHERE a IN (?)";
    expect(rewritePlaceholders(sql, "mysql", (n) => `:p${String(n)}`)).toBe(
      "SELECT :p1, '?', \"?\", `?`, 'it\\'s ?' -- ?\n# ?\n/* ? */ FROM t WHERE a IN (:p2)",
    );
  });

  it("types each value as the Data API takes it, arrays as literals", () => {
    const statement = postgresStatement("SELECT $1, $2, $3, $4, $5, $6", [
      "text",
      42,
      1.5,
      true,
      null,
      ['a"b', "c\\d", null, 7],
    ]);
    expect(statement.parameters).toEqual([
      { name: "p1", value: { stringValue: "text" } },
      { name: "p2", value: { longValue: 42 } },
      { name: "p3", value: { doubleValue: 1.5 } },
      { name: "p4", value: { booleanValue: true } },
      { name: "p5", value: { isNull: true } },
      { name: "p6", value: { stringValue: '{"a\\"b","c\\\\d",NULL,7}' } },
    ]);
    expect(() => postgresStatement("SELECT $1", [{}])).toThrow(/cannot be sent/);
  });
});

describe("decoding Data API records as mysql2 would return them", () => {
  it("gives the direct MySQL session's shapes for each kind of column", () => {
    const rows = mysqlRows({
      columns: [
        { label: "id", typeName: "INT UNSIGNED" },
        { label: "big", typeName: "BIGINT" },
        { label: "price", typeName: "DECIMAL" },
        { label: "ratio", typeName: "DOUBLE" },
        { label: "active", typeName: "TINYINT" },
        { label: "born", typeName: "DATE" },
        { label: "doc", typeName: "JSON" },
        { label: "raw", typeName: "VARBINARY" },
        { label: "missing", typeName: "VARCHAR" },
      ],
      records: [
        [
          { stringValue: "7" },
          { stringValue: "9007199254740993" },
          { stringValue: "12.50" },
          { doubleValue: 0.25 },
          { booleanValue: true },
          { stringValue: "2026-11-27" },
          { stringValue: '{"a": [1]}' },
          { blobValue: new Uint8Array([1, 2]) },
          { isNull: true },
        ],
      ],
    });
    expect(rows).toEqual([
      {
        id: 7,
        big: "9007199254740993",
        price: "12.50",
        ratio: 0.25,
        active: 1,
        born: "2026-11-27",
        doc: { a: [1] },
        raw: Buffer.from([1, 2]),
        missing: null,
      },
    ]);
  });

  it("numbers ? placeholders and types their values", () => {
    expect(mysqlStatement("SELECT ? AS a, '?' AS b, ?", ["x", 3])).toEqual({
      sql: "SELECT :p1 AS a, '?' AS b, :p2",
      parameters: [
        { name: "p1", value: { stringValue: "x" } },
        { name: "p2", value: { longValue: 3 } },
      ],
    });
  });
});
