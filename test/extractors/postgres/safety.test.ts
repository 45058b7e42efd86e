import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { connectReadOnly } from "../../../extractors/postgres/connect.js";
import { toSourceError } from "../../../extractors/postgres/errors.js";
import { postgresExtractor } from "../../../extractors/postgres/postgres-extractor.js";
import { SourceError } from "../../../src/errors.js";
import { freePort, sourceError } from "../../helpers/failures.js";
import { createTestDatabase, type TestDatabase } from "../../helpers/postgres-database.js";
import { extractAll, postgresConfig } from "./support.js";

const context = { profile: false, concurrency: 1, onProgress: () => undefined };

function manyTables(count: number): string {
  return `
    DO $$ BEGIN
      FOR i IN 1..${count} LOOP
        EXECUTE format('CREATE TABLE %I (id int PRIMARY KEY, prev_id int REFERENCES %I (id),
                        note text CHECK (note <> ''''))', 't' || i, 't' || greatest(i - 1, 1));
        EXECUTE format('CREATE INDEX ON %I (note)', 't' || i);
        IF i % 10 = 0 THEN
          EXECUTE format('CREATE VIEW %I AS SELECT * FROM %I', 'v' || i, 't' || i);
        END IF;
      END LOOP;
    END $$;
    CREATE TABLE events (at date NOT NULL) PARTITION BY RANGE (at);
    CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
    ANALYZE;`;
}

function withDatabaseName(url: string, database: string): string {
  const target = new URL(url);
  target.pathname = `/${database}`;
  return target.toString();
}

