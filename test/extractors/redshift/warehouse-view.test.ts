import { describe, expect, it } from "vitest";
import type { EnrichedDataset, WarehouseFacts } from "../../../src/model/index.js";
import { newDataset } from "../../../src/model/new-dataset.js";
import { percentBand, warehouseBullets } from "../../../src/render/warehouse-view.js";

function withWarehouse(warehouse: WarehouseFacts | undefined): EnrichedDataset {
  return {
    ...newDataset({
      ref: { database: "dev", schema: "sales", name: "orders" },
      kind: "table",
      objectType: "table",
      resource: "redshift://example:5439/dev/sales/orders",
    }),
    warehouse,
    findings: [],
  };
}

describe("warehouseBullets", () => {
  it("says nothing for a table without warehouse facts", () => {
    expect(warehouseBullets(withWarehouse(undefined))).toEqual([]);
  });

  it("names the layout, flags a due VACUUM and ANALYZE, and rounds the health figures", () => {
    const bullets = warehouseBullets(
      withWarehouse({
        distStyle: "AUTO(KEY(customer_id))",
        distKey: "customer_id",
        sortKeys: ["sold_at", "store_id"],
        sortKeyStyle: "compound",
        unsortedPercent: 21.3,
        statsOffPercent: 10.4,
        skewRows: 3.456,
        encoded: true,
        source: "svv_table_info, pg_attribute",
      }),
    );
    expect(bullets).toEqual([
      "Distribution style `AUTO(KEY(customer_id))`.",
      "Compound sort key (`sold_at`, `store_id`).",
      "Compression encoding on at least one column.",
      "Unsorted rows: about 20%: a `VACUUM SORT ONLY` is due.",
      "Planner statistics out of date: about 10%: an `ANALYZE` is due.",
      "Row skew across slices: 3.5 (rows on the fullest slice per row on the emptiest).",
      "Source: svv_table_info, pg_attribute.",
    ]);
  });

  it("gives no hint at or under Redshift's thresholds", () => {
    const bullets = warehouseBullets(
      withWarehouse({
        distStyle: "EVEN",
        sortKeys: ["id"],
        sortKeyStyle: "interleaved",
        unsortedPercent: 20,
        statsOffPercent: 10,
        source: "svv_table_info, pg_attribute",
      }),
    );
    expect(bullets).toContain("Interleaved sort key (`id`).");
    expect(bullets).toContain("Unsorted rows: about 20%.");
    expect(bullets).toContain("Planner statistics out of date: about 10%.");
  });

  it("names a key Redshift did not spell in the style, and the automatic and missing sort keys", () => {
    expect(
      warehouseBullets(
        withWarehouse({
          distKey: "id",
          sortKeys: [],
          sortKeyStyle: "auto",
          source: "pg_attribute",
        }),
      ),
    ).toEqual([
      "Distribution key `id`.",
      "Automatic sort key chosen by Redshift.",
      "Source: pg_attribute.",
    ]);
    expect(
      warehouseBullets(
        withWarehouse({
          distStyle: "ALL",
          sortKeys: [],
          statsOffPercent: 0,
          skewRows: 1,
          encoded: false,
          source: "svv_table_info",
        }),
      ),
    ).toEqual([
      "Distribution style `ALL`.",
      "No sort key.",
      "No column has a compression encoding.",
      "Planner statistics are up to date.",
      "Source: svv_table_info.",
    ]);
    expect(
      warehouseBullets(
        withWarehouse({
          distStyle: "KEY(a)",
          distKey: "b",
          sortKeys: [],
          source: "svv_table_info",
        }),
      )[0],
    ).toBe("Distribution style `KEY(a)` on `b`.");
  });

  it("puts percentages in bands that small nightly changes do not cross", () => {
    expect([0, 0.3, 1.4, 9.6, 12.4, 13, 23.46, 99.9].map(percentBand)).toEqual([
      "0%",
      "under 1%",
      "about 1%",
      "about 10%",
      "about 10%",
      "about 15%",
      "about 25%",
      "about 100%",
    ]);
    // A busy table's nightly drift stays in its band.
    expect(percentBand(21.4)).toBe(percentBand(22.4));
  });
});
