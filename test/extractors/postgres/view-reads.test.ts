import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../helpers/postgres-database.js";
import { extractAll, postgresConfig, type ExtractionResult } from "./support.js";

const views = `
  CREATE SCHEMA archive;
  CREATE TABLE customer (id int PRIMARY KEY, name text);
  CREATE TABLE orders (id int PRIMARY KEY, customer_id int, placed date);
  CREATE TABLE archive.orders (id int, customer_id int);
  CREATE TABLE event (id int, at date) PARTITION BY RANGE (at);
  CREATE TABLE event_2024 PARTITION OF event FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
  CREATE VIEW customer_orders AS
    SELECT c.name, o.placed FROM customer c JOIN orders o ON o.customer_id = c.id
    UNION ALL SELECT c.name, NULL FROM customer c JOIN archive.orders a ON a.customer_id = c.id;
  CREATE VIEW busy_customers AS
    SELECT name FROM customer_orders GROUP BY name HAVING count(*) > 1;
  CREATE VIEW events_2024 AS SELECT id FROM event_2024;
  CREATE VIEW constant AS SELECT 1 AS one;
  CREATE MATERIALIZED VIEW order_days AS SELECT DISTINCT placed FROM orders;`;

let db: TestDatabase;
let result: ExtractionResult;

describe("postgres extractor on what views read", () => {
  beforeAll(async () => {
    db = await createTestDatabase("view_reads");
    await db.admin(views);
    result = await extractAll(postgresConfig(db.url));
  });
  afterAll(() => db.drop());

  const reads = (name: string) =>
    result.dataset("public", name).reads?.map((ref) => `${ref.schema ?? ""}.${ref.name}`);

  it("names the tables a view reads, from the catalog, in any schema", () => {
    expect(reads("customer_orders")).toEqual([
      "archive.orders",
      "public.customer",
      "public.orders",
    ]);
    expect(result.dataset("public", "customer_orders").reads?.[0]?.database).toBe(db.name);
  });

  it("names a view a view reads, and the partitioned table for a partition", () => {
    expect(reads("busy_customers")).toEqual(["public.customer_orders"]);
    expect(reads("events_2024")).toEqual(["public.event"]);
  });

  it("names the tables of a materialized view; a view of no table reads nothing", () => {
    expect(reads("order_days")).toEqual(["public.orders"]);
    expect(reads("constant")).toEqual([]);
    expect(result.dataset("public", "orders").reads).toBeUndefined();
  });
});
