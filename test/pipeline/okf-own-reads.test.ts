/**
 * Usage counters must not measure okf (issue): a view's sample runs the view's query, which
 * scans the tables below it and moves their pg_stat_user_tables counters. The published figures
 * must say what everyone else did, night after night, on a real server whose statistics are
 * flushed between runs: where the role may, its reads are not counted at all; where it may not,
 * `sample_views: auto` leaves views unread, and `always` reads them and subtracts what it measured.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownReadsNights, type Table } from "../helpers/own-reads-nights.js";
import { postgresServerAvailable } from "../helpers/postgres-database.js";

const serverAvailable = await postgresServerAvailable();
if (!serverAvailable) {
  console.warn("okf-own-reads: no PostgreSQL server at 127.0.0.1:5432, tests skipped");
}

const under10 = "Sequential scans under 10, index scans under 10 since statistics reset.";
const fullyScanned = [
  "shop.customer",
  "shop.orders",
  "report.customer",
  "report.orders",
  "lookup.region",
] as const;
const lookupState = ".okf/state/lookup.json";

describe.skipIf(!serverAvailable)("okf's own reads, measured and subtracted", () => {
  const nights = ownReadsNights({ quiet: false });
  const { conceptOf, extract, followed, recorded, schemaOf, settled, snapshot, usageOf } = nights;
  beforeAll(nights.setUp);
  afterAll(nights.tearDown);

  it("publishes what others scanned, and writes no markdown on unchanged nights", async () => {
    await extract("2026-12-01");
    await settled();
    // The view reads scanned the tables below them, and okf knows exactly how much.
    expect(recorded("shop.customer").seq).toBeGreaterThan(0);
    expect(recorded("shop.events").seq).toBeGreaterThan(0);
    expect(recorded("report.orders").seq + recorded("report.orders").idx).toBeGreaterThan(0);
    // TABLESAMPLE reads (a table over the cap, a materialized view's table) count nothing.
    expect(recorded("shop.orders")).toEqual({ seq: 0, idx: 0 });
    // Under `auto` a view whose read would count is not read at all, so nothing is recorded.
    expect(recorded("lookup.region")).toEqual({ seq: 0, idx: 0 });
    expect(schemaOf("lookup.region_names")).toContain(
      "not sampled: reading this view would add okf's own scans to the usage counters",
    );
    expect(schemaOf("shop.customer_names")).not.toContain("not sampled");
    const first = snapshot();
    for (const table of fullyScanned) expect(usageOf(table)).toContain(under10);
    expect(usageOf("shop.events")).toContain("Sequential scans under 10 since statistics reset.");

    for (const day of ["2026-12-02", "2026-12-03", "2026-12-04"]) {
      const before = followed.map(recorded);
      const result = await extract(day);
      await settled();
      const now = snapshot();
      expect(now.files).toEqual(first.files);
      expect(now.withoutReads).toEqual(first.withoutReads);
      expect(result.sources.flatMap((source) => source.changes)).toEqual([]);
      // The state alone changes: okf's record grew by what it read again (settled checks it),
      // except for the source that read no view.
      expect(followed.map(recorded)).not.toEqual(before);
      expect(now.state[lookupState]).toBe(first.state[lookupState]);
      expect(result.filesWritten).toBe(2);
    }

    // Someone else scans: the figures move by exactly that, and only theirs.
    await nights.scanAsSomeoneElse("report.orders", "seq", 1);
    await nights.scanAsSomeoneElse("shop.customer", "idx", 1);
    const fifth = await extract("2026-12-05");
    await settled();
    expect(usageOf("report.orders")).toContain(
      "Sequential scans 10+, index scans under 10 since statistics reset.",
    );
    expect(usageOf("shop.customer")).toContain(
      "Sequential scans under 10, index scans 10+ since statistics reset.",
    );
    expect(usageOf("report.customer")).toContain(under10);
    const changed = fifth.sources.flatMap((source) => source.changes.map((change) => change.path));
    expect(changed.sort()).toEqual([conceptOf("report.orders"), conceptOf("shop.customer")].sort());

    // A statistics reset: okf's record starts over, with what it read after the reset only.
    await nights.resetStatistics();
    await extract("2026-12-06");
    await settled();
    expect(usageOf("report.orders")).toContain("No scans or row changes recorded");
    await extract("2026-12-07");
    await settled();
    expect(usageOf("report.orders")).toContain("No scans or row changes recorded");
  }, 120_000);
});

describe.skipIf(!serverAvailable)("okf's own reads, not counted where the role may say so", () => {
  const nights = ownReadsNights({ quiet: true });
  const { extract, followed, recorded, schemaOf, settled, snapshot, usageOf } = nights;
  beforeAll(nights.setUp);
  afterAll(nights.tearDown);

  it("moves no counter and writes nothing at all, night after night", async () => {
    const first = await extract("2026-12-01");
    expect(first.filesWritten).toBeGreaterThan(0);
    await settled();
    const none = followed.map((): { seq: number; idx: number } => ({ seq: 0, idx: 0 }));
    expect(followed.map(recorded)).toEqual(none);
    for (const table of fullyScanned) expect(usageOf(table)).toContain(under10);
    expect(schemaOf("lookup.region_names")).not.toContain("not sampled");
    const written = snapshot();
    for (const day of ["2026-12-02", "2026-12-03", "2026-12-04"]) {
      const result = await extract(day);
      await settled();
      expect(result.filesWritten).toBe(0);
      expect(snapshot()).toEqual(written);
    }
    await nights.scanAsSomeoneElse("report.orders" satisfies Table, "seq", 1);
    await extract("2026-12-05");
    await settled();
    expect(usageOf("report.orders")).toContain("Sequential scans 10+");
  }, 120_000);
});
