import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../helpers/postgres-database.js";
import { extractAll, postgresConfig, type ExtractionResult } from "./support.js";

/**
 * Pagila's shape: `payment` partitioned by month, with its keys, foreign keys and indexes
 * declared on each partition and none on the table itself. A unique key on `payment_id` alone
 * is unique within each partition only; `rental_id` is declared on four of the six partitions.
 */
const perPartitionKeys = `
  CREATE TABLE customer (customer_id int PRIMARY KEY);
  CREATE TABLE staff (staff_id int PRIMARY KEY);
  CREATE TABLE rental (rental_id int PRIMARY KEY, customer_id int REFERENCES customer);
  CREATE TABLE payment (payment_id int NOT NULL, customer_id int NOT NULL, staff_id int NOT NULL,
    rental_id int, amount numeric(5,2), payment_date date NOT NULL)
    PARTITION BY RANGE (payment_date);
  DO $$
  DECLARE month int; part text;
  BEGIN
    FOR month IN 1..6 LOOP
      part := format('payment_p2022_%s', lpad(month::text, 2, '0'));
      EXECUTE format('CREATE TABLE %I PARTITION OF payment FOR VALUES FROM (%L) TO (%L)', part,
        make_date(2022, month, 1), make_date(2022, month + 1, 1));
      EXECUTE format('ALTER TABLE %I ADD PRIMARY KEY (payment_date, payment_id)', part);
      EXECUTE format('ALTER TABLE %I ADD UNIQUE (payment_id)', part);
      EXECUTE format('ALTER TABLE %I ADD FOREIGN KEY (customer_id) REFERENCES customer', part);
      EXECUTE format('ALTER TABLE %I ADD FOREIGN KEY (staff_id) REFERENCES staff', part);
      IF month <= 4 THEN
        EXECUTE format('ALTER TABLE %I ADD FOREIGN KEY (rental_id) REFERENCES rental', part);
      END IF;
      EXECUTE format('CREATE INDEX %I ON %I (customer_id)', 'idx_fk_' || part || '_customer_id',
        part);
    END LOOP;
  END $$;
  CREATE TABLE reading (id int, sensor_id int REFERENCES staff, taken date)
    PARTITION BY RANGE (taken);
  CREATE TABLE reading_2024 PARTITION OF reading FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
  ALTER TABLE reading_2024 ADD FOREIGN KEY (sensor_id) REFERENCES staff;`;

let db: TestDatabase;
let result: ExtractionResult;

describe("postgres extractor on keys declared on each partition", () => {
  beforeAll(async () => {
    db = await createTestDatabase("partition_keys");
    await db.admin(perPartitionKeys);
    result = await extractAll(postgresConfig(db.url));
  });
  afterAll(() => db.drop());

  it("never makes a partition a table of its own", () => {
    expect(result.extraction.refs.map((ref) => ref.name)).toEqual([
      "customer",
      "payment",
      "reading",
      "rental",
      "staff",
    ]);
  });

  it("folds the partitions' foreign keys into the table, once each", () => {
    const payment = result.dataset("public", "payment");
    expect(
      payment.foreignKeys.map((fk) => [fk.fromFields, fk.to.name, fk.onPartitions, fk.from.name]),
    ).toEqual([
      [["customer_id"], "customer", { partitions: 6, of: 6 }, "payment"],
      [["rental_id"], "rental", { partitions: 4, of: 6 }, "payment"],
      [["staff_id"], "staff", { partitions: 6, of: 6 }, "payment"],
    ]);
    expect(payment.foreignKeys[0]?.name).toBe("payment_p2022_01_customer_id_fkey");
  });

  it("lists the partitioned table once among the tables that reference another", () => {
    const customer = result.dataset("public", "customer");
    expect(customer.referencedBy.map((fk) => [fk.from.name, fk.fromFields])).toEqual([
      ["payment", ["customer_id"]],
      ["rental", ["customer_id"]],
    ]);
    // The table's own key and the same key on its partition are one key.
    const staff = result.dataset("public", "staff");
    expect(staff.referencedBy.map((fk) => fk.from.name)).toEqual(["payment", "reading"]);
    expect(result.dataset("public", "reading").foreignKeys).toHaveLength(1);
    expect(result.dataset("public", "reading").foreignKeys[0]?.onPartitions).toBeUndefined();
  });

  it("names the partitioned table, not a partition, when the table itself is not extracted", async () => {
    const narrowed = await extractAll(postgresConfig(db.url, { exclude: ["public.payment"] }));
    expect(narrowed.dataset("public", "customer").referencedBy.map((fk) => fk.from.name)).toEqual([
      "payment",
      "rental",
    ]);
  });

  it("claims a key for the table only when it holds the partition key on every partition", () => {
    const payment = result.dataset("public", "payment");
    expect(payment.keys).toEqual([
      {
        name: "payment_p2022_01_pkey",
        kind: "primary",
        fields: ["payment_date", "payment_id"],
        onPartitions: { partitions: 6, of: 6 },
      },
    ]);
    const unique = payment.indexes.find((index) => index.columns.join() === "payment_id");
    expect(unique).toMatchObject({ unique: true, onPartitions: { partitions: 6, of: 6 } });
  });

  it("folds the partitions' indexes into the table, once each", () => {
    const payment = result.dataset("public", "payment");
    expect(payment.indexes.map((index) => [index.name, index.columns])).toEqual([
      ["idx_fk_payment_p2022_01_customer_id", ["customer_id"]],
      ["payment_p2022_01_payment_id_key", ["payment_id"]],
      ["payment_p2022_01_pkey", ["payment_date", "payment_id"]],
    ]);
  });
});
