import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runExtract, type ExtractResult } from "../../../src/pipeline/run-extract.js";
import { createTestDatabase, type TestDatabase } from "../../helpers/postgres-database.js";
import { writeProjectConfig } from "../../helpers/project-config.js";
import { tempDir } from "../../helpers/run-cli.js";
import { decideFinding, profileCell } from "../../helpers/schema-cells.js";
import { extractAll, postgresConfig, type ExtractionResult } from "./support.js";

/**
 * `a_people` sorts before the table it reads, so the pipeline must hold it back to carry the
 * table's findings; its columns hide an email and a password hash under innocent names.
 */
const schema = `
CREATE SCHEMA app;
CREATE TABLE app.account (
  id integer PRIMARY KEY, email text NOT NULL, password_hash text NOT NULL, name text,
  "we}ird, ""x\\" text);
INSERT INTO app.account
SELECT i, 'user' || i || '@example.test',
  '$2b$12$' || substr(md5(i::text) || md5((i + 1)::text), 1, 53), 'Person ' || i,
  CASE WHEN i % 4 = 0 THEN 'w' || i END
FROM generate_series(1, 400) AS i;
ANALYZE app.account;
CREATE VIEW app.a_people AS
  SELECT a.id AS ref, a.email AS contact, a.password_hash AS detail, upper(a.name) AS shout,
         (SELECT count(*) FROM app.account b WHERE b.id <= a.id) AS place,
         a."we}ird, ""x\\" AS "odd{1}"
  FROM app.account a WHERE a.id > 10;
CREATE VIEW app.by_domain AS
  SELECT split_part(email, '@', 2) AS domain, count(*) AS n, max(email) AS last_one
  FROM app.account GROUP BY 1;
CREATE VIEW app.both_lists AS SELECT email FROM app.account UNION SELECT contact FROM app.a_people;
CREATE VIEW app.z_reachable AS SELECT p.contact AS addr, p.shout, p.ref FROM app.a_people p;
CREATE VIEW app.through_from AS
  WITH c AS (SELECT email FROM app.account)
  SELECT c.email AS cte_mail, s.up, s.hash FROM c
  JOIN (SELECT email, upper(email) AS up, password_hash AS hash FROM app.account) s USING (email);
CREATE MATERIALIZED VIEW app.mv AS SELECT email AS e, length(email) AS l FROM app.account;
CREATE VIEW app.joined AS
  SELECT o.id, o.email AS other FROM app.account o JOIN app.account p ON p.id = o.id - 1;
`;

let db: TestDatabase;
let extracted: ExtractionResult;
let dir = "";
let result: ExtractResult;
const read = (name: string) =>
  readFileSync(join(dir, "knowledge", "shop", db.name, "app", `${name}.md`), "utf8");

const lineageOf = (view: string) =>
  Object.fromEntries(
    extracted
      .dataset("app", view)
      .fields.map((f) => [
        f.name,
        f.lineage ? `${f.lineage.ref.schema ?? ""}.${f.lineage.ref.name}.${f.lineage.field}` : null,
      ]),
  );

