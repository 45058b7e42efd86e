import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectReadOnly } from "../../../extractors/mysql/connect.js";
import { openMysqlExtraction } from "../../../extractors/mysql/mysql-extraction.js";
import type { MysqlSession } from "../../../extractors/mysql/mysql-session.js";
import { mysqlExtractor } from "../../../extractors/mysql/mysql-extractor.js";
import { SourceError } from "../../../src/errors.js";
import {
  createMysqlTestDatabase,
  skipWithoutMysql,
  type MysqlTestDatabase,
} from "../../helpers/mysql-database.js";
import { freePort, rejection, sourceError } from "../../helpers/failures.js";
import { mysqlConfig } from "./support.js";

const skip = await skipWithoutMysql("mysql extractor safety");
const context = { profile: false, concurrency: 1, onProgress: () => undefined };

interface Sent {
  sql: string;
  values: unknown[];
}

/** The real session, with every statement it is asked to run written down. */
async function recordingSession(
  connection: string,
): Promise<{ session: MysqlSession; sent: Sent[] }> {
  const real = await connectReadOnly({ connection, statement_timeout_ms: 30_000 });
  const sent: Sent[] = [];
  const session: MysqlSession = {
    target: real.target,
    query: (sql, values) => {
      sent.push({ sql, values: values ?? [] });
      return real.query(sql, values);
    },
    snapshot: (read) => real.snapshot?.(read) ?? read(),
    requestCount: () => real.requestCount(),
    close: () => real.close(),
  };
  return { session, sent };
}

function manyTables(count: number): string {
  return (
    Array.from(
      { length: count },
      (_, index) =>
        `CREATE TABLE t${String(index)} (id INT PRIMARY KEY, note VARCHAR(20) CHECK (note <> ''), ` +
        `prev INT, KEY k (note), FOREIGN KEY (prev) REFERENCES t0 (id));`,
    ).join("\n") + "CREATE VIEW v0 AS SELECT id FROM t0;"
  );
}

describe.skipIf(skip)("mysql extractor safety", () => {
  let db: MysqlTestDatabase;
  let large: string;

  beforeAll(async () => {
    db = await createMysqlTestDatabase("safety");
    await db.admin(
      "CREATE TABLE customer (id INT PRIMARY KEY); CREATE TABLE tmp_secret_import (id INT);" +
        "CREATE VIEW customer_view AS SELECT id FROM customer; INSERT INTO customer VALUES (1);",
    );
    large = await db.createDatabase("safety_large");
    await db.admin(`USE \`${large}\`; ${manyTables(40)} USE \`${db.name}\`;`);
  });
  afterAll(() => db.drop());

  it("never names an excluded table in a catalog query, and reads in one read-only snapshot", async () => {
    const { session, sent } = await recordingSession(db.url);
    const extraction = await openMysqlExtraction(
      session,
      { name: "t", include: [], exclude: ["*.tmp_*"], databases: [db.name] },
      context,
    );
    await extraction.close();
    expect(extraction.refs.map((ref) => ref.name)).toEqual(["customer", "customer_view"]);
    const text = JSON.stringify(sent);
    expect(text).not.toContain("tmp_secret_import");
    const detail = sent.filter((statement) => statement.sql.includes("TABLE_ROWS"));
    expect(detail).toHaveLength(1);
    expect(detail[0]?.values).toEqual([db.name, "customer", "customer_view"]);
    expect(
      sent.every(
        (statement) => !/\b(INSERT|UPDATE|DELETE|CREATE|DROP|ALTER)\b/i.test(statement.sql),
      ),
    ).toBe(true);
  });

  it("sends the same number of catalog queries for 3 objects as for 41", async () => {
    const small = await mysqlExtractor.open(mysqlConfig(db.url, { databases: [db.name] }), context);
    await small.close();
    const many = await mysqlExtractor.open(mysqlConfig(db.url, { databases: [large] }), context);
    await many.close();
    expect(many.refs).toHaveLength(41);
    expect(many.requestCount()).toBe(small.requestCount());
    expect(many.requestCount()).toBeLessThanOrEqual(17);
  });

  it("makes the session read-only: a write through it fails", async () => {
    const session = await connectReadOnly({ connection: db.url, statement_timeout_ms: 5_000 });
    try {
      const write = await rejection(
        session.query(`INSERT INTO \`${db.name}\`.customer VALUES (2)`),
      );
      expect(write).toBeInstanceOf(SourceError);
      expect(write.message).toContain("read-only");
      await rejection(session.query(`DROP TABLE \`${db.name}\`.customer`));
    } finally {
      await session.close();
    }
    const [row] = await db.admin<{ n: unknown }>("SELECT COUNT(*) AS n FROM customer");
    expect(Number(row?.n)).toBe(1);
  });

  it("stops a statement at the execution time limit", async () => {
    const session = await connectReadOnly({ connection: db.url, statement_timeout_ms: 300 });
    const started = Date.now();
    try {
      const error = await sourceError(session.query("SELECT SLEEP(5) AS slept"));
      expect(error.message).toContain("execution time limit");
      expect(error.hint).toContain("statement_timeout_ms");
    } finally {
      await session.close();
    }
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("reports a bad password without printing it", async () => {
    const user = await db.createUser("safety_pw", "right-password");
    const url = db.urlAs(user, "Wr0ng-S3cret!");
    const error = await sourceError(mysqlExtractor.open(mysqlConfig(url), context));
    expect(error.message).toContain("rejected the credentials");
    expect(error.message).not.toContain("Wr0ng-S3cret!");
    expect(error.hint).not.toContain("Wr0ng-S3cret!");
  });

  it("reports an unreachable port, an unknown default database and an unusable URI", async () => {
    const port = await freePort();
    const refused = await rejection(
      mysqlExtractor.open(
        mysqlConfig(`mysql://root:pw-123456@127.0.0.1:${String(port)}/`),
        context,
      ),
    );
    expect(refused).toBeInstanceOf(SourceError);
    expect(refused.message).toBe(
      `Cannot reach MySQL at 127.0.0.1:${String(port)}: the connection was refused.`,
    );
    const unknown = await rejection(
      mysqlExtractor.open(mysqlConfig(`${db.url}no_such_database_okf`), context),
    );
    expect(unknown).toBeInstanceOf(SourceError);
    expect(unknown.message).toContain('has no database "no_such_database_okf"');
    const unusable = await rejection(
      mysqlExtractor.open(mysqlConfig("mysql://root@[bad/"), context),
    );
    expect(unusable).toBeInstanceOf(SourceError);
    expect(unusable.message).toContain("cannot be parsed");
  });

  it("fails the whole source when none of the listed databases can be read", async () => {
    const error = await rejection(
      mysqlExtractor.open(mysqlConfig(db.url, { databases: ["okf_no_such_db_at_all"] }), context),
    );
    expect(error).toBeInstanceOf(SourceError);
    expect(error.message).toContain("okf_no_such_db_at_all");
  });
});
