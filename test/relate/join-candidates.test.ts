import { describe, expect, it } from "vitest";
import type { Dataset, DatasetRef, ForeignKey, JoinCandidate } from "../../src/model/index.js";
import { newDataset } from "../../src/model/new-dataset.js";
import { KeyIndex } from "../../src/relate/key-index.js";
import { joinCandidates, waitsForKeys } from "../../src/relate/join-candidates.js";
import { readDatasetLines } from "../helpers/dataset-lines.js";

function table(
  name: string,
  columns: string[],
  options: {
    primary?: string[];
    unique?: string[][];
    schema?: string;
    kind?: Dataset["kind"];
  } = {},
): Dataset {
  const keys: Dataset["keys"] = [];
  if (options.primary)
    keys.push({ name: `${name}_pkey`, kind: "primary", fields: options.primary });
  for (const fields of options.unique ?? [])
    keys.push({ name: `${name}_${fields.join("_")}_key`, kind: "unique", fields });
  return newDataset({
    ref: { database: "shop", schema: options.schema ?? "public", name },
    kind: options.kind ?? "table",
    objectType: "table",
    resource: `postgresql://db/shop/${name}`,
    fields: columns.map((column, i) => ({
      name: column,
      path: column,
      position: i + 1,
      type: "int",
    })),
    keys,
  });
}

function fk(
  from: DatasetRef,
  fromFields: string[],
  to: DatasetRef,
  toFields: string[],
): ForeignKey {
  return { name: `${from.name}_fk`, from, fromFields, to, toFields };
}

/** Every dataset's keys indexed first, as the pipeline does for a catalog held in memory. */
function relate(datasets: Dataset[]): Map<string, JoinCandidate[]> {
  const index = new KeyIndex(datasets.map((d) => d.ref));
  for (const dataset of datasets) index.add(dataset);
  return new Map(datasets.map((d) => [d.ref.name, joinCandidates(d, index)]));
}

const summary = (joins: JoinCandidate[] | undefined) =>
  (joins ?? []).map(
    (j) =>
      `${j.columns.join(",")} -> ${j.other.schema ?? ""}.${j.other.name}.${j.otherColumns.join(",")} ${j.evidence.kind} ${j.cardinality ?? "?"}`,
  );

describe("join candidates from keys", () => {
  it("lists foreign keys both ways with their cardinality from this side", () => {
    const customer = table("customer", ["customer_id", "name"], { primary: ["customer_id"] });
    const order = table("sales_order", ["order_id", "customer_id"], { primary: ["order_id"] });
    const profile = table("customer_profile", ["customer_id", "bio"], { primary: ["customer_id"] });
    order.foreignKeys = [fk(order.ref, ["customer_id"], customer.ref, ["customer_id"])];
    profile.foreignKeys = [fk(profile.ref, ["customer_id"], customer.ref, ["customer_id"])];
    customer.referencedBy = [...order.foreignKeys, ...profile.foreignKeys];
    const joins = relate([customer, order, profile]);
    expect(summary(joins.get("sales_order"))).toEqual([
      "customer_id -> public.customer.customer_id foreign_key many-to-one",
    ]);
    // A key on the referencing columns: one profile per customer.
    expect(summary(joins.get("customer_profile"))).toEqual([
      "customer_id -> public.customer.customer_id foreign_key one-to-one",
    ]);
    expect(summary(joins.get("customer"))).toEqual([
      "customer_id -> public.sales_order.customer_id foreign_key_incoming one-to-many",
      "customer_id -> public.customer_profile.customer_id foreign_key_incoming one-to-one",
    ]);
  });

  it("pairs the columns of a composite foreign key and infers nothing for its columns", () => {
    const line = table("order_line", ["order_id", "line_no"], { primary: ["order_id", "line_no"] });
    const shipment = table("shipment_line", ["shipment_id", "order_id", "line_no"], {
      primary: ["shipment_id"],
    });
    const order = table("sales_order", ["order_id"], { primary: ["order_id"] });
    shipment.foreignKeys = [
      fk(shipment.ref, ["order_id", "line_no"], line.ref, ["order_id", "line_no"]),
    ];
    const joins = relate([line, shipment, order]);
    expect(summary(joins.get("shipment_line"))).toEqual([
      "order_id,line_no -> public.order_line.order_id,line_no foreign_key many-to-one",
    ]);
  });
});

