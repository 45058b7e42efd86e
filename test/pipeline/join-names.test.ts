import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { splitRow } from "../../src/knowledge-file/markdown-table.js";
import { runExtract } from "../../src/pipeline/run-extract.js";
import { createExtractFixture, type ExtractFixture } from "../helpers/extract-fixture.js";
import {
  createMysqlTestDatabase,
  skipWithoutMysql,
  type MysqlTestDatabase,
} from "../helpers/mysql-database.js";
import { bundleFiles, writeProjectConfig } from "../helpers/project-config.js";
import { tempDir } from "../helpers/run-cli.js";

/** The rows of the Relationships table of a file, each split into its cells. */
function joinTable(text: string): string[][] {
  const region = /<!-- okf:begin relationships -->\n([\s\S]*?)<!-- okf:end relationships -->/.exec(
    text,
  )?.[1];
  return (region ?? "")
    .split("\n")
    .filter((line) => line.startsWith("|"))
    .map((line) => splitRow(line) ?? []);
}

const hostile = `
CREATE SCHEMA hostile;
CREATE TABLE hostile.customer (customer_id int PRIMARY KEY);
CREATE TABLE hostile."qu""ote" (id int PRIMARY KEY);
CREATE TABLE hostile."Order|Lines" (
  "line id" int PRIMARY KEY,
  customer_id int,
  "qu""ote_id" int,
  "order\`id" int
);
CREATE TABLE hostile."tick\`et" (id int PRIMARY KEY, customer_id int REFERENCES hostile.customer);
ANALYZE;
`;

describe("object names that are hostile to a markdown table", () => {
  let fixture: ExtractFixture;
  const path = (name: string) => `crm/${fixture.db.name}/hostile/${name}.md`;
  beforeAll(async () => {
    fixture = await createExtractFixture("okf_join_names", hostile);
    await fixture.extract();
  });
  afterAll(async () => {
    await fixture.db.drop();
  });

  it("quotes identifiers in the Join cell and escapes pipes, five cells in every row", () => {
    const rows = joinTable(fixture.read(path("Order_Lines")));
    for (const cells of rows) expect(cells).toHaveLength(5);
    const joins = rows.map((cells) => cells[0]?.trim());
    expect(joins).toContain('`"Order\\|Lines".customer_id = customer.customer_id`');
    expect(joins).toContain('`"Order\\|Lines"."qu""ote_id" = "qu""ote".id`');
  });

  it("leaves a join whose names hold a backtick out of the table, and keeps it as a bullet", () => {
    const ticket = fixture.read(path("tick_et"));
    expect(joinTable(ticket)).toEqual([]);
    expect(ticket).toMatch(/^- `customer_id` → \[customer\]\(customer\.md\) `customer_id`$/m);
    const customer = fixture.read(path("customer"));
    for (const cells of joinTable(customer)) expect(cells).toHaveLength(5);
    expect(customer).not.toContain("tick`et.customer_id");
    expect(customer).toMatch(/^- \[tick\\`et\]\(tick_et\.md\) `customer_id` → `customer_id`$/m);
  });

  it("keeps a Decision on a row with quoted and piped names", async () => {
    const text = fixture.read(path("Order_Lines"));
    const decided = text.replace(
      /^(\| `"Order\\\|Lines"\.customer_id = customer\.customer_id` \|.*\|) \|$/m,
      "$1 approved |",
    );
    expect(decided).not.toBe(text);
    fixture.write(path("Order_Lines"), decided);
    await fixture.extract({ now: "2026-11-28T02:00:00Z" });
    expect(fixture.read(path("Order_Lines"))).toBe(decided);
  });
});

const skipMysql = await skipWithoutMysql("inferred joins on MySQL without foreign keys");

describe.skipIf(skipMysql)("inferred joins on a MySQL/MariaDB schema without foreign keys", () => {
  let db: MysqlTestDatabase;
  let dir: string;
  let files: ReturnType<typeof bundleFiles>;
  beforeAll(async () => {
    db = await createMysqlTestDatabase("joins");
    for (const statement of [
      "CREATE TABLE territory (territory_id INT PRIMARY KEY, name VARCHAR(20))",
      "CREATE TABLE customers (id INT PRIMARY KEY, full_name VARCHAR(40))",
      "CREATE TABLE orders (order_id INT PRIMARY KEY, customer_id INT, territory_id INT, status_id INT, notes TEXT)",
      "CREATE TABLE order_items (order_id INT, line_no INT, product_code VARCHAR(10), PRIMARY KEY (order_id, line_no))",
      "CREATE TABLE customer_settings (customer_id INT PRIMARY KEY, theme VARCHAR(10))",
    ])
      await db.admin(statement);
    dir = tempDir("okf-mysql-joins-");
    const bundle = writeProjectConfig(dir, [
      "  - name: shop",
      "    type: mysql",
      "    connection: ${TEST_MYSQL_URL}",
      '    databases: ["${TEST_MYSQL_DATABASE}"]',
    ]);
    files = bundleFiles(bundle);
    const result = await runExtract({
      cwd: dir,
      env: { TEST_MYSQL_URL: db.url, TEST_MYSQL_DATABASE: db.name },
      now: new Date("2026-11-27T02:00:00Z"),
    });
    expect(result.exitCode).toBe(0);
  });
  afterAll(async () => {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const rowsOf = (table: string) =>
    joinTable(files.read(`shop/${db.name}/${table}.md`)).map((cells) =>
      cells.map((cell) => cell.trim()).join(" | "),
    );

  it("joins by key names and `<table>_id`, and guesses nothing for status_id", () => {
    expect(rowsOf("orders").slice(2)).toEqual([
      "`orders.customer_id = customers.id` | [customers](customers.md) | inferred: customer_id names customers | many-to-one | ",
      "`orders.territory_id = territory.territory_id` | [territory](territory.md) | inferred: same name as the key of territory | many-to-one | ",
    ]);
    expect(rowsOf("order_items").slice(2)).toEqual([
      "`order_items.order_id = orders.order_id` | [orders](orders.md) | inferred: same name as the key of orders | many-to-one | ",
    ]);
    // Its key is its own column customer_id, which names customers: one settings row each.
    expect(rowsOf("customer_settings").slice(2)).toEqual([
      "`customer_settings.customer_id = customers.id` | [customers](customers.md) | inferred: customer_id names customers | one-to-one | ",
    ]);
    expect(rowsOf("territory")).toEqual([]);
  });
});
