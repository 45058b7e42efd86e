import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createMysqlTestDatabase,
  skipWithoutMysql,
  type MysqlTestDatabase,
} from "../../helpers/mysql-database.js";
import { extractAll, mysqlConfig, sampleAll } from "./support.js";

const skip = await skipWithoutMysql("mysql extractor privileges");

describe.skipIf(skip)("mysql extractor with a user of limited privileges", () => {
  let db: MysqlTestDatabase;
  let hidden: string;
  let writeOnly: string;
  let user: string;
  let url: string;

  beforeAll(async () => {
    db = await createMysqlTestDatabase("grants");
    hidden = await db.createDatabase("grants_hidden");
    writeOnly = await db.createDatabase("grants_write");
    await db.admin(`
      CREATE TABLE customer (id INT PRIMARY KEY, email VARCHAR(80));
      INSERT INTO customer VALUES (1, 'a@example.com'), (2, NULL), (3, 'c@example.com');
      CREATE VIEW customer_ids AS SELECT id FROM customer;
      ANALYZE TABLE customer PERSISTENT FOR ALL;
      CREATE TABLE \`${hidden}\`.payroll (id INT PRIMARY KEY);
      CREATE TABLE \`${writeOnly}\`.inbox (id INT PRIMARY KEY, body TEXT);
      INSERT INTO \`${writeOnly}\`.inbox VALUES (1, 'hello');`);
    user = await db.createUser("grants_user", "reader-pass-123");
    await db.admin(`GRANT SELECT ON \`${db.name}\`.* TO ?@'%'`, [user]);
    await db.admin(`GRANT INSERT ON \`${writeOnly}\`.inbox TO ?@'%'`, [user]);
    url = db.urlAs(user, "reader-pass-123");
  });
  afterAll(() => db.drop());

  it("reports a database the user cannot see and extracts the others", async () => {
    const result = await extractAll(mysqlConfig(url, { databases: [db.name, hidden, writeOnly] }));
    expect(result.extraction.refs).toEqual([
      { database: db.name, name: "customer" },
      { database: db.name, name: "customer_ids" },
      { database: writeOnly, name: "inbox" },
    ]);
    expect(result.failures).toHaveLength(1);
    const [failure] = result.failures;
    expect(failure?.scope).toEqual({ database: hidden, name: "*" });
    expect(failure?.message).toContain(`Database "${hidden}" was skipped`);
    expect(failure?.message).toContain(user);
    expect(failure?.hint).toContain(`GRANT SELECT, SHOW VIEW ON \`${hidden}\`.*`);
    expect(JSON.stringify(result.failures)).not.toContain("reader-pass-123");
  });

  it("goes without column statistics and view definitions it may not read, without failing", async () => {
    const asRoot = await extractAll(mysqlConfig(db.url, { databases: [db.name] }));
    const email = (fields: { name: string; stats?: unknown }[]) =>
      fields.find((field) => field.name === "email")?.stats;
    expect(email(asRoot.dataset(db.name, "customer").fields)).toMatchObject({
      nullFraction: expect.closeTo(1 / 3, 3) as unknown,
      source: "mysql.column_stats",
    });
    expect(asRoot.dataset(db.name, "customer_ids").viewDefinition).toContain("select");

    const asUser = await extractAll(mysqlConfig(url, { databases: [db.name] }));
    expect(asUser.failures).toEqual([]);
    expect(email(asUser.dataset(db.name, "customer").fields)).toBeUndefined();
    // Without SHOW VIEW the server hides the definition; the view is still listed.
    expect(asUser.dataset(db.name, "customer_ids").viewDefinition).toBeUndefined();
    expect(asUser.dataset(db.name, "customer").keys).toEqual(
      asRoot.dataset(db.name, "customer").keys,
    );
  });

  it("keeps the catalog facts of a table it may not select from, marked not sampled", async () => {
    const sampled = await sampleAll(mysqlConfig(url, { databases: [db.name, writeOnly] }), 100);
    expect(sampled.profiles.get("inbox")).toBeUndefined();
    expect(sampled.failures.get("inbox")).toBe("permission denied (errno 1142)");
    expect(sampled.profiles.get("customer")?.sampled).toBe(3);
    // Without SHOW VIEW the server refuses EXPLAIN of the view (errno 1345): not read, no failure.
    expect(sampled.profiles.get("customer_ids")?.sampling).toEqual({
      status: "not_read",
      reason:
        "the planner's estimate for this view's query could not be read (failed (errno 1345))",
    });
    expect(sampled.failures.has("customer_ids")).toBe(false);
    expect(sampled.progress.join("\n")).toMatch(
      /inbox not sampled: permission denied \(errno 1142\)$/m,
    );
    expect(sampled.progress.join("\n")).not.toContain("reader-pass-123");
  });
});