describe("view column lineage on PostgreSQL", () => {
  beforeAll(async () => {
    db = await createTestDatabase("view_lineage");
    await db.admin(schema);
    extracted = await extractAll(postgresConfig(db.url));
    dir = tempDir("okf-pg-lineage-");
    writeProjectConfig(dir, [
      "  - name: shop",
      "    type: postgres",
      "    connection: ${TEST_DATABASE_URL}",
      "    sample_views: never",
      "    profile: { sample_rows: 200 }",
    ]);
    result = await runExtract({
      cwd: dir,
      env: { TEST_DATABASE_URL: db.url },
      now: new Date("2026-12-03T02:00:00Z"),
    });
  });
  afterAll(async () => {
    await db.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("names the base column of a plain, renamed reference and of a hostile name", () => {
    expect(lineageOf("a_people")).toEqual({
      ref: "app.account.id",
      contact: "app.account.email",
      detail: "app.account.password_hash",
      shout: null,
      place: null,
      "odd{1}": 'app.account.we}ird, "x\\',
    });
    expect(extracted.dataset("app", "a_people").fields[1]?.lineage?.ref.database).toBe(db.name);
  });

  it("gives no lineage to expressions, aggregates or a union", () => {
    expect(lineageOf("by_domain")).toEqual({ domain: null, n: null, last_one: null });
    expect(lineageOf("both_lists")).toEqual({ email: null });
  });

  it("follows a view on a view to the table, and stops at a view's expression", () => {
    expect(lineageOf("z_reachable")).toEqual({
      addr: "app.account.email",
      shout: "app.a_people.shout",
      ref: "app.account.id",
    });
    expect(lineageOf("joined")).toEqual({ id: "app.account.id", other: "app.account.email" });
  });

  it("follows a CTE, a subquery in FROM and a materialized view's query", () => {
    expect(lineageOf("through_from")).toEqual({
      cte_mail: "app.account.email",
      up: null,
      hash: "app.account.password_hash",
    });
    expect(lineageOf("mv")).toEqual({ e: "app.account.email", l: null });
  });

  it("keeps the base column's statistics without claiming uniqueness", () => {
    const ref = extracted.dataset("app", "a_people").fields[0]?.lineage?.stats;
    expect(ref).toEqual({ nullFraction: 0, distinct: 400, source: "pg_stats" });
    expect(extracted.dataset("app", "a_people").fields[0]?.stats).toBeUndefined();
  });

  it("carries the table's findings to the view columns, naming the base column", () => {
    expect(result.exitCode).toBe(0);
    const people = read("a_people");
    const findingRow = (column: string) =>
      people.split("\n").find((line) => line.startsWith(`| ${column} |`) && line.includes("."));
    expect(people).toMatch(/\| contact \| pii\.email \| high \| comes from app\.account\.email/);
    expect(people).toMatch(
      /\| detail \| secret\.password_hash \| \w+ \| comes from app\.account\.password_hash/,
    );
    expect(read("z_reachable")).toMatch(/\| addr \| pii\.email \| high \| comes from app/);
    expect(findingRow("shout")).toBeUndefined();
    expect(read("a_people")).toContain("classification: restricted");
  });

  it("shows the lineage and labelled base figures for an unsampled view, nothing of its own", () => {
    const people = read("a_people");
    expect(profileCell(people, "ref")).toBe(
      "from `app.account.id`; base column (pg_stats): distinct ≈ 400",
    );
    expect(profileCell(people, "odd{1}")).toBe(
      'from `app.account.we}ird, "x\\`; base column (pg_stats): distinct ≈ 100; null 75%',
    );
    expect(profileCell(people, "contact")).toBe(
      "from `app.account.email`; sensitive: not profiled",
    );
    expect(profileCell(people, "shout")).toBe("");
    expect(people).toContain("base column figures are the planner statistics");
    expect(people).not.toContain("unique");
  });

  it("says nothing of lineage for a table", () => {
    const account = read("account");
    expect(account).not.toContain("from `");
    expect(account).not.toContain("base column");
  });

  it("does not carry a finding a person rejected on the base column", async () => {
    const path = join(dir, "knowledge", "shop", db.name, "app", "account.md");
    const decided = decideFinding(read("account"), "email", "pii.email", "rejected");
    expect(decided).toMatch(/\| email \| pii\.email \|[^\n]*\| rejected \|/);
    writeFileSync(path, decided);
    const again = await runExtract({
      cwd: dir,
      env: { TEST_DATABASE_URL: db.url },
      now: new Date("2026-12-04T02:00:00Z"),
    });
    expect(again.exitCode).toBe(0);
    expect(read("a_people")).not.toContain("comes from app.account.email");
    expect(read("a_people")).toContain("comes from app.account.password_hash");
  });
});
