/**
 * A database whose views' samples scan the tables below them, and the nights a test runs okf
 * against it: what "others" scanned, what okf recorded of its own reads, what the bundle shows.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { expect } from "vitest";
import pg from "pg";
import { runExtract } from "../../src/pipeline/run-extract.js";
import { createTestDatabase, type TestDatabase } from "./postgres-database.js";
import { writeProjectConfig } from "./project-config.js";
import { tempDir } from "./run-cli.js";

// Sample cap 100: shop.orders is just over it. shop's and report's views are read under
// `sample_views: always` (report.customer_orders runs a subquery per row); lookup's cheap view
// under `auto`, which reads a view only where okf's scans of it go uncounted.
const schema = `
CREATE SCHEMA shop;
CREATE TABLE shop.customer (id int PRIMARY KEY, name text NOT NULL);
INSERT INTO shop.customer SELECT g, 'customer ' || g FROM generate_series(1, 50) g;
CREATE TABLE shop.orders (id int PRIMARY KEY, customer_id int NOT NULL, amount numeric(10,2));
INSERT INTO shop.orders SELECT g, g % 50 + 1, g * 1.25 FROM generate_series(1, 150) g;
CREATE TABLE shop.events (id int NOT NULL, day int NOT NULL) PARTITION BY RANGE (day);
CREATE TABLE shop.events_early PARTITION OF shop.events FOR VALUES FROM (0) TO (50);
CREATE TABLE shop.events_late PARTITION OF shop.events FOR VALUES FROM (50) TO (100);
INSERT INTO shop.events SELECT g, g % 100 FROM generate_series(1, 80) g;
CREATE VIEW shop.customer_names AS SELECT id, name FROM shop.customer;
CREATE VIEW shop.event_days AS SELECT id, day FROM shop.events;
CREATE MATERIALIZED VIEW shop.order_totals AS
  SELECT customer_id, sum(amount) AS total FROM shop.orders GROUP BY customer_id;
CREATE SCHEMA report;
CREATE TABLE report.customer (id int PRIMARY KEY, name text NOT NULL);
INSERT INTO report.customer SELECT g, 'customer ' || g FROM generate_series(1, 20) g;
CREATE TABLE report.orders (id int PRIMARY KEY, customer_id int NOT NULL);
CREATE INDEX orders_customer ON report.orders (customer_id);
INSERT INTO report.orders SELECT g, g % 20 + 1 FROM generate_series(1, 400) g;
CREATE VIEW report.customer_orders AS
  SELECT c.id, (SELECT count(*) FROM report.orders o WHERE o.customer_id = c.id) AS orders
  FROM report.customer c;
CREATE SCHEMA lookup;
CREATE TABLE lookup.region (id int PRIMARY KEY, name text NOT NULL);
INSERT INTO lookup.region SELECT g, 'region ' || g FROM generate_series(1, 12) g;
CREATE VIEW lookup.region_names AS SELECT id, name FROM lookup.region;
ANALYZE;
`;

/** Tables whose counters the test follows, with what "others" did to them so far. */
const followed = [
  "shop.customer",
  "shop.orders",
  "shop.events",
  "report.customer",
  "report.orders",
  "lookup.region",
] as const;
export type Table = (typeof followed)[number];
interface Scans {
  seq: number;
  idx: number;
}

const region = (text: string, name: string): string =>
  new RegExp(`<!-- okf:begin ${name} -->[\\s\\S]*?<!-- okf:end ${name} -->`).exec(text)?.[0] ?? "";

function filesOf(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const full = join(at, name);
      if (statSync(full).isDirectory()) walk(full);
      else found.set(relative(dir, full), readFileSync(full, "utf8"));
    }
  };
  walk(dir);
  return found;
}

/**
 * `quiet`: the reading role may turn off the counting of its own scans (`GRANT SET ON
 * PARAMETER track_counts`); otherwise okf can only measure and subtract them.
 */
