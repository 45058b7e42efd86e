import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "../../helpers/postgres-database.js";
import { createRedshiftDatabase, extractAll, redshiftConfig, serverUp } from "./support.js";

const MiB = 1024 * 1024;

describe.skipIf(!serverUp)("redshift extractor: the catalog, through fixture system views", () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createRedshiftDatabase("redshift_catalog");
  });
  afterAll(() => db.drop());

  it("lists tables, views, materialized and external tables of this database, in order", async () => {
    const { extraction, datasets, failures } = await extractAll(redshiftConfig(db.url));
    const names = extraction.refs.map((ref) => `${ref.schema ?? ""}.${ref.name}`);
    expect(names).toEqual([
      "apg.orders",
      "finance.payroll",
      "public.album",
      "public.artist",
      "public.customer",
      "public.employee",
      "public.genre",
      "public.invoice",
      "public.invoice_line",
      "public.media_type",
      "public.playlist",
      "public.playlist_track",
      "public.track",
      "sales_mart.daily_sales",
      "sales_mart.monthly_revenue",
      "sales_mart.returns_fact",
      "sales_mart.sales_fact",
      "sales_mart.sales_with_channel",
      "spectrum.page_views",
      "spectrum.raw_events",
    ]);
    // The materialized view's internal table, the fixture schema and another database's
    // external table are not objects of this database.
    expect(datasets.map((d) => d.ref)).toEqual(extraction.refs);
    expect(extraction.refs.every((ref) => ref.database === db.name)).toBe(true);
    expect(failures).toEqual([]);
  });

  it("reads a fact table's columns, keys, comments and warehouse layout", async () => {
    const { dataset } = await extractAll(redshiftConfig(db.url));
    const sales = dataset("sales_mart", "sales_fact");
    expect(sales).toMatchObject({
      kind: "table",
      objectType: "table",
      comment: "One row per invoice line sold, loaded nightly from the shop.",
      keys: [{ name: "sales_fact_pkey", kind: "primary", fields: ["sale_id"] }],
      foreignKeys: [
        {
          name: "sales_fact_customer_id_fkey",
          from: { database: db.name, schema: "sales_mart", name: "sales_fact" },
          fromFields: ["customer_id"],
          to: { database: db.name, schema: "public", name: "customer" },
          toFields: ["customer_id"],
        },
      ],
      warehouse: {
        distStyle: "KEY(customer_id)",
        distKey: "customer_id",
        sortKeys: ["sold_at", "sale_id"],
        sortKeyStyle: "compound",
        unsortedPercent: 23.46,
        statsOffPercent: 12.5,
        skewRows: 1.37,
        encoded: true,
        source: "svv_table_info, pg_attribute",
      },
    });
    expect(sales.fields.map((f) => [f.name, f.type, f.nullable])).toEqual([
      ["sale_id", "integer", false],
      ["invoice_id", "integer", false],
      ["customer_id", "integer", false],
      ["track_id", "integer", false],
      ["sold_at", "timestamp without time zone", false],
      ["amount", "numeric(12,2)", false],
      ["currency", "character(3)", false],
      ["channel", "character varying(16)", true],
    ]);
    expect(sales.fields[5]?.comment).toBe("Unit price times quantity, in currency");
    expect(sales.fields[6]?.default).toBe("'USD'::bpchar");
    expect(sales.stats?.rowEstimate).toBe(2240);
    expect(sales.stats?.source).toBe("svv_table_info");
    expect((sales.stats?.sizeBytes ?? 0) % MiB).toBe(0);
    expect(sales.stats?.sizeBytes).toBeGreaterThan(0);
  });

  it("tells automatic, interleaved and ALL layouts apart, and sees referencing tables", async () => {
    const { dataset } = await extractAll(redshiftConfig(db.url));
    expect(dataset("public", "invoice").warehouse).toMatchObject({
      distStyle: "AUTO(KEY(customer_id))",
      distKey: "customer_id",
      sortKeys: ["invoice_date"],
      sortKeyStyle: "auto",
    });
    expect(dataset("public", "track").warehouse).toMatchObject({
      distStyle: "EVEN",
      sortKeys: ["genre_id", "album_id"],
      sortKeyStyle: "interleaved",
    });
    const customer = dataset("public", "customer");
    expect(customer.warehouse).toEqual({
      distStyle: "ALL",
      sortKeys: [],
      statsOffPercent: 0,
      encoded: false,
      source: "svv_table_info",
    });
    expect(customer.referencedBy.map((fk) => `${fk.from.schema ?? ""}.${fk.from.name}`)).toEqual([
      "public.invoice",
      "sales_mart.sales_fact",
    ]);
  });

  it("says an empty table has no rows: svv_table_info leaves it out", async () => {
    const { dataset } = await extractAll(redshiftConfig(db.url));
    const returns = dataset("sales_mart", "returns_fact");
    expect(returns.stats).toEqual({ rowEstimate: 0, sizeBytes: 0, source: "svv_table_info" });
    expect(returns.warehouse).toBeUndefined();
  });

  it("marks late-binding views and keeps their definition; views do not claim nullability", async () => {
    const { dataset } = await extractAll(redshiftConfig(db.url));
    const monthly = dataset("sales_mart", "monthly_revenue");
    expect(monthly).toMatchObject({
      kind: "view",
      objectType: "view",
      comment: "Revenue per calendar month",
    });
    expect(monthly.viewDefinition).toMatch(/^SELECT date_trunc\('month'/);
    expect(monthly.stats).toBeUndefined();
    const late = dataset("sales_mart", "sales_with_channel");
    expect(late).toMatchObject({ kind: "view", objectType: "late-binding view" });
    expect(late.viewDefinition).toMatch(/^create view sales_mart\.sales_with_channel as SELECT/);
    expect(late.viewDefinition).toMatch(/with no schema binding;$/);
    expect(late.fields.map((f) => f.name)).toEqual(["sale_id", "sold_at", "channel"]);
    expect(late.fields.every((f) => f.nullable === undefined)).toBe(true);
  });

  it("reads a materialized view like a table", async () => {
    const { dataset } = await extractAll(redshiftConfig(db.url));
    const daily = dataset("sales_mart", "daily_sales");
    expect(daily).toMatchObject({
      kind: "materialized_view",
      objectType: "materialized view",
      stats: { source: "svv_table_info" },
      warehouse: { distStyle: "AUTO(EVEN)", sortKeyStyle: "auto", sortKeys: [] },
    });
    expect(daily.stats?.rowEstimate).toBeGreaterThan(0);
  });

  it("reads Spectrum tables' storage, partition keys and numRows; a federated table has none", async () => {
    const { dataset } = await extractAll(redshiftConfig(db.url));
    const pageViews = dataset("spectrum", "page_views");
    expect(pageViews).toMatchObject({ kind: "external_table", objectType: "external table" });
    expect(pageViews.storage).toEqual({
      location: "s3://okf-fixture-clickstream/page_views/",
      tableFormat: "hive",
      dataFormat: "parquet",
      inputFormat: "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
      outputFormat: "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
      serde: "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe",
      serdeParameters: { "serialization.format": "1" },
      compressed: false,
      partitionKeys: ["event_date", "event_hour"],
      updatedAt: "2026-09-21T14:13:20.000Z",
      source: "svv_external_tables",
    });
    expect(pageViews.fields.map((f) => [f.name, f.type, f.nullable])).toEqual([
      ["view_id", "bigint", false],
      ["url", "varchar(2048)", true],
      ["customer_id", "int", true],
      ["event_date", "date", undefined],
      ["event_hour", "int", undefined],
    ]);
    expect(pageViews.stats).toBeUndefined();
    expect(pageViews.warehouse).toBeUndefined();
    expect(pageViews.linked).toBeUndefined();

    const raw = dataset("spectrum", "raw_events");
    expect(raw.stats).toEqual({
      rowEstimate: 250000,
      source: "svv_external_tables (numRows table property)",
    });
    expect(raw.storage).toMatchObject({
      dataFormat: "csv",
      compressed: true,
      serdeParameters: { "field.delim": ",", "serialization.format": "," },
      partitionKeys: [],
    });

    const federated = dataset("apg", "orders");
    expect(federated).toMatchObject({ kind: "external_table", objectType: "federated table" });
    expect(federated.storage).toBeUndefined();
  });

  it("links Spectrum tables over the Glue Data Catalog to the configured glue source", async () => {
    const { dataset } = await extractAll(redshiftConfig(db.url, { glue_source: "lake" }));
    expect(dataset("spectrum", "page_views").linked).toEqual([
      {
        source: "lake",
        ref: { database: "clickstream", name: "page_views" },
        relation: "reads the Glue table",
      },
    ]);
    // A federated schema is not over the Glue Data Catalog.
    expect(dataset("apg", "orders").linked).toBeUndefined();
    expect(dataset("sales_mart", "sales_fact").linked).toBeUndefined();
  });

  it("writes credential-free redshift:// resources; resource_host defaults to port 5439", async () => {
    const direct = await extractAll(
      redshiftConfig(db.urlAs("postgres", "Sup3r-Secret"), { include: ["sales_mart.sales_fact"] }),
    );
    expect(direct.extraction.resource).toBe(`redshift://127.0.0.1:5432/${db.name}`);
    expect(direct.datasets[0]?.resource).toBe(
      `redshift://127.0.0.1:5432/${db.name}/sales_mart/sales_fact`,
    );
    const shown = await extractAll(
      redshiftConfig(db.url, {
        include: ["spectrum.page_views"],
        resource_host: "analytics.abc123.eu-west-1.redshift.amazonaws.com",
      }),
    );
    expect(shown.datasets[0]?.resource).toBe(
      `redshift://analytics.abc123.eu-west-1.redshift.amazonaws.com:5439/${db.name}/spectrum/page_views`,
    );
  });

  it("applies include and exclude to <schema>.<table>, names with dots and slashes included", async () => {
    await db.admin(`CREATE TABLE sales_mart."q4.2026/eu" (id int)`);
    try {
      const mart = await extractAll(
        redshiftConfig(db.url, { include: ["sales_mart.*"], exclude: ["*.*_fact"] }),
      );
      expect(mart.extraction.refs.map((ref) => ref.name)).toEqual([
        "daily_sales",
        "monthly_revenue",
        "q4.2026/eu",
        "sales_with_channel",
      ]);
      const odd = mart.dataset("sales_mart", "q4.2026/eu");
      expect(odd.resource).toBe(`redshift://127.0.0.1:5432/${db.name}/sales_mart/q4.2026%2Feu`);
      const external = await extractAll(redshiftConfig(db.url, { include: ["spectrum.*"] }));
      expect(external.extraction.refs.map((ref) => ref.name)).toEqual(["page_views", "raw_events"]);
    } finally {
      await db.admin(`DROP TABLE sales_mart."q4.2026/eu"`);
    }
  });

  it("reads the catalog in the same number of queries for 20 objects as for 80", async () => {
    const small = await extractAll(redshiftConfig(db.url));
    await db.admin(`
      CREATE SCHEMA wide;
      DO $$ BEGIN
        FOR i IN 1..60 LOOP
          EXECUTE format('CREATE TABLE wide.t%s (id int PRIMARY KEY, v text)', i);
          EXECUTE format('INSERT INTO redshift_fixture.column_layout VALUES (''wide'', ''t%s'', ''id'', true, 1)', i);
        END LOOP;
      END $$;`);
    try {
      const big = await extractAll(redshiftConfig(db.url));
      expect(big.datasets).toHaveLength(small.datasets.length + 60);
      expect(big.dataset("wide", "t42").warehouse).toMatchObject({
        distKey: "id",
        sortKeys: ["id"],
      });
      expect(big.extraction.requestCount()).toBe(small.extraction.requestCount());
      // BEGIN, identity, 11 catalog queries, ROLLBACK; plus SET statement_timeout.
      expect(big.extraction.requestCount()).toBe(15);
      expect(big.progress[0]).toBe(
        `warehouse: ${String(big.datasets.length)} objects in database ${db.name} (15 catalog queries)`,
      );
    } finally {
      await db.admin(
        `DROP SCHEMA wide CASCADE; DELETE FROM redshift_fixture.column_layout WHERE schema_name = 'wide'`,
      );
    }
  });
});
