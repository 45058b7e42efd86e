import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoDatabase } from "../../../src/demo/seed/seed-demo-database.js";
import { validateBundle } from "../../../src/read/validate/index.js";
import {
  createTestDatabase,
  loadChinook,
  type TestDatabase,
} from "../../helpers/postgres-database.js";
import { waitForInsertCounter } from "../postgres/support.js";
import type { PostgresDataApiDouble } from "./data-api-double.js";
import { freezeActivitySql, richSchemaSql } from "./rich-schema.js";
import { extractBothWays, filesOf, startDouble } from "./support.js";

/** What a documenting role gets: every user schema's tables, and the statistics views. */
const readerGrants = (role: string) => `
  GRANT pg_read_all_stats TO "${role}";
  DO $$ DECLARE s text; BEGIN
    FOR s IN SELECT nspname FROM pg_namespace
      WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' LOOP
      EXECUTE format('GRANT USAGE ON SCHEMA %I TO "${role}"', s);
      EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO "${role}"', s);
    END LOOP;
  END $$;`;

interface Case {
  name: string;
  prepare: (db: TestDatabase) => Promise<void>;
  minimumFiles: number;
  /** Text the Data API path's bundle must hold somewhere. */
  written?: string[];
  /** More lines of the source's config, the same both ways. */
  config?: string[];
}

const cases: Case[] = [
  {
    name: "Chinook",
    prepare: async (db) => {
      await loadChinook(db.url);
      await waitForInsertCounter(db, "invoice_line", 2240);
    },
    minimumFiles: 11,
  },
  {
    name: "the demo CRM with partitions, binary, JSON, arrays and odd names",
    prepare: async (db) => {
      await seedDemoDatabase(db.url);
      await db.admin(richSchemaSql);
      await waitForInsertCounter(db, "reading_2025", 1);
    },
    minimumFiles: 14,
    // Views read and their scans measured and subtracted, the same way through both paths.
    config: ["    sample_views: always"],
    written: [
      "Figures: null rates, distinct counts, values, ranges and shapes from a read capped at 10,000 rows (a view cannot be sampled with TABLESAMPLE)",
      "- `reading $1 :p1` BEFORE INSERT OR UPDATE, for each row, calls `telemetry.keep()`",
      "- AFTER DELETE, for each statement, calls `telemetry.keep()`, declared on 1 of its 2 partitions (as `reading_2025_check` on the first)",
    ],
  },
];

describe.each(cases)(
  "the RDS Data API path on $name",
  ({ prepare, minimumFiles, written, config }) => {
    let db: TestDatabase;
    let double: PostgresDataApiDouble;
    let bundles: Awaited<ReturnType<typeof extractBothWays>>;

    beforeAll(async () => {
      db = await createTestDatabase("rds_same");
      await prepare(db);
      await db.admin(freezeActivitySql(db.name));
      await db.admin("ANALYZE");
      // Both ways as the same reader, which may not turn off the counting of its own scans (a
      // superuser may, directly; the Data API path never tries), so that both read the same.
      const reader = await db.createRole("okf_reader");
      await db.admin(readerGrants(reader));
      double = startDouble(db, db.urlAs(reader));
      bundles = await extractBothWays(db, config, db.urlAs(reader));
    });
    afterAll(async () => {
      await double.stop();
      await db.drop();
    });

    it("writes a bundle byte-identical to the direct PostgreSQL path's, file by file", () => {
      const direct = filesOf(bundles.direct);
      const dataApi = filesOf(bundles.dataApi);
      const concepts = [...direct.keys()].filter((path) => /^crm\/.+\.md$/.test(path));
      expect(concepts.length).toBeGreaterThanOrEqual(minimumFiles);
      expect([...dataApi.keys()]).toEqual([...direct.keys()]);
      for (const [path, text] of direct) expect(dataApi.get(path), path).toBe(text);
      const all = [...dataApi.values()].join("\n");
      for (const text of written ?? []) expect(all).toContain(text);
    });

    it("profiles from samples read through the Data API", () => {
      const files = [...filesOf(bundles.dataApi).values()].join("\n");
      expect(files).toMatch(/TABLESAMPLE SYSTEM/);
      expect(double.count("ExecuteStatement")).toBeGreaterThan(0);
      expect(double.calls.some((call) => /^FETCH \d+ FROM okf_sample$/.test(call.sql ?? ""))).toBe(
        true,
      );
    });

    it("passes okf validate without errors", async () => {
      const report = await validateBundle(bundles.dataApi, {
        now: new Date("2026-11-27T02:00:00Z"),
      });
      expect(report.findings.filter((finding) => finding.severity === "error")).toEqual([]);
    });

    it("runs every statement inside a read-only transaction and leaves none open", () => {
      const statements = double.calls.filter((call) => call.operation === "ExecuteStatement");
      expect(statements.every((call) => call.transactionId !== undefined)).toBe(true);
      expect(double.count("BeginTransaction")).toBe(
        double.count("CommitTransaction") + double.count("RollbackTransaction"),
      );
      expect(double.openTransactions()).toBe(0);
    });

    it("reads the whole catalog in one repeatable-read snapshot", () => {
      const transactionOf = (pattern: RegExp) =>
        double.calls.find((call) => pattern.test(call.sql ?? ""))?.transactionId;
      const catalog = transactionOf(/exclusively_locked/);
      expect(catalog).toBeDefined();
      for (const table of [/pg_attribute a/, /FROM pg_index i/, /FROM pg_stat_user_tables u/]) {
        expect(transactionOf(table)).toBe(catalog);
      }
      const inCatalog = double.calls.filter((call) => call.transactionId === catalog);
      expect(inCatalog[0]?.sql).toBe("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
      expect(inCatalog.at(-1)?.operation).toBe("CommitTransaction");
    });
  },
);
