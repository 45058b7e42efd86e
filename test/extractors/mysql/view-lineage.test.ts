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
import { extractAll, mysqlConfig, type ExtractionResult } from "./support.js";

const skip = await skipWithoutMysql("view column lineage on MariaDB");

/** `a_people` sorts before the table it reads; it hides an email and a password hash. */
const schema = `
CREATE TABLE account (
  id INT PRIMARY KEY, email VARCHAR(80) NOT NULL, password_hash CHAR(60) NOT NULL,
  name VARCHAR(40), \`we\`\`ird, (x)\` VARCHAR(10));
INSERT INTO account
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400)
SELECT i, CONCAT('user', i, '@example.test'),
  CONCAT('$2b$12$', LEFT(CONCAT(MD5(i), MD5(i + 1)), 53)), CONCAT('Person ', i),
  IF(i % 4 = 0, CONCAT('w', i), NULL)
FROM n;
ANALYZE TABLE account PERSISTENT FOR ALL;
CREATE VIEW a_people AS
  SELECT a.id AS ref, a.email AS contact, a.password_hash AS detail, UPPER(a.name) AS shout,
         (SELECT COUNT(*) FROM account b WHERE b.id <= a.id) AS place,
         a.\`we\`\`ird, (x)\` AS \`odd,1\`
  FROM account a WHERE a.id > 10;
CREATE VIEW by_domain AS
  SELECT SUBSTRING_INDEX(email, '@', -1) AS domain, COUNT(*) AS n, MAX(email) AS last_one
  FROM account GROUP BY 1;
CREATE VIEW both_lists AS SELECT email FROM account UNION SELECT contact FROM a_people;
CREATE VIEW z_reachable AS SELECT p.contact AS addr, p.shout, p.ref FROM a_people p;
CREATE VIEW from_derived AS SELECT x.e AS mail FROM (SELECT email AS e FROM account) x;
`;

describe.skipIf(skip)("view column lineage on MariaDB", () => {
  let db: MysqlTestDatabase;
  let extracted: ExtractionResult;
  let dir = "";
  let result: ExtractResult;
  const read = (name: string) =>
    readFileSync(join(dir, "knowledge", "shop", db.name, `${name}.md`), "utf8");
  const lineageOf = (view: string) =>
    Object.fromEntries(
      extracted
        .dataset(db.name, view)
        .fields.map((f) => [
          f.name,
          f.lineage
            ? `${f.lineage.ref.database ?? ""}.${f.lineage.ref.name}.${f.lineage.field}`
            : null,
        ]),
    );

  beforeAll(async () => {
    db = await createMysqlTestDatabase("view_lineage");
    await db.admin(schema);
    extracted = await extractAll(mysqlConfig(db.url, { databases: [db.name] }));
    dir = tempDir("okf-mysql-lineage-");
    writeProjectConfig(dir, [
      "  - name: shop",
      "    type: mysql",
      "    connection: ${TEST_MYSQL_URL}",
      '    databases: ["${TEST_MYSQL_DATABASE}"]',
      "    sample_views: never",
    ]);
    result = await runExtract({
      cwd: dir,
      env: { TEST_MYSQL_URL: db.url, TEST_MYSQL_DATABASE: db.name },
      now: new Date("2026-12-03T02:00:00Z"),
    });
  });
  afterAll(async () => {
    await db.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("names the base column of plain and renamed references, hostile names included", () => {
    const account = (column: string) => `${db.name}.account.${column}`;
    expect(lineageOf("a_people")).toEqual({
      ref: account("id"),
      contact: account("email"),
      detail: account("password_hash"),
      shout: null,
      place: null,
      "odd,1": account("we`ird, (x)"),
    });
    expect(lineageOf("from_derived")).toEqual({ mail: account("email") });
  });

  it("gives none to expressions, aggregates and a union; follows a view on a view", () => {
    expect(lineageOf("by_domain")).toEqual({ domain: null, n: null, last_one: null });
    expect(lineageOf("both_lists")).toEqual({ email: null });
    expect(lineageOf("z_reachable")).toEqual({
      addr: `${db.name}.account.email`,
      shout: `${db.name}.a_people.shout`,
      ref: `${db.name}.account.id`,
    });
  });

  it("keeps the base column's statistics without uniqueness", () => {
    const stats = extracted.dataset(db.name, "a_people").fields[5]?.lineage?.stats;
    expect(stats?.source).toBe("mysql.column_stats");
    expect(stats?.nullFraction).toBeCloseTo(0.75, 2);
    expect(stats?.distinctIsUnique).toBeUndefined();
  });

  it("carries the table's findings, naming the base column", () => {
    expect(result.exitCode).toBe(0);
    const people = read("a_people");
    const from = `comes from ${db.name}.account`;
    expect(people).toContain(`| contact | pii.email | high | ${from}.email, which is reported`);
    expect(people).toMatch(
      new RegExp(`\\| detail \\| secret\\.password_hash \\| \\w+ \\| ${from}`),
    );
    expect(read("z_reachable")).toContain(`| addr | pii.email | high | ${from}.email`);
    expect(people.split("\n").filter((line) => line.startsWith("| shout | "))).toHaveLength(1);
  });

  it("shows lineage and labelled base figures for the unsampled view, nothing of its own", () => {
    const people = read("a_people");
    expect(profileCell(people, "odd,1")).toMatch(
      /^from ``\S+\.account\.we`ird, \(x\)``; base column \(mysql\.column_stats\): distinct ≈ 100; null 75%/,
    );
    expect(profileCell(people, "contact")).toBe(
      `from \`${db.name}.account.email\`; sensitive: not profiled`,
    );
    expect(profileCell(people, "shout")).toBe("");
    expect(people).not.toContain("unique");
  });
});
