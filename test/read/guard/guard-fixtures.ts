import { readConceptRecords } from "../../../src/read/concepts/read-concept-records.js";
import {
  buildGuardKnowledge,
  checkSql,
  initSqlParser,
  type GuardDialect,
  type GuardPolicy,
} from "../../../src/read/guard/check-sql.js";
import { writeBundle, type TableSpec } from "./guard-bundle.js";

const crm = (
  schema: string,
  table: string,
  spec: Omit<TableSpec, "path" | "type" | "id" | "database" | "schema" | "table">,
): TableSpec => ({
  path: `crm/postgres/${schema}/${table}.md`,
  type: "PostgreSQL Table",
  id: `sales.crm.${table.toLowerCase().replace(/\s+/g, "_")}`,
  database: "crm",
  schema,
  table,
  ...spec,
});

/** A PostgreSQL source `crm`, a MySQL `shop`, a Redshift `dw` and a DynamoDB `orders`. */
export const guardSpecs: TableSpec[] = [
  crm("sales", "customer_account", {
    columns: [
      "account_id",
      "account_name",
      "owner_email",
      "billing_phone",
      "notes",
      "territory_id",
    ],
    frontmatter: { agent_usage: "allowed_with_masking" },
    guidance: "Use for account-level reporting only.\nHash owner_email before it leaves the query.",
    sensitive: [
      { field: "owner_email", category: "pii.email", decision: "confirmed", masking: "hash" },
      { field: "billing_phone", category: "pii.phone" },
      { field: "account_name", category: "pii.name", decision: "rejected" },
      {
        field: "notes",
        category: "pii.free_text",
        decision: "confirmed",
        masking: "redact",
        added: true,
      },
    ],
    joins: [
      {
        join: "customer_account.territory_id = territory.territory_id",
        with: "[territory](territory.md)",
        kind: "foreign key",
      },
      {
        join: "customer_account.account_name = sales_order.customer_name",
        with: "[sales_order](sales_order.md)",
        kind: "inferred: same name",
        decision: "rejected",
      },
    ],
  }),
  crm("sales", "sales_order", {
    columns: ["order_id", "account_id", "customer_name", "amount", "status"],
    frontmatter: { agent_usage: "allowed" },
    joins: [
      {
        join: "sales_order.account_id = customer_account.account_id",
        with: "[customer_account](customer_account.md)",
        kind: "foreign key",
      },
    ],
  }),
  crm("sales", "territory", {
    columns: ["territory_id", "name", "region"],
    frontmatter: { agent_usage: "allowed_read_only" },
  }),
  crm("sales", "Order Lines", {
    columns: ["order id", "Line Total"],
    frontmatter: { agent_usage: "allowed" },
    joins: [
      {
        join: '"Order Lines"."order id" = sales_order.order_id',
        with: "[sales_order](sales_order.md)",
        kind: "inferred: order id names sales_order",
        decision: "approved",
      },
    ],
  }),
  crm("sales", "opportunity", {
    columns: ["opportunity_id", "account_id"],
    frontmatter: { approval_status: "draft" },
  }),
  crm("sales", "lead", { columns: ["lead_id"], frontmatter: { approval_status: "needs_review" } }),
  crm("legacy", "customer_account_2019", {
    columns: ["account_id", "segment"],
    frontmatter: { approval_status: "deprecated", replaced_by: "sales.crm.customer_account" },
  }),
  crm("finance", "revenue", {
    columns: ["account_id", "amount"],
    frontmatter: { agent_usage: "prohibited" },
    prohibited: "Never use for forecasting; finance team only.",
  }),
  crm("finance", "monthly", {
    columns: ["month", "total"],
    frontmatter: { next_review_due: "2020-01-01" },
  }),
  crm("public", "audit_log", { columns: ["id", "event"] }),
  {
    path: "shop/shop/Customer.md",
    type: "MySQL Table",
    id: "shop.customer",
    database: "shop",
    table: "Customer",
    columns: ["CustomerId", "Email", "Name"],
    sensitive: [
      {
        field: "Email",
        category: "pii.email",
        decision: "confirmed",
        masking: "first letter and domain",
      },
    ],
  },
  {
    path: "shop/shop/Orders.md",
    type: "MySQL Table",
    id: "shop.orders",
    database: "shop",
    table: "Orders",
    columns: ["OrderId", "CustomerId", "Total"],
    joins: [
      {
        join: "Orders.CustomerId = Customer.CustomerId",
        with: "[Customer](Customer.md)",
        kind: "foreign key",
      },
    ],
  },
  {
    path: "dw/mart/sales_fact.md",
    type: "Redshift Table",
    id: "dw.mart.sales_fact",
    database: "dw",
    schema: "mart",
    table: "sales_fact",
    columns: ["sale_id", "customer_id", "amount", "email"],
    frontmatter: { agent_usage: "allowed_read_only" },
    sensitive: [{ field: "email", category: "pii.email" }],
    joins: [
      {
        join: "sales_fact.customer_id = customer.customer_id",
        with: "[customer](customer.md)",
        kind: "inferred: same name as the key of customer",
      },
    ],
  },
  {
    path: "dw/mart/customer.md",
    type: "Redshift Table",
    id: "dw.mart.customer",
    database: "dw",
    schema: "mart",
    table: "customer",
    columns: ["customer_id", "segment"],
  },
  {
    path: "orders/Orders.md",
    type: "DynamoDB Table",
    id: "commerce.orders",
    table: "Orders",
    columns: ["pk", "sk", "customerId", "status"],
    regions: [
      "<!-- okf:begin keys -->",
      "## Keys and Indexes",
      "- Table: partition key `pk` (S), sort key `sk` (S)",
      "- GSI `byCustomer`: partition key `customerId` (S), sort key `sk` (S); projection ALL",
      "<!-- okf:end keys -->",
      "",
      "<!-- okf:begin access-patterns -->",
      "## Access Patterns",
      "1. One item: `GetItem` with `pk` and `sk`.",
      "2. By `customerId`: `Query` on GSI `byCustomer` with `customerId = :v`.",
      "<!-- okf:end access-patterns -->",
    ].join("\n"),
  },
];

/** Checks SQL against a fresh bundle of `guardSpecs` (written once per test file). */
export async function guardChecker(
  policy: GuardPolicy = { requireApproval: false },
  specs: readonly TableSpec[] = guardSpecs,
): Promise<
  (
    sql: string,
    dialect?: GuardDialect,
    options?: { source?: string; searchPath?: string[] },
  ) => ReturnType<typeof checkSql>
> {
  await initSqlParser();
  const records = await readConceptRecords(writeBundle(specs), new Date("2026-12-01T00:00:00Z"));
  const knowledge = buildGuardKnowledge(records, policy);
  return (sql, dialect = "postgres", options = {}) =>
    checkSql(knowledge, { sql, dialect, ...options });
}
