/**
 * What the PostgreSQL extraction reports of its own view reads (`ownScans`): exactly what
 * reached the shared statistics once its session closed, a read that timed out half way
 * included, a partition's scans counted for its partitioned table.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { postgresExtractor } from "../../../extractors/postgres/postgres-extractor.js";
import { profileDataset } from "../../../src/profiler/profile-dataset.js";
import {
  createTestDatabase,
  postgresServerAvailable,
  type TestDatabase,
} from "../../helpers/postgres-database.js";
import { postgresConfig } from "./support.js";

const serverAvailable = await postgresServerAvailable();
if (!serverAvailable) console.warn("own-scans: no PostgreSQL server, test skipped");

describe.skipIf(!serverAvailable)("okf's own scans, as the extraction reports them", () => {
  let db: TestDatabase;
  let role: string;

  beforeAll(async () => {
    db = await createTestDatabase("own_scans");
    await db.admin(`
      CREATE SCHEMA r;
      CREATE TABLE r.item (id int PRIMARY KEY);
      INSERT INTO r.item SELECT generate_series(1, 40);
      CREATE TABLE r.part (id int NOT NULL, k int NOT NULL) PARTITION BY LIST (k);
      CREATE TABLE r.part_a PARTITION OF r.part FOR VALUES IN (0);
      CREATE TABLE r.part_b PARTITION OF r.part FOR VALUES IN (1);
      INSERT INTO r.part SELECT g, g % 2 FROM generate_series(1, 10) g;
      -- Sleeps 50 ms a row: its read of 40 rows outlasts the 500 ms statement timeout.
      CREATE VIEW r.slow_item AS SELECT id, pg_sleep(0.05)::text AS nap FROM r.item;
      CREATE VIEW r.part_ids AS SELECT id FROM r.part;
      ANALYZE;`);
    role = await db.createRole("okf_scans");
    const quoted = pg.escapeIdentifier(role);
    await db.admin(
      `GRANT USAGE ON SCHEMA r TO ${quoted}; GRANT SELECT ON ALL TABLES IN SCHEMA r TO ${quoted}`,
    );
  });
  afterAll(() => db.drop());

  const scans = async (table: string) => {
    await db.admin("SELECT pg_stat_clear_snapshot()");
    const [row] = await db.admin<{ seq: number }>(
      `SELECT coalesce(sum(seq_scan), 0)::int AS seq FROM pg_stat_user_tables
       WHERE relid = $1::regclass OR relid IN (SELECT inhrelid FROM pg_inherits WHERE inhparent = $1::regclass)`,
      [table],
    );
    return row?.seq ?? -1;
  };

  it("reports what the view reads scanned, a timed-out one included", async () => {
    const before = { item: await scans("r.item"), part: await scans("r.part") };
    const config = postgresConfig(db.urlAs(role), {
      include: ["r.*"],
      sample_views: "always",
      statement_timeout_ms: 500,
    });
    const extraction = await postgresExtractor.open(config, {
      profile: true,
      concurrency: 1,
      onProgress: () => undefined,
    });
    const failed: string[] = [];
    try {
      for await (const item of extraction.items) {
        if (!("dataset" in item)) continue;
        const { dataset } = item;
        const sample = extraction.sample?.(dataset, 100);
        const profiled = await profileDataset(dataset, sample, { sampleRows: 100 });
        if (profiled.dataset.unobserved?.some((fact) => fact.part === "sample"))
          failed.push(dataset.ref.name);
      }
    } finally {
      await extraction.close();
    }
    expect(failed).toEqual(["slow_item"]);
    const own = extraction.ownScans?.() ?? [];
    const reported = (name: string) => own.find((entry) => entry.ref.name === name)?.seqScans ?? 0;
    expect(reported("item")).toBe(1);
    expect(reported("part")).toBe(2);
    expect(own.map((entry) => entry.ref.name).sort()).toEqual(["item", "part"]);
    // Once the session has closed, the shared counters show exactly that.
    for (let attempt = 0; attempt < 100; attempt += 1) {
      if (
        (await scans("r.item")) === before.item + 1 &&
        (await scans("r.part")) === before.part + 2
      )
        break;
      await sleep(100);
    }
    expect(await scans("r.item")).toBe(before.item + 1);
    expect(await scans("r.part")).toBe(before.part + 2);
  }, 60_000);
});