export function ownReadsNights(options: { quiet: boolean }) {
  let db: TestDatabase;
  let role: string;
  let dir: string;
  const bundle = () => join(dir, "knowledge");
  const others = new Map<Table, Scans>(followed.map((table) => [table, { seq: 0, idx: 0 }]));
  const sourceOf = (table: string) => table.slice(0, table.indexOf("."));
  const conceptOf = (table: string) =>
    `${sourceOf(table)}/${db.name}/${table.replace(".", "/")}.md`;

  const extract = async (day: string) => {
    const result = await runExtract({
      cwd: dir,
      env: { TEST_DATABASE_URL: db.urlAs(role) },
      now: new Date(`${day}T02:00:00Z`),
    });
    expect(result.exitCode).toBe(0);
    return result;
  };

  /** Scans counted in the shared statistics (a partitioned table: its partitions'). */
  const counted = async (table: Table): Promise<Scans> => {
    await db.admin("SELECT pg_stat_clear_snapshot()");
    const [row] = await db.admin<{ seq: number; idx: number }>(
      `SELECT coalesce(sum(seq_scan), 0)::int AS seq, coalesce(sum(idx_scan), 0)::int AS idx
       FROM pg_stat_user_tables
       WHERE relid = $1::regclass OR relid IN (
         SELECT inhrelid FROM pg_inherits WHERE inhparent = $1::regclass)`,
      [table],
    );
    return row ?? { seq: -1, idx: -1 };
  };

  /** okf's record of its own reads, from the committed state file. */
  const recorded = (table: Table): Scans => {
    const state = JSON.parse(
      readFileSync(join(bundle(), ".okf", "state", `${sourceOf(table)}.json`), "utf8"),
    ) as { concepts: Record<string, { okfReads?: { seqScans: number; idxScans: number } }> };
    const reads = state.concepts[conceptOf(table)]?.okfReads;
    return { seq: reads?.seqScans ?? 0, idx: reads?.idxScans ?? 0 };
  };

  /**
   * Waits until okf's reads have landed in the shared statistics (its connections flush when
   * they close) and checks the identity the published figures rest on: counter = others + okf.
   */
  const settled = async () => {
    const expected = (table: Table) => {
      const own = recorded(table);
      const theirs = others.get(table) ?? { seq: 0, idx: 0 };
      return { seq: theirs.seq + own.seq, idx: theirs.idx + own.idx };
    };
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const now: Scans[] = [];
      for (const table of followed) now.push(await counted(table));
      if (
        followed.every((table, at) => JSON.stringify(now[at]) === JSON.stringify(expected(table)))
      )
        return;
      await sleep(100);
    }
    for (const table of followed)
      expect({ table, ...(await counted(table)) }).toEqual({ table, ...expected(table) });
  };

  /** `times` scans of `table` by another session; shop.events through one of its partitions. */
  const scanAsSomeoneElse = async (table: Table, kind: "seq" | "idx", times: number) => {
    const relation = table === "shop.events" ? "shop.events_early" : table;
    const planner =
      kind === "seq"
        ? "SET LOCAL enable_indexscan = off; SET LOCAL enable_bitmapscan = off"
        : "SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off";
    const query =
      kind === "seq"
        ? `SELECT count(*) FROM ${relation}`
        : `SELECT * FROM ${relation} WHERE id = 1`;
    for (let at = 0; at < times; at += 1) await db.admin(`BEGIN; ${planner}; ${query}; COMMIT`);
    const scans = others.get(table) ?? { seq: 0, idx: 0 };
    scans[kind] += times;
  };

  const usageOf = (table: Table) =>
    region(readFileSync(join(bundle(), conceptOf(table)), "utf8"), "usage");
  /** A concept's Schema region (its Figures line says how it was sampled). */
  const schemaOf = (relation: string) =>
    region(readFileSync(join(bundle(), conceptOf(relation)), "utf8"), "schema");

  const setUp = async () => {
    db = await createTestDatabase(options.quiet ? "okf_quiet_reads" : "okf_own_reads");
    await db.admin(schema);
    role = await db.createRole("okf_reader");
    const quoted = pg.escapeIdentifier(role);
    await db.admin(
      `GRANT USAGE ON SCHEMA shop, report, lookup TO ${quoted};
       GRANT SELECT ON ALL TABLES IN SCHEMA shop, report, lookup TO ${quoted}`,
    );
    if (options.quiet) await db.admin(`GRANT SET ON PARAMETER track_counts TO ${quoted}`);
    // Counters start at 0: what the set-up scanned is nobody's usage.
    await db.admin("SELECT pg_stat_reset()");
    dir = tempDir("okf-own-reads-");
    writeProjectConfig(dir, [
      "  - name: shop",
      "    type: postgres",
      "    connection: ${TEST_DATABASE_URL}",
      "    domain: sales",
      '    include: ["shop.*"]',
      "    sample_views: always",
      "    profile:",
      "      sample_rows: 100",
      "  - name: report",
      "    type: postgres",
      "    connection: ${TEST_DATABASE_URL}",
      "    domain: sales",
      '    include: ["report.*"]',
      "    sample_views: always",
      "    profile:",
      "      sample_rows: 100",
      "  - name: lookup",
      "    type: postgres",
      "    connection: ${TEST_DATABASE_URL}",
      "    domain: sales",
      '    include: ["lookup.*"]',
      "    profile:",
      "      sample_rows: 100",
    ]);
    // Nine scans by others: one more from anyone turns "under 10" into "10+".
    for (const table of followed) {
      await scanAsSomeoneElse(table, "seq", 9);
      if (table !== "shop.events") await scanAsSomeoneElse(table, "idx", 9);
    }
  };

  /** The bundle's files, the state files apart, and the state without okf's read counts. */
  const snapshot = () => {
    const files = filesOf(bundle());
    const states = [...files.keys()].filter((path) => path.startsWith(".okf/"));
    const state = Object.fromEntries(states.map((path) => [path, files.get(path) ?? ""]));
    const withoutReads = Object.values(state).map((text) =>
      text.replace(/,?\s*"okfReads": \{[^}]*\}/g, ""),
    );
    for (const path of states) files.delete(path);
    return { files: Object.fromEntries(files), state, withoutReads };
  };

  return {
    followed,
    others,
    conceptOf,
    setUp,
    tearDown: async () => {
      // A privilege on a parameter is the cluster's: it must go before the role can.
      if (options.quiet) {
        await db.admin(`REVOKE SET ON PARAMETER track_counts FROM ${pg.escapeIdentifier(role)}`);
      }
      await db.drop();
    },
    extract,
    settled,
    /** Resets the database's statistics: what everyone did so far is forgotten. */
    resetStatistics: async () => {
      await db.admin("SELECT pg_stat_reset()");
      for (const scans of others.values()) Object.assign(scans, { seq: 0, idx: 0 });
    },
    recorded,
    scanAsSomeoneElse,
    usageOf,
    schemaOf,
    snapshot,
  };
}
