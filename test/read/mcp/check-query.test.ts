import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { writeBundle } from "../guard/guard-bundle.js";
import { guardSpecs } from "../guard/guard-fixtures.js";
import { startOkfServer, type McpSession } from "./mcp-session.js";

let session: McpSession;
let bundle: string;

beforeAll(async () => {
  bundle = writeBundle(guardSpecs);
  const dir = dirname(bundle);
  // The config beside the bundle names it, so its guard policy applies to check_query.
  writeFileSync(
    join(dir, "okf.config.yaml"),
    "bundle: knowledge\nguard:\n  require_approval: true\n",
  );
  session = await startOkfServer(["serve", "--mcp", "--read-only", "--bundle", bundle], {
    cwd: dir,
  });
});

afterAll(async () => {
  await session.close();
});

describe("the MCP tool check_query", () => {
  it("is listed with an input and an output schema, and the instructions name it", async () => {
    const { tools } = await session.client.listTools();
    const tool = tools.find((candidate) => candidate.name === "check_query");
    expect(tool?.inputSchema.required).toEqual(["sql"]);
    expect(tool?.inputSchema.properties?.dialect).toMatchObject({
      enum: ["postgres", "mysql", "redshift", "partiql"],
    });
    expect(tool?.outputSchema?.required).toEqual(["statements", "findings"]);
    expect(tool?.annotations?.readOnlyHint).toBe(true);
    expect(session.client.getInstructions()).toContain("Before you run any SQL, call check_query");
  });

  it("returns the same JSON as okf check-sql as structuredContent, and the findings as text", async () => {
    const answer = await session.call("check_query", {
      sql: "SELECT c.owner_email FROM sales.customer_account c JOIN sales.sales_order o ON o.customer_name = c.account_name; SELECT 1 FROM sales.opportunity",
    });
    expect(answer.isError).toBe(false);
    expect(answer.structured).toEqual({
      statements: [
        {
          index: 1,
          kind: "select",
          tables: ["sales.crm.customer_account", "sales.crm.sales_order"],
        },
        { index: 2, kind: "select", tables: ["sales.crm.opportunity"] },
      ],
      findings: [
        expect.objectContaining({
          rule: "sensitive-column",
          severity: "warning",
          column: "owner_email",
          guidance:
            "Use for account-level reporting only.\nHash owner_email before it leaves the query.",
        }),
        expect.objectContaining({ rule: "unapproved-join", severity: "error", statement: 1 }),
        expect.objectContaining({
          rule: "unapproved-table",
          severity: "error",
          statement: 2,
          table: "sales.opportunity",
        }),
      ],
    });
    expect(answer.text).toContain("error unapproved-join");
    expect(answer.text).toContain("2 errors, 1 warning in 2 statements.");
  });

  it("checks other dialects and sources", async () => {
    const scan = await session.call("check_query", {
      sql: 'SELECT * FROM "Orders" WHERE "status" = ?',
      dialect: "partiql",
    });
    expect(scan.structured?.findings).toEqual([
      expect.objectContaining({ rule: "full-scan", column: "pk" }),
    ]);
    const mysql = await session.call("check_query", {
      sql: "SELECT Name FROM Customer",
      dialect: "mysql",
      source: "crm",
    });
    expect(mysql.structured?.findings).toEqual([
      expect.objectContaining({ rule: "unknown-table" }),
    ]);
    const path = await session.call("check_query", {
      sql: "SELECT amount FROM sales_order",
      search_path: ["sales"],
    });
    expect(path.structured?.findings).toEqual([]);
  });

  it("answers a parse error as a tool error with the position, and keeps serving", async () => {
    const answer = await session.call("check_query", { sql: "SELECT 1;\nSELEC 2" });
    expect(answer.isError).toBe(true);
    expect(answer.text).toMatch(/cannot be parsed at line 2, column 1/);
    const again = await session.call("check_query", { sql: "SELECT 1 FROM sales.sales_order" });
    expect(again.structured).toEqual({
      statements: [{ index: 1, kind: "select", tables: ["sales.crm.sales_order"] }],
      findings: [],
    });
  });

  it("sees a file changed while the server runs, at once or within the one-second recheck", async () => {
    const sql = { sql: "SELECT 1 FROM sales.sales_order" };
    // The knowledge is cached now; a second call within the second reuses it.
    expect((await session.call("check_query", sql)).structured?.findings).toEqual([]);
    const file = join(bundle, "crm/postgres/sales/sales_order.md");
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace("agent_usage: allowed\n", "agent_usage: prohibited\n"),
    );
    await vi.waitFor(
      async () => {
        const answer = await session.call("check_query", sql);
        expect(answer.structured?.findings).toEqual([
          expect.objectContaining({ rule: "prohibited-use" }),
        ]);
      },
      { timeout: 3000, interval: 100 },
    );
  });
});
