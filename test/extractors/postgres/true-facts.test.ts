import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runExtract, type ExtractResult } from "../../../src/pipeline/run-extract.js";
import { createTestDatabase, type TestDatabase } from "../../helpers/postgres-database.js";
import { writeProjectConfig } from "../../helpers/project-config.js";
import { tempDir } from "../../helpers/run-cli.js";
import { profileCell, typeCell } from "../../helpers/schema-cells.js";

/** 2,000 rows: years, prices, epoch seconds, 10 common and 6 rare categories; a composite key. */
const schema = `
CREATE SCHEMA shop;
CREATE TABLE shop.release_fact (
  id integer PRIMARY KEY,
  release_year smallint NOT NULL,
  price numeric(6,2) NOT NULL,
  created_epoch bigint NOT NULL,
  category text NOT NULL,
  band text GENERATED ALWAYS AS (CASE WHEN price > 20 THEN 'high' ELSE 'low' END) STORED
);
INSERT INTO shop.release_fact (id, release_year, price, created_epoch, category)
SELECT i, 2006 + i % 19, 9.99 + i % 21, 1764547200 + i * 60,
  CASE WHEN i <= 6 THEN 'rare_' || i ELSE 'common_' || i % 10 END
FROM generate_series(1, 2000) AS i;
CREATE TABLE shop.order_line (
  order_id integer NOT NULL,
  line_number smallint NOT NULL,
  sku text NOT NULL,
  PRIMARY KEY (order_id, line_number)
);
INSERT INTO shop.order_line
SELECT 1 + i / 4, 1 + i % 4, 'SKU-' || (1000 + i % 37) FROM generate_series(0, 799) AS i;
ANALYZE shop.release_fact, shop.order_line;
`;

describe("profile facts on PostgreSQL are true", () => {
  let db: TestDatabase;
  let dir = "";
  let result: ExtractResult;
  const read = (name: string) =>
    readFileSync(join(dir, "knowledge", "shop", db.name, "shop", `${name}.md`), "utf8");

  beforeAll(async () => {
    db = await createTestDatabase("true_facts");
    await db.admin(schema);
    dir = tempDir("okf-pg-facts-");
    writeProjectConfig(dir, [
      "  - name: shop",
      "    type: postgres",
      "    connection: ${TEST_DATABASE_URL}",
      "    profile: { sample_rows: 200 }",
    ]);
    result = await runExtract({
      cwd: dir,
      env: { TEST_DATABASE_URL: db.url },
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
    expect(profileCell(lines, "order_id")).toMatch(/^distinct ≈ 200;/);
    expect(profileCell(lines, "line_number")).not.toContain("unique");
    expect(profileCell(read("release_fact"), "id")).toMatch(/^distinct: unique/);
  });

  it("writes years exactly, money and epoch seconds rounded outward and marked", () => {
    const facts = read("release_fact");
    expect(profileCell(facts, "release_year")).toMatch(
      /range in sample: 20(0[6-9]|1\d) … 202[0-4]$/,
    );
    expect(profileCell(facts, "price")).toMatch(/range in sample: ≈?\d+(\.\d)? … ≈?[23]\d$/);
    expect(profileCell(facts, "created_epoch")).toContain("range in sample: ≈1.7B … ≈1.8B");
    expect(facts).not.toMatch(/always/);
  });

  it("never shows a value list of a 16-value column as if it were complete", () => {
    const cell = profileCell(read("release_fact"), "category");
    expect(cell).not.toMatch(/^values: /);
    expect(cell).toMatch(/^(1[0-5]|\d) of ≈16 values: |^distinct ≈ 16\b/);
  });

  it("writes an expression with > as a code span, not as HTML entities", () => {
    const cell = typeCell(read("release_fact"), "band");
    expect(cell).toContain("`");
    expect(cell).toContain("price > 20");
    expect(cell).not.toContain("&gt;");
  });

  it("changes nothing on a second run", async () => {
    const again = await runExtract({
      cwd: dir,
      env: { TEST_DATABASE_URL: db.url },
      now: new Date("2026-11-28T02:00:00Z"),
    });
    expect(again.sources[0]?.changed).toEqual([]);
  });
});
