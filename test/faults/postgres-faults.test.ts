/**
 * Production faults against the real PostgreSQL server: a connection cut part-way, a revoked
 * grant, a lock held by another session, a statement timeout, and a server error that quotes
 * a value. Each costs what it must (one sample, one relation), never the source, and no server
 * text reaches a description, a failure or a progress line.
 */
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { postgresExtractor } from "../../extractors/postgres/postgres-extractor.js";
import { postgresConfig } from "../extractors/postgres/support.js";
import { drain } from "../helpers/extract-datasets.js";
import {
  createTestDatabase,
  postgresServerAvailable,
  type TestDatabase,
} from "../helpers/postgres-database.js";
import { emailShapedValue, runWithSamples } from "./sample-run.js";
import { startTcpProxy, throughProxy, type TcpProxy } from "./tcp-proxy.js";

const serverAvailable = await postgresServerAvailable();

/** Four small tables, a table to revoke, one to lock, a slow view and one that fails on a value. */
export const postgresFaultSchema = (mail: string): string => `
  CREATE SCHEMA fault;
  CREATE TABLE fault.a_first (id int PRIMARY KEY, label text);
  CREATE TABLE fault.b_second (id int PRIMARY KEY, label text);
  CREATE TABLE fault.c_third (id int PRIMARY KEY, label text);
  CREATE TABLE fault.d_fourth (id int PRIMARY KEY, label text);
  INSERT INTO fault.a_first SELECT g, 'a' || g FROM generate_series(1, 30) g;
  INSERT INTO fault.b_second SELECT g, 'b' || g FROM generate_series(1, 30) g;
  INSERT INTO fault.c_third SELECT g, 'c' || g FROM generate_series(1, 30) g;
  INSERT INTO fault.d_fourth SELECT g, 'd' || g FROM generate_series(1, 30) g;
  CREATE TABLE fault.salaries (id int PRIMARY KEY, amount numeric DEFAULT 0 CHECK (amount >= 0));
  INSERT INTO fault.salaries VALUES (1, 100);
  CREATE TABLE fault.locked_t (id serial PRIMARY KEY, note text CHECK (note <> ''));
  CREATE INDEX locked_note ON fault.locked_t (lower(note)) WHERE id > 0;
  CREATE VIEW fault.reads_locked AS SELECT id FROM fault.locked_t;
  CREATE TABLE fault.people (id int PRIMARY KEY, mail text);
  INSERT INTO fault.people VALUES (1, ${pg.escapeLiteral(mail)});
  CREATE VIEW fault.mail_as_number AS SELECT id, mail::int AS n FROM fault.people;
  CREATE VIEW fault.slow AS SELECT id, pg_sleep(5) IS NULL AS slept FROM fault.a_first;
  ANALYZE;`;

