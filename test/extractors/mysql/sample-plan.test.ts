import { describe, expect, it } from "vitest";
import { planSample, startPoints } from "../../../extractors/mysql/sample-plan.js";
import { newDataset } from "../../../src/model/new-dataset.js";
import type { Dataset } from "../../../src/model/index.js";

function table(rowEstimate: number | undefined, keyType = "bigint(20) unsigned"): Dataset {
  return newDataset({
    ref: { database: "shop", name: "orders" },
    kind: "table",
    objectType: "table",
    resource: "mysql://h:3306/shop/orders",
    fields: [
      { name: "id", path: "id", position: 1, type: keyType },
      { name: "note", path: "note", position: 2, type: "text" },
    ],
    keys: [{ name: "PRIMARY", kind: "primary", fields: ["id"] }],
    stats:
      rowEstimate === undefined ? undefined : { rowEstimate, source: "information_schema.TABLES" },
  });
}

describe("mysql sample plans", () => {
  it("picks the same points in the key range on every run, within the range", () => {
    const points = startPoints("shop.orders", 10n, 1_000_000n, 8);
    expect(startPoints("shop.orders", 10n, 1_000_000n, 8)).toEqual(points);
    expect(points.every((point) => point >= 10n && point <= 1_000_000n)).toBe(true);
    expect([...points].sort((a, b) => (a < b ? -1 : 1))).toEqual(points);
    expect(startPoints("shop.other", 10n, 1_000_000n, 8)).not.toEqual(points);
    expect(startPoints("x", 5n, 5n, 8)).toEqual([5n]);
  });

  it("reads key ranges whose limits add up to the cap, wrapping past the highest key", () => {
    const plan = planSample(table(1_000_000), 1_001);
    if (!plan.read || plan.strategy !== "ranges") throw new Error("expected key ranges");
    const reads = plan.rangeQueries(1n, 18_446_744_073_709_551_615n);
    expect(reads).toHaveLength(8);
    expect(reads.reduce((sum, read) => sum + read.limit, 0)).toBe(1_001);
    const limits = reads.map((read) => Number(/LIMIT (\d+)$/.exec(read.query)?.[1]));
    expect(limits).toEqual(reads.map((read) => read.limit));
    expect(
      reads.slice(0, -1).every((read) => read.wrap === undefined && read.query.includes("< ")),
    ).toBe(true);
    const last = reads.at(-1);
    expect(last?.query).toMatch(/WHERE `id` >= \d+ ORDER BY `id` LIMIT 125$/);
    expect(last?.wrap?.(40)).toMatch(/WHERE `id` < \d+ ORDER BY `id` LIMIT 40$/);
    // Key values beyond 2^53 stay exact.
    expect(reads.map((read) => read.query).join(" ")).toMatch(/>= \d{17,}/);
  });

  it("reads small tables whole and key-less tables from the start, saying which", () => {
    const small = planSample(table(500), 1_000);
    expect(small).toMatchObject({
      read: true,
      strategy: "first",
      method: "the whole table, capped at 1,000 rows",
    });
    const keyless = planSample({ ...table(5_000), keys: [] }, 1_000);
    expect(keyless).toMatchObject({
      strategy: "first",
      method:
        "the first 1,000 rows in storage order (not random: no primary key with an integer first column to sample by)",
    });
    const textKey = planSample(table(5_000, "varchar(20)"), 1_000);
    expect(textKey).toMatchObject({ strategy: "first" });
    if (!small.read || small.strategy !== "first") throw new Error("expected a first-rows read");
    expect(small.query).toBe(
      "SELECT `id` AS `id`, LEFT(`note`, 500) AS `note` FROM `shop`.`orders` LIMIT 1000",
    );
    expect(small.cappedMethod).toContain("not random: the table was larger than its row estimate");
  });

  it("reads views only under a bound (auto), always or never, and refuses a bad cap", () => {
    const view = { ...table(10), kind: "view" as const };
    expect(planSample(view, 10)).toMatchObject({ read: true, strategy: "first", rowBound: 20 });
    expect(planSample(view, 10, "always")).not.toHaveProperty("rowBound");
    expect(planSample(view, 10, "never")).toEqual({
      read: false,
      reason: "a view (the source sets `sample_views: never`)",
    });
    expect(() => planSample(table(10), 0)).toThrow(RangeError);
  });
});
