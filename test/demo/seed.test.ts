import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../src/demo/embedded-postgres.js";
import { demoSchemas, seedDemoDatabase } from "../../src/demo/seed/seed-demo-database.js";

describe("the demo CRM seed", () => {
  let postgres: EmbeddedPostgres;
  let client: pg.Client;
  const one = async <T extends pg.QueryResultRow>(sql: string): Promise<T> => {
    const row = (await client.query<T>(sql)).rows[0];
    if (!row) throw new Error(`no row from ${sql}`);
    return row;
  };

  beforeAll(async () => {
    postgres = await startEmbeddedPostgres();
    await seedDemoDatabase(postgres.url);
    client = new pg.Client({ connectionString: postgres.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await postgres.stop();
  });

  it("creates the three schemas with tables, a view and a materialized view", async () => {
    const { rows } = await client.query<{ name: string; relkind: string }>(
      `
      SELECT format('%s.%s', n.nspname, c.relname) AS name, c.relkind::text AS relkind
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ANY($1) AND c.relkind IN ('r', 'v', 'm') ORDER BY 1`,
      [demoSchemas],
    );
    expect(rows).toEqual([
      { name: "finance.invoice", relkind: "r" },
      { name: "finance.monthly_revenue", relkind: "m" },
      { name: "finance.revenue_recognized", relkind: "r" },
      { name: "legacy.customer_account_2019", relkind: "r" },
      { name: "sales.active_accounts", relkind: "v" },
      { name: "sales.customer_account", relkind: "r" },
      { name: "sales.opportunity", relkind: "r" },
      { name: "sales.order_line", relkind: "r" },
      { name: "sales.sales_order", relkind: "r" },
      { name: "sales.territory", relkind: "r" },
    ]);
  });

  it("fills sales.customer_account with a few hundred synthetic accounts", async () => {
    const accounts = await one<{ n: number; names: number; bad_email: number; bad_phone: number }>(`
      SELECT count(*)::int AS n,
        count(*) FILTER (WHERE account_name ~ '^Account \\d{4}$')::int AS names,
        count(*) FILTER (WHERE owner_email !~ '@example\\.(com|org)$')::int AS bad_email,
        count(*) FILTER (WHERE billing_contact_phone !~ '555-01\\d\\d$')::int AS bad_phone
      FROM sales.customer_account`);
    expect(accounts.n).toBeGreaterThanOrEqual(200);
    expect(accounts.n).toBeLessThan(1000);
    expect(accounts).toMatchObject({ names: accounts.n, bad_email: 0, bad_phone: 0 });
  });

  it("keeps every table consistent with its foreign keys and invoices with their lines", async () => {
    const mismatch = await one<{ n: number }>(`
      SELECT count(*)::int AS n FROM finance.invoice i
      JOIN (SELECT order_id, sum(line_total) AS total FROM sales.order_line GROUP BY 1) l
        USING (order_id)
      JOIN sales.sales_order o USING (order_id)
      WHERE i.amount <> l.total OR i.account_id <> o.account_id`);
    expect(mismatch.n).toBe(0);
    const empty = await client.query<{ relname: string }>(
      `
      SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ANY($1) AND relkind IN ('r', 'm') AND reltuples <= 0`,
      [demoSchemas],
    );
    expect(empty.rows).toEqual([]);
  });

  it("leaves the legacy table's segment mostly empty, and the current one mostly filled", async () => {
    const legacy = await one<{ rate: number }>(
      "SELECT avg((segment IS NULL)::int)::float AS rate FROM legacy.customer_account_2019",
    );
    const current = await one<{ rate: number }>(
      "SELECT avg((segment IS NULL)::int)::float AS rate FROM sales.customer_account",
    );
    expect(legacy.rate).toBeGreaterThan(0.5);
    expect(current.rate).toBeGreaterThan(0);
    expect(current.rate).toBeLessThan(0.1);
  });

  it("comments every table and view and most columns", async () => {
    const tables = await client.query<{ name: string; comment: string | null }>(
      `
      SELECT c.relname AS name, obj_description(c.oid, 'pg_class') AS comment
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ANY($1) AND c.relkind IN ('r', 'v', 'm')`,
      [demoSchemas],
    );
    expect(tables.rows.filter((row) => !row.comment)).toEqual([]);
    const account = await one<{ comment: string }>(
      "SELECT obj_description('sales.customer_account'::regclass, 'pg_class') AS comment",
    );
    expect(account.comment).toMatch(/source of truth for segment/);
    const columns = await one<{ total: number; commented: number }>(`
      SELECT count(*)::int AS total,
        count(col_description(format('%I.%I', table_schema, table_name)::regclass,
          ordinal_position::int))::int AS commented
      FROM information_schema.columns
      WHERE table_schema IN ('sales', 'finance') AND table_name NOT IN ('active_accounts')`);
    expect(columns.commented / columns.total).toBeGreaterThan(0.7);
    expect(columns.commented).toBeLessThan(columns.total);
  });

  it("declares an enum, a domain, unique and check constraints and partial indexes", async () => {
    const lifecycle = await one<{ labels: string[] }>(
      "SELECT enum_range(NULL::sales.lifecycle)::text[] AS labels",
    );
    expect(lifecycle.labels).toEqual(["prospect", "onboarding", "active", "churned"]);
    const { rows: kindRows } = await client.query<{
      unique: number;
      check: number;
      foreign: number;
      domain: number;
    }>(
      `SELECT count(*) FILTER (WHERE contype = 'u')::int AS unique,
        count(*) FILTER (WHERE contype = 'c' AND conrelid <> 0)::int AS check,
        count(*) FILTER (WHERE contype = 'f')::int AS foreign,
        count(*) FILTER (WHERE contypid <> 0)::int AS domain
      FROM pg_constraint
      WHERE connamespace IN (SELECT oid FROM pg_namespace WHERE nspname = ANY($1))`,
      [demoSchemas],
    );
    const kinds = kindRows[0];
    expect(kinds?.unique).toBeGreaterThanOrEqual(4);
    expect(kinds?.check).toBeGreaterThanOrEqual(8);
    expect(kinds?.foreign).toBeGreaterThanOrEqual(8);
    expect(kinds?.domain).toBe(1);
    const partial = await client.query<{ indexname: string }>(`
      SELECT i.indexrelid::regclass::text AS indexname FROM pg_index i
      WHERE i.indpred IS NOT NULL ORDER BY 1`);
    expect(partial.rows.map((row) => row.indexname)).toEqual([
      "finance.invoice_unpaid_due_idx",
      "sales.customer_account_active_updated_idx",
      "sales.opportunity_open_close_date_idx",
    ]);
  });

  it("is analysed: row estimates and column statistics are filled", async () => {
    const estimate = await one<{ reltuples: number }>(
      "SELECT reltuples FROM pg_class WHERE oid = 'sales.customer_account'::regclass",
    );
    const actual = await one<{ n: number }>(
      "SELECT count(*)::int AS n FROM sales.customer_account",
    );
    expect(estimate.reltuples).toBe(actual.n);
    const segment = await one<{ null_frac: number; values: string[] }>(`
      SELECT null_frac, most_common_vals::text::text[] AS values FROM pg_stats
      WHERE schemaname = 'sales' AND tablename = 'customer_account' AND attname = 'segment'`);
    expect(segment.null_frac).toBeGreaterThan(0);
    expect([...segment.values].sort()).toEqual(["enterprise", "mid_market", "smb"]);
  });
});
