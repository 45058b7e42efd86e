import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { viewOverBoundMessage } from "../../../extractors/shared/view-bound-message.js";
import { runCli, tempDir } from "../../helpers/run-cli.js";
import { createTestDatabase, type TestDatabase } from "../../helpers/postgres-database.js";
import { profileOf, sampleAll, sqlSentDuring, type Sampled } from "./sampling-support.js";
import { postgresConfig } from "./support.js";

const views = ["report.per_row", "report.totals", "report.recent"];
const overBound =
  /^the planner estimates this view's query at cost ≈?[\d,]+, above the bound 200 \(views are only read when cheap; set sample_views: always to read it anyway\)$/;

describe("postgres views are read only when the planner estimates them cheap", () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase("view_cost");
    await db.admin(`
      CREATE SCHEMA report;
      CREATE TABLE report.orders (id int PRIMARY KEY, customer int NOT NULL, total int NOT NULL);
      INSERT INTO report.orders SELECT g, g % 50, g % 997 FROM generate_series(1, 20000) AS g;
      CREATE VIEW report.per_row AS
        SELECT o.id, (SELECT count(*) FROM report.orders AS p WHERE p.customer = o.customer) AS n
        FROM report.orders AS o;
      CREATE VIEW report.totals AS
        SELECT customer, sum(total) AS spent FROM report.orders GROUP BY customer;
      CREATE VIEW report.recent AS SELECT id, total FROM report.orders LIMIT 100;
      ANALYZE report.orders;`);
  });
  afterAll(() => db.drop());

  const sampleViews = (mode?: string) =>
    sampleAll(postgresConfig(db.url, { include: views, ...(mode ? { sample_views: mode } : {}) }));

  it("auto: runs EXPLAIN in the read-only transaction, reads only the cheap view, and calls it no failure", async () => {
    let sampled: Sampled | undefined;
    const sql = await sqlSentDuring(async () => {
      sampled = await sampleViews();
    });
    const result = sampled as Sampled;
    expect([...result.failures.keys()]).toEqual([]);
    for (const costly of ["report.per_row", "report.totals"]) {
      expect(profileOf(result, costly)).toMatchObject({
        sampling: { status: "not_read", reason: expect.stringMatching(overBound) as unknown },
        sampled: 0,
      });
    }
    expect(profileOf(result, "report.recent")).toMatchObject({
      sampling: {
        status: "read",
        method: "a read capped at 10,000 rows (a view cannot be sampled with TABLESAMPLE)",
      },
      sampled: 100,
    });
    // The costly views' queries were explained, never declared as a cursor.
    const declared = sql.filter((text) => text.startsWith("DECLARE"));
    expect(declared).toHaveLength(1);
    expect(declared[0]).toContain('"report"."recent"');
    const explainAt = sql.findIndex((text) => text.startsWith("EXPLAIN (FORMAT JSON)"));
    // In the sample's transaction: after its BEGIN, no ROLLBACK or COMMIT before the EXPLAIN.
    const beganAt = sql.slice(0, explainAt).lastIndexOf("BEGIN TRANSACTION READ ONLY");
    expect(beganAt).toBeGreaterThanOrEqual(0);
    expect(
      sql.slice(beganAt, explainAt).filter((text) => /^(ROLLBACK|COMMIT)$/.test(text)),
    ).toEqual([]);
    expect(sql.filter((text) => text.startsWith("EXPLAIN"))).toHaveLength(3);
  });

  it("always: reads every view", async () => {
    const sampled = await sampleViews("always");
    expect([...sampled.failures.keys()]).toEqual([]);
    expect(profileOf(sampled, "report.per_row").sampled).toBe(10_000);
    expect(profileOf(sampled, "report.totals").sampled).toBe(50);
    expect(profileOf(sampled, "report.recent").sampled).toBe(100);
  });

  it("never: reads no view, sends no EXPLAIN", async () => {
    let sampled: Sampled | undefined;
    const sql = await sqlSentDuring(async () => {
      sampled = await sampleViews("never");
    });
    const result = sampled as Sampled;
    expect([...result.failures.keys()]).toEqual([]);
    for (const view of views) {
      expect(profileOf(result, view)).toMatchObject({
        sampling: { status: "not_read", reason: "a view (the source sets `sample_views: never`)" },
        sampled: 0,
      });
    }
    expect(sql.some((text) => /^(EXPLAIN|DECLARE)/.test(text))).toBe(false);
  });

  it("keeps the catalog query count whatever sample_views says", async () => {
    const counts = await Promise.all(
      ["auto", "never"].map(async (mode) => (await sampleViews(mode)).requestCount),
    );
    expect(new Set(counts).size).toBe(1);
  });

  it("okf extract exits 0 under every setting, and the file says why a view was not read", async () => {
    const dir = tempDir("okf-pg-view-cost-");
    try {
      for (const mode of ["auto", "always", "never"]) {
        const config = [
          "sources:",
          "  - name: crm",
          "    type: postgres",
          "    connection: ${CRM_URL}",
          `    include: [${views.join(", ")}]`,
          `    sample_views: ${mode}`,
          "",
        ].join("\n");
        writeFileSync(join(dir, "okf.config.yaml"), config);
        const run = await runCli(["extract"], dir, { CRM_URL: db.url });
        expect(run.code, run.stdout + run.stderr).toBe(0);
        if (mode === "auto") {
          const file = readFileSync(
            join(dir, "knowledge", "crm", db.name, "report", "totals.md"),
            "utf8",
          );
          expect(file).toContain("not sampled: the planner estimates this view's query at cost");
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the reason a view is not read", () => {
  it("rounds the estimate up to two significant digits, so small growth does not rewrite the file", () => {
    expect(viewOverBoundMessage({ cost: 412.3 }, 200)).toMatch(
      /^the planner estimates this view's query at cost ≈420, above the bound 200 /,
    );
    expect(viewOverBoundMessage({ cost: 3_780_263.5 }, 200)).toContain("at cost ≈3,800,000,");
    expect(viewOverBoundMessage({ rowsRead: 30_000 }, 20_000)).toContain(
      "at 30,000 rows read, above the bound 20,000",
    );
  });
});
