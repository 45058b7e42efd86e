import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runExtract } from "../../../src/pipeline/run-extract.js";
import {
  createMysqlTestDatabase,
  skipWithoutMysql,
  type MysqlTestDatabase,
} from "../../helpers/mysql-database.js";
import { writeProjectConfig } from "../../helpers/project-config.js";
import { tempDir } from "../../helpers/run-cli.js";

const skip = await skipWithoutMysql("mysql triggers");

describe.skipIf(skip)("MySQL triggers in the knowledge file", () => {
  let db: MysqlTestDatabase;
  let dir: string;
  const file = (table: string) =>
    readFileSync(join(dir, "knowledge", "shop", db.name, `${table}.md`), "utf8");

  beforeAll(async () => {
    db = await createMysqlTestDatabase("triggers");
    await db.admin(`
      CREATE TABLE orders (order_id INT PRIMARY KEY, total DECIMAL(8,2), changed_at DATETIME);
      CREATE TABLE order_log (order_id INT, note VARCHAR(40));
      CREATE TRIGGER orders_stamp BEFORE UPDATE ON orders FOR EACH ROW
        SET NEW.changed_at = NOW();
      CREATE TRIGGER \`orders *log* | x\` AFTER INSERT ON orders FOR EACH ROW
        INSERT INTO order_log VALUES (NEW.order_id, 'BODY_MARKER');`);
    dir = tempDir("okf-triggers-");
    writeProjectConfig(dir, [
      "  - name: shop",
      "    type: mysql",
      "    connection: ${TEST_MYSQL_URL}",
      '    databases: ["${TEST_MYSQL_DATABASE}"]',
    ]);
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

  it("lists a table's triggers by name, timing and event, never the body", () => {
    const orders = file("orders");
    expect(orders).toContain(
      [
        "## Triggers",
        "- `orders *log* | x` AFTER INSERT, for each row",
        "- `orders_stamp` BEFORE UPDATE, for each row",
      ].join("\n"),
    );
    expect(orders).not.toMatch(/BODY_MARKER|NOW\(\)|order_log VALUES/);
    expect(file("order_log")).not.toContain("## Triggers");
  });
});
