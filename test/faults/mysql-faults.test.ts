/**
 * Production faults against the real MariaDB server: a connection cut part-way, a table the
 * user may not select from, a table locked by another session, and a server error that quotes
 * a value. Each costs one sample, never the source, and no server text reaches okf's output.
 */
import mysql from "mysql2/promise";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { connectReadOnly } from "../../extractors/mysql/connect.js";
import { mysqlExtractor } from "../../extractors/mysql/mysql-extractor.js";
import { SourceError } from "../../src/errors.js";
import { mysqlConfig } from "../extractors/mysql/support.js";
import {
  createMysqlTestDatabase,
  mysqlServerUrl,
  skipWithoutMysql,
  type MysqlTestDatabase,
} from "../helpers/mysql-database.js";
import { emailShapedValue, runWithSamples } from "./sample-run.js";
import { startTcpProxy, throughProxy, type TcpProxy } from "./tcp-proxy.js";

const skip = await skipWithoutMysql("MySQL faults");

const tables = ["a_first", "b_second", "c_third", "d_fourth"];

describe.skipIf(skip)("MySQL/MariaDB under faults (real server)", () => {
  let db: MysqlTestDatabase;
  let proxy: TcpProxy | undefined;
  let holder: mysql.Connection | undefined;

  beforeAll(async () => {
    db = await createMysqlTestDatabase("faults");
    for (const table of [...tables, "salaries", "locked_t"]) {
      await db.admin(`CREATE TABLE ${table} (id INT PRIMARY KEY, label VARCHAR(20))`);
      await db.admin(`INSERT INTO ${table} SELECT seq, CONCAT('x', seq) FROM seq_1_to_30`);
    }
    await db.admin("CREATE TABLE people (id INT PRIMARY KEY, mail VARCHAR(80))");
    await db.admin("INSERT INTO people VALUES (1, ?)", [emailShapedValue]);
    // A function that fails with the value it was given: a server message that quotes data.
    await db.admin(`CREATE FUNCTION refuse(value VARCHAR(80)) RETURNS INT DETERMINISTIC
      BEGIN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = value; RETURN 0; END`);
  });
  afterEach(async () => {
    await proxy?.close();
    proxy = undefined;
    await holder?.end().catch(() => undefined);
    holder = undefined;
  });
  afterAll(() => db.drop());

  it("yields every table when the connection is cut while sampling, each later sample failed", async () => {
    const target = new URL(mysqlServerUrl);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 3306) });
    const routed = proxy;
    const config = mysqlConfig(throughProxy(mysqlServerUrl, routed), {
      databases: [db.name],
      include: tables.map((table) => `${db.name}.${table}`),
    });
    const run = await runWithSamples(mysqlExtractor, config, {
      beforeSample: (index) => {
        if (index === 1) routed.cut();
      },
    });
    expect(run.objects.map((object) => object.key)).toEqual(
      tables.map((table) => `${db.name}.${table}`),
    );
    expect(run.object(`${db.name}.a_first`)).toMatchObject({ records: 30, failure: undefined });
    for (const table of tables.slice(1)) {
      expect(run.object(`${db.name}.${table}`)).toMatchObject({
        records: 0,
        failure: "the connection was lost",
      });
    }
  });

  it("fails the sample of a table the user may not select from, with a fixed reason", async () => {
    const user = await db.createUser("faults");
    await db.admin(`GRANT SELECT ON ${db.name}.a_first TO ?@'%'`, [user]);
    await db.admin(`GRANT INSERT ON ${db.name}.salaries TO ?@'%'`, [user]);
    const config = mysqlConfig(db.urlAs(user), { databases: [db.name] });
    const run = await runWithSamples(mysqlExtractor, config);
    expect(run.object(`${db.name}.salaries`)).toMatchObject({
      records: 0,
      failure: "permission denied (errno 1142)",
    });
    expect(run.object(`${db.name}.a_first`)).toMatchObject({ records: 30, failure: undefined });
    expect(run.allText()).not.toMatch(/command denied/);
  });

  it("gives up on a table locked by another session within the time limit, and goes on", async () => {
    holder = await mysql.createConnection({ uri: `${mysqlServerUrl}${db.name}` });
    await holder.query("LOCK TABLES locked_t WRITE");
    const started = Date.now();
    const config = mysqlConfig(db.url, {
      databases: [db.name],
      include: [`${db.name}.a_first`, `${db.name}.locked_t`],
      statement_timeout_ms: 1_000,
    });
    const run = await runWithSamples(mysqlExtractor, config);
    expect(Date.now() - started).toBeLessThan(6_000);
    expect(run.object(`${db.name}.locked_t`).failure).toMatch(
      /^(statement|lock) timeout \(errno (1969|3024|1205)\)$/,
    );
    expect(run.object(`${db.name}.a_first`)).toMatchObject({ records: 30, failure: undefined });
    expect(run.failures).toEqual([]);
  });

  it("never repeats a server error that quotes a value", async () => {
    const session = await connectReadOnly(mysqlConfig(db.url));
    let caught: unknown;
    try {
      await session.query(`SELECT ${db.name}.refuse(mail) FROM ${db.name}.people`);
    } catch (error) {
      caught = error;
    } finally {
      await session.close();
    }
    expect(caught).toBeInstanceOf(SourceError);
    const error = caught as SourceError;
    expect(error.reason).toEqual({ kind: "failed", text: "failed (errno 1644)" });
    expect(error.message).toBe("A query on MySQL at 127.0.0.1:3306 failed (errno 1644).");
    expect(`${error.message} ${error.hint ?? ""}`).not.toContain(emailShapedValue);
  });
});
