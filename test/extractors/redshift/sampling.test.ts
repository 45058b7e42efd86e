import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "../../helpers/postgres-database.js";
import { createRedshiftDatabase, extractAll, redshiftConfig, serverUp } from "./support.js";

describe.skipIf(!serverUp)("redshift extractor: bounded samples", () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createRedshiftDatabase("redshift_sampling");
    await db.admin(`
      CREATE TABLE sales_mart.ledger (
        entry_id bigint, booked_at timestamp with time zone, booked_on date,
        amount numeric(38,0), rate double precision, settled boolean, memo varchar(2000));
      INSERT INTO sales_mart.ledger VALUES
        (9007199254740993, '2026-11-27 02:00:00.25+00', '2026-11-27',
         12345678901234567890123456789, 0.5, true, repeat('é', 700)),
        (-1, NULL, NULL, 12.00, NULL, false, 'short');
      ANALYZE sales_mart.ledger;`);
  });
  afterAll(() => db.drop());

  it("reads at most the cap with LIMIT, and says the rows are not random", async () => {
    const { sample, extraction } = await extractAll(
      redshiftConfig(db.url, { include: ["sales_mart.sales_fact"] }),
      { sampleRows: 300 },
    );
    const { records, outcome } = sample("sales_mart", "sales_fact");
    expect(records).toHaveLength(300);
    expect(outcome).toMatchObject({
      status: "read",
      method:
        "the first 300 rows Redshift returned (LIMIT without ORDER BY: not a random sample; Redshift has no TABLESAMPLE)",
    });
    // Sample statements are not catalog queries.
    expect(extraction.requestCount()).toBe(15);
    const first = records[0] ?? {};
    expect(Object.keys(first)).toEqual([
      "sale_id",
      "invoice_id",
      "customer_id",
      "track_id",
      "sold_at",
      "amount",
      "currency",
      "channel",
    ]);
    expect(typeof first.sale_id).toBe("number");
    expect(typeof first.amount).toBe("number");
    expect(first.sold_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$/);
    expect(first.currency).toBe("USD");
  });

  it("reads a small table whole, across several fetches, and says so", async () => {
    const { sample } = await extractAll(
      redshiftConfig(db.url, { include: ["sales_mart.sales_fact", "public.genre"] }),
      { sampleRows: 5_000 },
    );
    const sales = sample("sales_mart", "sales_fact");
    expect(sales.records).toHaveLength(2240);
    expect(new Set(sales.records.map((r) => r.sale_id)).size).toBe(2240);
    expect(sales.outcome).toMatchObject({
      status: "read",
      method: "a read of the whole table (LIMIT 5,000; svv_table_info counts fewer rows)",
    });
    expect(sample("public", "genre").records).toHaveLength(25);
  });

  it("keeps big numbers exact, writes instants in UTC with their digits and cuts long text in SQL", async () => {
    const { sample } = await extractAll(
      redshiftConfig(db.url, { include: ["sales_mart.ledger"] }),
      {
        sampleRows: 10,
      },
    );
    const [first, second] = sample("sales_mart", "ledger").records;
    expect(first).toEqual({
      entry_id: 9007199254740993n,
      booked_at: "2026-11-27T02:00:00.25Z",
      booked_on: new Date("2026-11-27T00:00:00.000Z"),
      amount: 12345678901234567890123456789n,
      rate: 0.5,
      settled: true,
      memo: "é".repeat(500),
    });
    expect(second).toEqual({
      entry_id: -1n,
      booked_at: null,
      booked_on: null,
      amount: 12,
      rate: null,
      settled: false,
      memo: "short",
    });
  });

  it("does not read views, late-binding views, Spectrum or federated tables; reads materialized views", async () => {
    const { sample } = await extractAll(
      redshiftConfig(db.url, { include: ["sales_mart.*", "spectrum.*", "apg.*"] }),
      { sampleRows: 100 },
    );
    expect(sample("sales_mart", "monthly_revenue")).toEqual({
      records: [],
      outcome: {
        status: "not_read",
        reason:
          "view (reading it runs its query, which may scan whole tables or, through external tables, Amazon S3)",
      },
    });
    expect(sample("sales_mart", "sales_with_channel").outcome).toEqual({
      status: "not_read",
      reason: expect.stringMatching(/^late-binding view \(reading it runs its query/) as unknown,
    });
    expect(sample("spectrum", "page_views")).toEqual({
      records: [],
      outcome: {
        status: "not_read",
        reason: "external (Spectrum) table: a scan is billed per byte read from Amazon S3",
      },
    });
    expect(sample("apg", "orders").outcome).toEqual({
      status: "not_read",
      reason: "federated table (each row would be fetched from the remote database)",
    });
    const daily = sample("sales_mart", "daily_sales");
    expect(daily.records).toHaveLength(100);
    expect(daily.records[0]?.day).toBeInstanceOf(Date);
    expect(typeof daily.records[0]?.sales).toBe("bigint");
  });

  it("does not sample at all with --no-profile", async () => {
    const { datasets, extraction } = await extractAll(
      redshiftConfig(db.url, { include: ["sales_mart.*"] }),
    );
    expect(datasets.length).toBeGreaterThan(0);
    expect(extraction.sample === undefined).toBe(true);
  });
});