describe("inferred join candidates", () => {
  const territory = table("territory", ["territory_id", "name"], { primary: ["territory_id"] });
  const region = table("regions", ["id", "label"], { primary: ["id"] });
  const product = table("product", ["product_id", "product_code"], {
    primary: ["product_id"],
    unique: [["product_code"]],
  });
  const order = table(
    "sales_order",
    [
      "order_id",
      "territory_id",
      "region_id",
      "status_id",
      "product_code",
      "id",
      "email",
      "customer_id",
    ],
    { primary: ["order_id"] },
  );
  const joins = relate([territory, region, product, order]);

  it("joins a column to the table whose key has its name, or that it names with `_id`", () => {
    expect(summary(joins.get("sales_order"))).toEqual([
      "territory_id -> public.territory.territory_id same_key_name many-to-one",
      "region_id -> public.regions.id column_names_table many-to-one",
      "product_code -> public.product.product_code same_key_name many-to-one",
    ]);
  });

  it("infers nothing where no table fits: status_id without a status table, a bare id, an email", () => {
    const text = summary(joins.get("sales_order")).join("\n");
    expect(text).not.toMatch(/^(status_id|id|email|customer_id) /m);
  });

  it("never joins a table's own key to itself, nor points at a view", () => {
    expect(summary(joins.get("territory"))).toEqual([]);
    const view = table("territory_summary", ["territory_id", "orders"], { kind: "view" });
    const reader = table("visit", ["visit_id", "territory_summary_id"], { primary: ["visit_id"] });
    const more = relate([view, reader, territory]);
    expect(summary(more.get("visit"))).toEqual([]);
    // A view's column may still point at the table.
    expect(summary(more.get("territory_summary"))).toEqual([
      "territory_id -> public.territory.territory_id same_key_name many-to-one",
    ]);
  });

  it("is one-to-one when the column is this table's own single-column key", () => {
    const detail = table("territory_detail", ["territory_id", "notes"], {
      primary: ["territory_id"],
    });
    const more = relate([territory, detail]);
    expect(summary(more.get("territory_detail"))).toEqual([
      "territory_id -> public.territory.territory_id same_key_name one-to-one",
    ]);
    // territory.territory_id names territory itself: no join back to the detail table.
    expect(summary(more.get("territory"))).toEqual([]);
  });

  it("leaves an ambiguous name alone, and prefers the table the column names", () => {
    const a = table("warehouse_a", ["stock_code"], { primary: ["stock_code"] });
    const b = table("warehouse_b", ["stock_code"], { primary: ["stock_code"] });
    const picker = table("pick", ["pick_id", "stock_code"], { primary: ["pick_id"] });
    expect(summary(relate([a, b, picker]).get("pick"))).toEqual([]);
    const customer = table("customer", ["customer_id"], { primary: ["customer_id"] });
    const loyalty = table("loyalty", ["customer_id"], { primary: ["customer_id"] });
    const invoice = table("invoice", ["invoice_id", "customer_id"], { primary: ["invoice_id"] });
    expect(summary(relate([customer, loyalty, invoice]).get("invoice"))).toEqual([
      "customer_id -> public.customer.customer_id same_key_name many-to-one",
    ]);
  });

  it("reaches other schemas of the same database, never another database", () => {
    const customer = table("customer", ["customer_id"], {
      primary: ["customer_id"],
      schema: "crm",
    });
    const visit = table("visit", ["visit_id", "customer_id"], {
      primary: ["visit_id"],
      schema: "web",
    });
    const elsewhere = {
      ...table("ticket", ["ticket_id", "customer_id"]),
      ref: { database: "other", schema: "web", name: "ticket" },
    };
    const joins2 = relate([customer, visit, elsewhere]);
    expect(summary(joins2.get("visit"))).toEqual([
      "customer_id -> crm.customer.customer_id same_key_name many-to-one",
    ]);
    expect(summary(joins2.get("ticket"))).toEqual([]);
  });

  it("points `<table>_id` at a keyless table's conventional column, cardinality unknown", () => {
    const glue = (name: string, columns: string[]) => ({
      ...table(name, columns, { kind: "external_table" }),
      ref: { database: "clickstream", name },
    });
    const sessions = glue("sessions", ["session_id", "started_at"]);
    const pages = glue("page_views", ["view_id", "session_id", "visitor_id"]);
    const joins2 = relate([sessions, pages]);
    expect(summary(joins2.get("page_views"))).toEqual([
      "session_id -> .sessions.session_id column_names_table ?",
    ]);
    expect(summary(joins2.get("sessions"))).toEqual([]);
  });
});

