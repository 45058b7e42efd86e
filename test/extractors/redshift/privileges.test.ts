import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "../../helpers/postgres-database.js";
import { createRedshiftDatabase, extractAll, redshiftConfig, serverUp } from "./support.js";

describe.skipIf(!serverUp)("redshift extractor with a restricted user", () => {
  let db: TestDatabase;
  let reader: string;
  let quoted: string;

  beforeAll(async () => {
    db = await createRedshiftDatabase("redshift_privileges");
    reader = await db.createRole("reader");
    quoted = pg.escapeIdentifier(reader);
    // USAGE on every schema but finance; SELECT on the mart's tables, not on Chinook's.
    await db.admin(`
      GRANT USAGE ON SCHEMA public, sales_mart, spectrum, apg TO ${quoted};
      GRANT SELECT ON ALL TABLES IN SCHEMA sales_mart TO ${quoted};`);
  });
  afterAll(() => db.drop());

  it("reports a schema without USAGE once, and extracts the rest", async () => {
    const { failures, datasets } = await extractAll(redshiftConfig(db.urlAs(reader)));
    expect(failures).toEqual([
      {
        scope: { database: db.name, schema: "finance", name: "*" },
        message:
          `Schema "finance" in database "${db.name}" was skipped: user "${reader}" has no ` +
          `USAGE privilege on it, so its 1 matching object(s) were not read.`,
        hint: `GRANT USAGE ON SCHEMA "finance" TO ${quoted}; or leave the schema out with exclude: ["finance.*"].`,
      },
    ]);
    expect(datasets.some((d) => d.ref.schema === "finance")).toBe(false);
    expect(datasets).toHaveLength(19);
  });

  it("reports nothing for an unusable schema that the filters leave out", async () => {
    const { failures } = await extractAll(
      redshiftConfig(db.urlAs(reader), { exclude: ["finance.*"] }),
    );
    expect(failures).toEqual([]);
  });

  it("without SELECT on svv_table_info, keeps the keys from pg_attribute and says what is missing", async () => {
    const { dataset, progress } = await extractAll(redshiftConfig(db.urlAs(reader)));
    expect(progress).toContain(
      `warehouse: svv_table_info is not readable by user ${quoted}, so row counts, sizes, ` +
        `distribution style and sort health are left out (GRANT SELECT ON svv_table_info TO ${quoted};)`,
    );
    const sales = dataset("sales_mart", "sales_fact");
    expect(sales.stats).toBeUndefined();
    expect(sales.warehouse).toEqual({
      distKey: "customer_id",
      sortKeys: ["sold_at", "sale_id"],
      sortKeyStyle: "compound",
      source: "pg_attribute",
    });
    // Without the view, an empty table cannot be told from an unmeasured one.
    expect(dataset("sales_mart", "returns_fact").stats).toBeUndefined();
    expect(dataset("public", "customer").warehouse).toBeUndefined();
  });

  it("reads svv_table_info once SELECT on it is granted", async () => {
    await db.admin(`GRANT SELECT ON redshift_fixture.svv_table_info TO ${quoted}`);
    try {
      const { dataset, progress } = await extractAll(redshiftConfig(db.urlAs(reader)));
      expect(progress.some((line) => line.includes("svv_table_info is not readable"))).toBe(false);
      expect(dataset("sales_mart", "sales_fact").stats?.rowEstimate).toBe(2240);
      expect(dataset("sales_mart", "sales_fact").warehouse?.distStyle).toBe("KEY(customer_id)");
    } finally {
      await db.admin(`REVOKE SELECT ON redshift_fixture.svv_table_info FROM ${quoted}`);
    }
  });

  it("samples what the user may read; a table without SELECT costs its profile, not the run", async () => {
    const { sample, progress, failures } = await extractAll(
      redshiftConfig(db.urlAs(reader), {
        include: ["public.customer", "public.invoice", "sales_mart.sales_fact"],
      }),
      { sampleRows: 50 },
    );
    const customer = sample("public", "customer");
    expect(customer.records).toEqual([]);
    expect(customer.outcome).toEqual({
      status: "failed",
      reason: "permission denied (SQLSTATE 42501)",
    });
    expect(
      progress.some((line) => /public\.customer not sampled: permission denied/.test(line)),
    ).toBe(true);
    expect(sample("public", "invoice").outcome).toEqual({
      status: "failed",
      reason: "permission denied (SQLSTATE 42501)",
    });
    // Each failed sample rolled its transaction back: the next one still reads.
    expect(sample("sales_mart", "sales_fact").records).toHaveLength(50);
    expect(failures).toEqual([]);
  });
});