describe.skipIf(!serverAvailable)("PostgreSQL under faults (real server)", () => {
  let db: TestDatabase;
  let proxy: TcpProxy | undefined;
  let holder: pg.Client | undefined;

  beforeAll(async () => {
    db = await createTestDatabase("faults");
    await db.admin(postgresFaultSchema(emailShapedValue));
  });
  afterEach(async () => {
    await proxy?.close();
    proxy = undefined;
    await holder?.end().catch(() => undefined);
    holder = undefined;
  });
  afterAll(() => db.drop());

  it("yields every dataset when the connection is cut while sampling, each later sample failed", async () => {
    proxy = await startTcpProxy({ host: "127.0.0.1", port: 5432 });
    const routed = proxy;
    const config = postgresConfig(throughProxy(db.url, routed), {
      include: ["fault.a_first", "fault.b_second", "fault.c_third", "fault.d_fourth"],
    });
    const run = await runWithSamples(postgresExtractor, config, {
      beforeSample: (index) => {
        if (index === 1) routed.cut();
      },
    });
    expect(run.objects.map((object) => object.key)).toEqual([
      "fault.a_first",
      "fault.b_second",
      "fault.c_third",
      "fault.d_fourth",
    ]);
    expect(run.object("fault.a_first")).toMatchObject({ records: 30, failure: undefined });
    for (const key of ["fault.b_second", "fault.c_third", "fault.d_fourth"]) {
      expect(run.object(key)).toMatchObject({
        records: 0,
        failure: "the connection was lost",
        outcome: { status: "failed", reason: "the connection was lost" },
      });
    }
    expect(run.progress).toContain("test: fault.b_second not sampled: the connection was lost");
  });

  it("fails the sample of a table whose SELECT was revoked, with a fixed reason", async () => {
    const role = await db.createRole("faults_reader");
    await db.admin(`
      GRANT USAGE ON SCHEMA fault TO ${role};
      GRANT SELECT ON ALL TABLES IN SCHEMA fault TO ${role};
      REVOKE SELECT ON fault.salaries FROM ${role};`);
    const config = postgresConfig(db.urlAs(role), {
      include: ["fault.salaries", "fault.a_first"],
    });
    const run = await runWithSamples(postgresExtractor, config);
    expect(run.object("fault.salaries")).toMatchObject({
      records: 0,
      failure: "permission denied (SQLSTATE 42501)",
    });
    expect(run.object("fault.a_first")).toMatchObject({ records: 30, failure: undefined });
    expect(run.failures).toEqual([]);
    expect(run.allText()).not.toMatch(/permission denied for table/);
  });

  it("extracts the rest of the source while another session holds a table exclusively", async () => {
    holder = new pg.Client(db.url);
    await holder.connect();
    await holder.query("BEGIN");
    await holder.query("LOCK TABLE fault.locked_t IN ACCESS EXCLUSIVE MODE");
    const started = Date.now();
    const config = postgresConfig(db.url, {
      include: ["fault.a_first", "fault.locked_t", "fault.reads_locked"],
      lock_timeout_ms: 300,
    });
    const run = await runWithSamples(postgresExtractor, config);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(run.objects.map((object) => object.key)).toEqual(["fault.a_first"]);
    expect(run.object("fault.a_first").failure).toBeUndefined();
    expect(run.failures.map((failure) => failure.scope)).toEqual([
      { database: db.name, schema: "fault", name: "locked_t" },
      { database: db.name, schema: "fault", name: "reads_locked" },
    ]);
    expect(run.failures[0]?.message).toContain("ACCESS EXCLUSIVE lock");
    expect(run.failures[0]?.message).toContain("SQLSTATE 55P03");
    expect(run.failures[0]?.hint).toContain("lock_timeout_ms");
  });

  it("reads the catalog in the fixed number of queries when nothing is locked", async () => {
    const extraction = await postgresExtractor.open(
      postgresConfig(db.url, { include: ["fault.a_first", "fault.locked_t"] }),
      { profile: false, concurrency: 1, onProgress: () => undefined },
    );
    // Session set-up, BEGIN, identity, relations, columns, types, partitions, constraints,
    // indexes, field statistics, usage, view queries, view column dependencies, triggers,
    // COMMIT: the same as before a lock was ever handled.
    expect(extraction.requestCount()).toBe(15);
    const { failures } = await drain(extraction);
    expect(failures).toEqual([]);
    await extraction.close();
  });

  it("calls a sample timeout a statement timeout, not a catalog query", async () => {
    const config = postgresConfig(db.url, {
      include: ["fault.slow", "fault.a_first"],
      statement_timeout_ms: 500,
    });
    const run = await runWithSamples(postgresExtractor, config);
    expect(run.object("fault.slow")).toMatchObject({
      records: 0,
      failure: "statement timeout (SQLSTATE 57014)",
    });
    expect(run.object("fault.a_first").failure).toBeUndefined();
    expect(run.progress).toContain(
      "test: fault.slow not sampled: statement timeout (SQLSTATE 57014)",
    );
    expect(run.allText()).not.toMatch(/catalog query/);
  });

  it("never repeats a server error that quotes a value", async () => {
    const config = postgresConfig(db.url, { include: ["fault.mail_as_number"] });
    const run = await runWithSamples(postgresExtractor, config);
    expect(run.object("fault.mail_as_number")).toMatchObject({
      records: 0,
      failure: "invalid input for a column type (SQLSTATE 22P02)",
      outcome: { status: "failed", reason: "invalid input for a column type (SQLSTATE 22P02)" },
    });
    expect(run.allText()).not.toContain(emailShapedValue);
    expect(run.allText()).not.toContain("jane.fault");
    expect(run.allText()).not.toMatch(/invalid input syntax/);
  });
});