describe("DynamoDB key attributes that name a table", () => {
  const dynamo = (name: string, partition: string, sort?: string, gsi?: string): Dataset =>
    newDataset({
      ref: { name },
      kind: "nosql_table",
      objectType: "table",
      resource: `arn:aws:dynamodb:eu-west-1:1:table/${name}`,
      fields: [partition, sort, gsi]
        .filter((n): n is string => n !== undefined)
        .map((n, i) => ({ name: n, path: n, position: i + 1, type: "S" })),
      keyValue: {
        partitionKey: { name: partition, type: "S" },
        sortKey: sort ? { name: sort, type: "S" } : undefined,
        indexes: gsi
          ? [
              {
                kind: "global",
                name: `by_${gsi}`,
                partitionKey: { name: gsi, type: "S" },
                projection: "ALL",
              },
            ]
          : [],
      },
    });

  it("joins a GSI key to the table it names, and says when both sides repeat", () => {
    const customers = dynamo("customers", "customer_id");
    const orders = dynamo("orders", "order_id", undefined, "customer_id");
    const events = dynamo("order_events", "order_id", "event_time");
    const profiles = dynamo("profiles", "customer_id");
    const joins = relate([customers, orders, events, profiles]);
    expect(summary(joins.get("orders"))).toEqual([
      "customer_id -> .customers.customer_id key_attribute_names_table many-to-one",
    ]);
    // order_events.order_id → orders (keyed by order_id): many events per order.
    expect(summary(joins.get("order_events"))).toEqual([
      "order_id -> .orders.order_id key_attribute_names_table many-to-one",
    ]);
    expect(summary(joins.get("profiles"))).toEqual([
      "customer_id -> .customers.customer_id key_attribute_names_table one-to-one",
    ]);
    const lines = dynamo("order_lines", "order_id", "line_no");
    const refunds = dynamo("refunds", "refund_id", undefined, "order_line_id");
    const withLines = relate([lines, refunds, dynamo("order_line", "order_id", "line_no")]);
    expect(summary(withLines.get("refunds"))).toEqual([]);
  });

  it("infers nothing from generic pk/sk names (the single-table Chinook fixture)", () => {
    const datasets = readDatasetLines("dynamodb.jsonl").lines.flatMap((l) =>
      "dataset" in l ? [l.dataset] : [],
    );
    for (const joins of relate(datasets).values()) expect(joins).toEqual([]);
  });

  it("waits for the keys of a table it names until that table has arrived", () => {
    const customers = dynamo("customers", "customer_id");
    const orders = dynamo("orders", "order_id", undefined, "customer_id");
    const index = new KeyIndex([customers.ref, orders.ref]);
    index.add(orders);
    expect(waitsForKeys(orders, index)).toBe(true);
    index.add(customers);
    expect(waitsForKeys(orders, index)).toBe(false);
  });
});

describe("the committed Redshift and Glue fixtures", () => {
  const related = (name: string) =>
    relate(readDatasetLines(name).lines.flatMap((l) => ("dataset" in l ? [l.dataset] : [])));

  it("joins the Spectrum table's customer_id to public.customer, and no more", () => {
    const joins = related("redshift.jsonl");
    expect(summary(joins.get("page_views"))).toEqual([
      "customer_id -> public.customer.customer_id same_key_name many-to-one",
    ]);
    expect(summary(joins.get("sales_with_channel"))).toEqual([
      "sale_id -> sales_mart.sales_fact.sale_id same_key_name many-to-one",
    ]);
    // Views of aggregates join nothing.
    expect(summary(joins.get("monthly_revenue"))).toEqual([]);
    expect(summary(joins.get("daily_sales"))).toEqual([]);
  });

  it("guesses no join between the Glue tables (nothing there names another table)", () => {
    for (const joins of related("glue.jsonl").values()) expect(joins).toEqual([]);
  });
});
