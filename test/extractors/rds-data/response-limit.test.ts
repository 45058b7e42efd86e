import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { postgresExtractor } from "../../../extractors/postgres/postgres-extractor.js";
import { columnsQuery } from "../../../extractors/postgres/catalog-queries.js";
import type { Dataset } from "../../../src/model/index.js";
import { SourceError } from "../../../src/errors.js";
import { createTestDatabase, type TestDatabase } from "../../helpers/postgres-database.js";
import { postgresConfig } from "../postgres/support.js";
import { responseLimitBytes, type PostgresDataApiDouble } from "./data-api-double.js";
import { clusterHost, extractAll, rdsDataConfig, startDouble } from "./support.js";

const tables = 300;
const columnsPerTable = 12;
/** 300 tables × 12 columns × a 400-character comment: about 1.4 MB of column rows. */
const wideCatalogSql = `
CREATE SCHEMA wide;
DO $$
BEGIN
  FOR t IN 1..${tables} LOOP
    EXECUTE format('CREATE TABLE wide.%I (%s)', 't' || lpad(t::text, 3, '0'),
      (SELECT string_agg(format('c%s text', c), ', ') FROM generate_series(1, ${columnsPerTable}) c));
    FOR c IN 1..${columnsPerTable} LOOP
      EXECUTE format('COMMENT ON COLUMN wide.%I.%I IS %L', 't' || lpad(t::text, 3, '0'), 'c' || c,
        repeat('Column comment written at length by a careful data steward. ', 7));
    END LOOP;
  END LOOP;
END $$;
CREATE TABLE wide.samples AS
SELECT ${Array.from({ length: 40 }, (_, c) => `repeat(md5(i::text || '${c}'), 16) AS s${c}`).join(", ")}
FROM generate_series(1, 300) AS i;
`;

let db: TestDatabase;
let double: PostgresDataApiDouble;
let direct: Dataset[];

beforeAll(async () => {
  db = await createTestDatabase("rds_limit");
  await db.admin(wideCatalogSql);
  await db.admin("ANALYZE");
  const extraction = await postgresExtractor.open(
    postgresConfig(db.url, { resource_host: clusterHost }),
    { profile: false, concurrency: 2, onProgress: () => undefined },
  );
  direct = [];
  for await (const item of extraction.items) if ("dataset" in item) direct.push(item.dataset);
  await extraction.close();
}, 120_000);
afterAll(() => db.drop());
afterEach(async () => {
  expect(double.openTransactions()).toBe(0);
  await double.stop();
});

describe("the Data API's 1 MiB response limit", () => {
  it("is exceeded by the unsplit column query of this catalog", async () => {
    double = startDouble(db);
    const client = new pg.Client(db.url);
    await client.connect();
    const oids = await client.query<{ oid: number }>(
      "SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'wide'",
    );
    const all = await client.query({
      text: columnsQuery,
      values: [oids.rows.map((row) => row.oid)],
      rowMode: "array",
    });
    await client.end();
    // Text as it comes; numbers and flags count a few bytes each.
    const bytes = (all.rows as unknown[][])
      .flat()
      .reduce<number>((sum, value) => sum + (typeof value === "string" ? value.length : 4), 0);
    expect(bytes).toBeGreaterThan(responseLimitBytes);
  });

  it("reads the catalog in pages, with the same datasets as the direct path", async () => {
    double = startDouble(db);
    const { datasets, extraction } = await extractAll(
      rdsDataConfig(db.name, { resource_host: clusterHost }),
    );
    expect(datasets.length).toBe(tables + 1);
    expect(datasets).toEqual(direct);
    const columnPages = double.calls.filter((call) =>
      call.sql?.includes("col_description(a.attrelid"),
    );
    expect(columnPages.length).toBe(Math.ceil((tables + 1) / 100));
    expect(extraction.requestCount()).toBe(double.calls.length);
    expect(extraction.requestCount()).toBeLessThan(40);
  });

  it("starts over in a new snapshot with smaller pages when a page is still too large", async () => {
    double = startDouble(db);
    double.responseLimitBytes = 300_000;
    const { datasets, progress } = await extractAll(
      rdsDataConfig(db.name, { resource_host: clusterHost }),
    );
    expect(datasets).toEqual(direct);
    expect(progress.join("\n")).toContain("reading again with 50 relations per page");
    expect(double.count("BeginTransaction")).toBe(2);
    expect(double.count("RollbackTransaction") + double.count("CommitTransaction")).toBe(1);
  });

  it("fails the source with a hint when one table's catalog rows alone are too large", async () => {
    double = startDouble(db);
    double.responseLimitBytes = 4_000;
    const error: unknown = await extractAll(
      rdsDataConfig(db.name, { include: ["wide.t001"] }),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).message).toBe(
      "Aurora PostgreSQL cluster crm-prod through the RDS Data API failed: a response exceeded the Data API's 1 MiB limit.",
    );
    expect((error as SourceError).hint).toMatch(/include\/exclude/);
  });

  it("fetches a sample of wide rows in batches that each fit", async () => {
    double = startDouble(db);
    const { samples } = await extractAll(rdsDataConfig(db.name, { include: ["wide.samples"] }), {
      profile: true,
    });
    const sample = samples.get("samples");
    expect(sample?.records).toHaveLength(300);
    expect(sample?.records.every((record) => Object.keys(record).length === 40)).toBe(true);
    expect(sample?.outcome).toMatchObject({
      status: "read",
      method: expect.stringMatching(/^TABLESAMPLE SYSTEM/) as unknown,
    });
    const fetches = double.calls
      .map((call) => /^FETCH (\d+) FROM/.exec(call.sql ?? "")?.[1])
      .filter((count) => count !== undefined)
      .map(Number);
    expect(fetches.length).toBeGreaterThan(2);
    expect(Math.max(...fetches)).toBeLessThan(1_000);
  });

  it("ends only that table's sample when a row is too large for any batch", async () => {
    double = startDouble(db);
    double.responseLimitBytes = 30_000;
    const { samples, progress } = await extractAll(
      rdsDataConfig(db.name, { include: ["wide.samples"] }),
      { profile: true },
    );
    expect(samples.get("samples")?.outcome).toEqual({
      status: "failed",
      reason: "a response exceeded the Data API's 1 MiB limit",
    });
    expect(progress.join("\n")).toMatch(/wide\.samples not sampled/);
  });
});