describe("postgres extractor safety", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("safety");
    await db.admin(`
      CREATE SCHEMA sales; CREATE SCHEMA hr;
      CREATE TABLE sales.customer (id int); CREATE TABLE sales.orders (id int);
      CREATE TABLE sales.tmp_import (id int); CREATE TABLE sales."a/b" (id int);
      CREATE TABLE hr.staff (id int); CREATE TABLE public.unrelated (id int);`);
  });
  afterAll(() => db.drop());
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("pushes include / exclude into the catalog queries", async () => {
    const query = vi.spyOn(pg.Client.prototype, "query");
    const { extraction } = await extractAll(
      postgresConfig(db.url, { include: ["sales.*", "hr.*"], exclude: ["*.tmp_*"] }),
    );
    expect(extraction.refs.map((ref) => `${ref.schema ?? ""}.${ref.name}`)).toEqual([
      "hr.staff",
      "sales.a/b",
      "sales.customer",
      "sales.orders",
    ]);
    const answers = await Promise.all(query.mock.results.map((result) => result.value as unknown));
    const answered = JSON.stringify(answers);
    expect(answered).toContain("customer");
    expect(answered).not.toContain("tmp_import");
    expect(answered).not.toContain("unrelated");
    expect(query.mock.calls.length).toBe(extraction.requestCount());
  });

  it("sends the same number of queries for 5 tables as for 60", async () => {
    const large = await createTestDatabase("safety_large");
    try {
      await large.admin(manyTables(60));
      const small = await extractAll(postgresConfig(db.url));
      const query = vi.spyOn(pg.Client.prototype, "query");
      const big = await extractAll(postgresConfig(large.url));
      expect(small.datasets).toHaveLength(6);
      expect(big.datasets).toHaveLength(60 + 6 + 1);
      expect(big.dataset("public", "t42").foreignKeys[0]?.to.name).toBe("t41");
      expect(big.extraction.requestCount()).toBe(small.extraction.requestCount());
      expect(query.mock.calls.length).toBe(big.extraction.requestCount());
    } finally {
      await large.drop();
    }
  });

  it("runs a read-only session with the configured timeouts", async () => {
    const session = await connectReadOnly(
      postgresConfig(db.url, { statement_timeout_ms: 4321, lock_timeout_ms: 1234 }),
    );
    try {
      expect(session.requestCount()).toBe(1);
      const [settings] = await session.query<Record<string, string>>(
        `SELECT current_setting('statement_timeout') AS statement_timeout,
                current_setting('lock_timeout') AS lock_timeout,
                current_setting('transaction_read_only') AS read_only,
                current_setting('application_name') AS application_name`,
      );
      expect(settings).toEqual({
        statement_timeout: "4321ms",
        lock_timeout: "1234ms",
        read_only: "on",
        application_name: "okf",
      });
      const write = await sourceError(session.query("CREATE TABLE public.intruder (id int)"));
      expect(write.message).toMatch(/read-only transaction/);
      expect(session.requestCount()).toBe(3);
    } finally {
      await session.close();
    }
    const [table] = await db.admin("SELECT to_regclass('public.intruder') AS oid");
    expect(table).toEqual({ oid: null });
  });

  it("throws a one-paragraph SourceError, without the password, for an unreachable port", async () => {
    const port = await freePort();
    const open = postgresExtractor.open(
      postgresConfig(`postgresql://postgres:Sup3r-Secret@127.0.0.1:${port}/nowhere`),
      context,
    );
    const error = await sourceError(open);
    expect(error.message).toBe(
      `Cannot reach PostgreSQL at 127.0.0.1:${port}: the connection was refused.`,
    );
    expect(error.hint).toMatch(/server is running/);
    expect(error.cause).toBeUndefined();
  });

  it("throws SourceError for a database that does not exist", async (ctx) => {
    ctx.skip(db.engine === "pglite", "PGlite serves one database whatever the name");
    const url = withDatabaseName(db.urlAs("postgres", "Sup3r-Secret"), "okf_no_such_database");
    const error = await sourceError(postgresExtractor.open(postgresConfig(url), context));
    expect(error.message).toBe(
      `PostgreSQL at 127.0.0.1:5432 has no database "okf_no_such_database".`,
    );
    expect(error.message + (error.hint ?? "")).not.toContain("Sup3r-Secret");
  });

  it("throws SourceError for a role that may not log in", async (ctx) => {
    ctx.skip(db.engine === "pglite", "PGlite has a single user");
    const url = db.urlAs("okf_no_such_role", "Sup3r-Secret");
    const error = await sourceError(postgresExtractor.open(postgresConfig(url), context));
    expect(error.message).toMatch(
      /^PostgreSQL at 127\.0\.0\.1:5432 refused the login \(SQLSTATE 28000\)\.$/,
    );
    expect(error.hint).toMatch(/pg_hba\.conf/);
  });

  it("maps a rejected password by its SQLSTATE, never repeating the server's text", async () => {
    const target = { host: "db.example.com", port: 5432, database: "crm" };
    const rejected = Object.assign(
      new Error('password authentication failed for user "reader" (tried "Sup3r-Secret")'),
      { code: "28P01" },
    );
    await connectReadOnly(postgresConfig("postgresql://reader:Sup3r-Secret@127.0.0.1:1/crm")).catch(
      () => undefined, // registers the connection's password as a secret, as open() does
    );
    const error = toSourceError(rejected, target);
    expect(error.message).toBe(
      "PostgreSQL at db.example.com:5432 rejected the credentials (SQLSTATE 28P01).",
    );
  });

  it("reports a wrong password against the server", async (ctx) => {
    // 127.0.0.1 may use trust authentication (it does on the development machines): then a
    // wrong password is accepted, 28P01 cannot be reached, and the test says so.
    ctx.skip(db.engine === "pglite", "PGlite does not authenticate");
    const role = await db.createRole("password", "right-password");
    const wrong = postgresExtractor.open(postgresConfig(db.urlAs(role, "wrong-password")), context);
    const outcome = await wrong.then(
      async (extraction) => {
        await extraction.close();
        return "accepted";
      },
      (reason: unknown) => reason,
    );
    ctx.skip(
      outcome === "accepted",
      "the server trusts 127.0.0.1, so wrong passwords are accepted",
    );
    expect((outcome as SourceError).message).toMatch(/rejected the credentials/);
  });
});
