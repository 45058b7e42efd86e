import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, tempDir } from "../../helpers/run-cli.js";
import {
  createMysqlTestDatabase,
  skipWithoutMysql,
  type MysqlTestDatabase,
} from "../../helpers/mysql-database.js";
import { rowsReadEstimate } from "../../../extractors/mysql/view-cost.js";
import type { ProfileSampling } from "../../../src/model/index.js";
import { mysqlConfig, sampleAll, type Sampled } from "./support.js";

const skip = await skipWithoutMysql("mysql view sampling cost");

const cap = 10_000;
const overBound =
  /^the planner estimates this view's query at ≈?[\d,]+ rows read, above the bound 20,000 \(views are only read when cheap; set sample_views: always to read it anyway\)$/;

function samplingOf(sampled: Sampled, name: string): ProfileSampling | undefined {
  return sampled.profiles.get(name)?.sampling;
}

const overTheBound = {
  status: "not_read",
  reason: expect.stringMatching(overBound) as unknown,
};

describe.skipIf(skip)("mysql views are read only when the planner estimates them cheap", () => {
  let db: MysqlTestDatabase;

  beforeAll(async () => {
    db = await createMysqlTestDatabase("view_cost");
    // MariaDB and MySQL cap recursive CTEs under different names; raise whichever exists.
    await db.admin("SET SESSION max_recursive_iterations = 100000").catch(() => undefined);
    await db.admin("SET SESSION cte_max_recursion_depth = 100000").catch(() => undefined);
    await db.admin(`
      CREATE TABLE orders (id INT PRIMARY KEY, customer INT NOT NULL, total INT NOT NULL);
      INSERT INTO orders
        WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 20000)
        SELECT n, n % 50, n % 997 FROM s;
      CREATE VIEW per_row AS
        SELECT o.id, (SELECT COUNT(*) FROM orders AS p WHERE p.customer = o.customer) AS n
        FROM orders AS o;
      CREATE VIEW totals AS SELECT customer, SUM(total) AS spent FROM orders GROUP BY customer;
      CREATE VIEW recent AS SELECT id, total FROM orders LIMIT 100;
      CREATE VIEW listing AS SELECT id, total FROM orders;
      ANALYZE TABLE orders;`);
  });
  afterAll(async () => {
    const made: { db?: MysqlTestDatabase } = { db };
    await made.db?.drop();
  });

  const sampleViews = (mode?: string) =>
    sampleAll(
      mysqlConfig(db.url, {
        databases: [db.name],
        exclude: [`${db.name}.orders`],
        ...(mode ? { sample_views: mode } : {}),
      }),
      cap,
    );

  it("auto: reads the cheap views only, and calls the others no failure", async () => {
    const sampled = await sampleViews();
    expect([...sampled.failures.keys()]).toEqual([]);
    expect(samplingOf(sampled, "per_row")).toEqual(overTheBound);
    expect(samplingOf(sampled, "totals")).toEqual(overTheBound);
    expect(sampled.profiles.get("recent")).toMatchObject({
      sampling: {
        status: "read",
        method: "the first rows of the view's query, capped at 10,000 rows",
      },
      sampled: 100,
    });
    expect(sampled.profiles.get("listing")?.sampled).toBe(cap);
  });

  it("always: reads every view", async () => {
    const sampled = await sampleViews("always");
    expect([...sampled.failures.keys()]).toEqual([]);
    expect(sampled.profiles.get("per_row")?.sampled).toBe(cap);
    expect(sampled.profiles.get("totals")?.sampled).toBe(50);
    expect(sampled.profiles.get("recent")?.sampled).toBe(100);
  });

  it("never: reads no view, and keeps the catalog query count", async () => {
    const never = await sampleViews("never");
    expect([...never.failures.keys()]).toEqual([]);
    for (const view of ["per_row", "totals", "recent", "listing"]) {
      expect(samplingOf(never, view)).toEqual({
        status: "not_read",
        reason: "a view (the source sets `sample_views: never`)",
      });
    }
    expect((await sampleViews()).requestCount).toBe(never.requestCount);
  });

  it("okf extract exits 0 under every setting, and the file says why a view was not read", async () => {
    const dir = tempDir("okf-mysql-view-cost-");
    try {
      for (const mode of ["auto", "always", "never"]) {
        const config = [
          "sources:",
          "  - name: shop",
          "    type: mysql",
          "    connection: ${SHOP_URL}",
          `    databases: [${db.name}]`,
          `    sample_views: ${mode}`,
          "",
        ].join("\n");
        writeFileSync(join(dir, "okf.config.yaml"), config);
        const run = await runCli(["extract"], dir, { SHOP_URL: db.url });
        expect(run.code, run.stdout + run.stderr).toBe(0);
        if (mode === "auto") {
          const file = readFileSync(join(dir, "knowledge", "shop", db.name, "totals.md"), "utf8");
          expect(file).toContain("not sampled: the planner estimates this view's query at");
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("rows read by a MySQL 8 plan (EXPLAIN FORMAT=JSON)", () => {
  const explain = (plan: unknown) => ({ EXPLAIN: JSON.stringify({ query_block: plan }) });
  const scan = (rows: number, extra: Record<string, unknown> = {}) => ({
    table: { table_name: "orders", access_type: "ALL", rows_examined_per_scan: rows, ...extra },
  });

  it("stops a plain scan at the LIMIT, reads a sorted or grouped input whole", () => {
    expect(rowsReadEstimate(explain({ nested_loop: [scan(20_000)] }), 100)).toBe(100);
    const grouped = { grouping_operation: { using_filesort: true, nested_loop: [scan(20_000)] } };
    expect(rowsReadEstimate(explain(grouped), 100)).toBe(20_000);
  });

  it("runs a dependent subquery once per row", () => {
    const plan = {
      nested_loop: [
        scan(20_000, {
          attached_subqueries: [{ dependent: true, query_block: { nested_loop: [scan(400)] } }],
        }),
      ],
      select_list_subqueries: [
        { dependent: true, cacheable: false, query_block: { nested_loop: [scan(20_000)] } },
      ],
    };
    expect(rowsReadEstimate(explain(plan), 10)).toBe(10 + 10 * 20_000 + 10 * 400);
  });
});
