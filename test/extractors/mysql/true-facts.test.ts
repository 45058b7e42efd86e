import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runExtract, type ExtractResult } from "../../../src/pipeline/run-extract.js";
import {
  createMysqlTestDatabase,
  skipWithoutMysql,
  type MysqlTestDatabase,
} from "../../helpers/mysql-database.js";
import { writeProjectConfig } from "../../helpers/project-config.js";
import { tempDir } from "../../helpers/run-cli.js";
import { profileCell } from "../../helpers/schema-cells.js";

const skip = await skipWithoutMysql("mysql true profile facts");

/** 2,000 rows: years, prices, epoch seconds, 10 common and 6 rare categories. */
const schema = `
CREATE TABLE seq (i INT PRIMARY KEY);
INSERT INTO seq
WITH d(v) AS (SELECT 0 UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL
  SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL
  SELECT 9)
SELECT a.v + 10 * b.v + 100 * c.v + 1000 * e.v FROM d a, d b, d c, d e;
CREATE TABLE release_fact (
  id INT PRIMARY KEY,
  release_year SMALLINT NOT NULL,
  price DECIMAL(6,2) NOT NULL,
  created_epoch BIGINT NOT NULL,
  category VARCHAR(12) NOT NULL
);
INSERT INTO release_fact
SELECT i, 2006 + i % 19, 9.99 + i % 21, 1764547200 + i * 60,
  CASE WHEN i <= 6 THEN CONCAT('rare_', i) ELSE CONCAT('common_', i % 10) END
FROM seq WHERE i BETWEEN 1 AND 2000;
CREATE TABLE order_line (
  order_id INT NOT NULL,
  line_number SMALLINT NOT NULL,
  sku VARCHAR(20) NOT NULL,
  PRIMARY KEY (order_id, line_number)
);
INSERT INTO order_line
SELECT 1 + i DIV 4, 1 + i % 4, CONCAT('SKU-', 1000 + i % 37) FROM seq WHERE i < 800;
CREATE VIEW yearly_price AS
  SELECT r.release_year, COUNT(*) AS releases, MAX(r.price) AS top_price
  FROM release_fact r JOIN order_line o ON o.order_id = r.id
  WHERE r.price > 10 GROUP BY r.release_year;
ANALYZE TABLE release_fact, order_line PERSISTENT FOR ALL;
`;

describe.skipIf(skip)("profile facts on MariaDB are true", () => {
  let db: MysqlTestDatabase;
  let dir = "";
  let result: ExtractResult;
  const read = (name: string) =>
    readFileSync(join(dir, "knowledge", "shop", db.name, `${name}.md`), "utf8");

  beforeAll(async () => {
    db = await createMysqlTestDatabase("true_facts");
    await db.admin(schema);
    dir = tempDir("okf-mysql-facts-");
    writeProjectConfig(dir, [
      "  - name: shop",
      "    type: mysql",
      "    connection: ${TEST_MYSQL_URL}",
      '    databases: ["${TEST_MYSQL_DATABASE}"]',
      "    profile: { sample_rows: 200 }",
    ]);
    result = await runExtract({
      cwd: dir,
      env: { TEST_MYSQL_URL: db.url, TEST_MYSQL_DATABASE: db.name },
      now: new Date("2026-11-27T02:00:00Z"),
    });
  });
  afterAll(async () => {
    await db.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("extracts the schema", () => {
    expect(result.exitCode).toBe(0);
  });

  it("claims no uniqueness for the columns of a composite primary key", () => {
    const lines = read("order_line");
    expect(profileCell(lines, "order_id")).not.toContain("unique");
    expect(profileCell(lines, "order_id")).toMatch(/^distinct ≈ 200\b/);
    expect(profileCell(lines, "line_number")).not.toContain("unique");
    expect(profileCell(read("release_fact"), "id")).toMatch(/^distinct: unique/);
  });

  it("writes years and small integers exactly, money and epoch seconds rounded outward and marked", () => {
    const facts = read("release_fact");
    expect(profileCell(facts, "release_year")).toMatch(
      /range in sample: 20(0[6-9]|1\d) … 202[0-4]$/,
    );
    expect(profileCell(facts, "release_year")).not.toContain("always");
    expect(profileCell(facts, "price")).toMatch(/range in sample: ≈?\d+(\.\d)? … ≈?[23]\d$/);
    expect(profileCell(facts, "price")).not.toContain("always");
    expect(profileCell(facts, "created_epoch")).toContain("range in sample: ≈1.7B … ≈1.8B");
  });

  it("never shows a value list of a 16-value column as if it were complete", () => {
    const cell = profileCell(read("release_fact"), "category");
    expect(cell).not.toMatch(/^values: /);
    expect(cell).toMatch(/^(1[0-5]|\d) of ≈16 values: |^distinct ≈ 16;/);
  });

  it("gives an average length to string columns only", () => {
    const facts = read("release_fact");
    expect(profileCell(facts, "category")).toMatch(/avg length/);
    for (const column of ["id", "release_year", "price", "created_epoch"]) {
      expect(profileCell(facts, column)).not.toContain("avg length");
    }
  });

  it("lays a view's definition out over several lines", () => {
    const view = read("yearly_price");
    const block = /```sql\n([\s\S]*?)\n```/.exec(view)?.[1] ?? "";
    expect(block).toMatch(/^select\b/im);
    expect(block.split("\n").length).toBeGreaterThan(5);
    expect(block).toMatch(/^group by$/im);
  });

  it("changes nothing on a second run", async () => {
    const again = await runExtract({
      cwd: dir,
      env: { TEST_MYSQL_URL: db.url, TEST_MYSQL_DATABASE: db.name },
      now: new Date("2026-11-28T02:00:00Z"),
    });
    expect(again.sources[0]?.changed).toEqual([]);
  });
});
