import { describe, expect, it } from "vitest";
import { FakeGlueCatalog } from "./fake-catalog.js";
import { startGlueDouble } from "./glue-double.js";
import { extract, parquetTable, sourceConfig, stringStatistics, testContext } from "./support.js";

const eventNames = Array.from(
  { length: 250 },
  (_, index) => `event_${String(index).padStart(3, "0")}`,
);

// aws-sdk-client-mock replaces `send`, so the SDK's retry middleware never runs under it; these
// calls go over HTTP to a double that throttles the first requests of each operation.
describe("throttling (the SDK's adaptive retries, through a Glue HTTP double)", () => {
  it("retries ThrottlingException on every call, then reads the whole catalog", async () => {
    const catalog = new FakeGlueCatalog({
      databases: {
        analytics: eventNames.map((name) => parquetTable("analytics", name)),
        finance: [parquetTable("finance", "ledger", [{ Name: "iban", Type: "string" }])],
      },
      statistics: {
        "finance.ledger": [
          stringStatistics("iban", { nulls: 0, distinct: 950, averageLength: 22 }),
        ],
      },
    });
    const double = await startGlueDouble(catalog, {
      throttle: { GetDatabases: 1, GetTables: 1, GetColumnStatisticsForTable: 1 },
    });
    try {
      const config = sourceConfig({
        endpoint: double.endpoint,
        include: ["finance.*", "analytics.event_00[0-2]"],
      });
      const { extraction, datasets, failures } = await extract(
        config,
        testContext({ concurrency: 2 }),
      );
      expect(failures).toEqual([]);
      expect(datasets.map((dataset) => dataset.ref.name)).toEqual([
        ...eventNames.slice(0, 3),
        "ledger",
      ]);
      const ledger = datasets.at(-1);
      expect(ledger?.fields[0]?.stats).toMatchObject({ distinct: 950, averageLength: 22 });
      // Timestamps came over the wire as epoch seconds and were parsed by the SDK.
      expect(ledger?.storage?.updatedAt).toBe("2026-11-20T03:41:27Z");

      // Each operation answered once more than it was called: the throttled attempts.
      expect(double.seen.get("GetDatabases")).toBe(1 + 1);
      expect(catalog.calls.get("GetDatabases")).toBe(1);
      // analytics: 3 pages of 100, 100 and 50; finance: 1 page.
      expect(catalog.calls.get("GetTables")).toBe(4);
      expect(double.seen.get("GetTables")).toBe(4 + 1);
      expect(catalog.calls.get("GetColumnStatisticsForTable")).toBe(4);
      expect(double.seen.get("GetColumnStatisticsForTable")).toBe(4 + 1);
      // Retries are not extra calls.
      expect(extraction.requestCount()).toBe(1 + 4 + 4);
    } finally {
      await double.stop();
    }
  }, 60_000);
});
