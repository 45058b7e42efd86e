/**
 * Throw-away PostgreSQL databases for tests: a uniquely named database on the server at
 * 127.0.0.1:5432 (or OKF_TEST_POSTGRES_URL) when one answers, otherwise a PGlite instance served
 * on a local port by @electric-sql/pglite-socket, so that the same `pg` code path runs either way.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import pg from "pg";
import { chinookPostgresScript } from "./chinook.js";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const serverUrl =
  process.env.OKF_TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

type TestEngine = "postgres" | "pglite";

export interface TestDatabase {
  /** `current_database()`: the name the extractor will report. */
  name: string;
  /** Connects as the superuser, without a password. */
  url: string;
  engine: TestEngine;
  /** Runs SQL as the superuser in this database (several statements when there are no params). */
  admin<Row extends pg.QueryResultRow = pg.QueryResultRow>(
    sql: string,
    params?: unknown[],
  ): Promise<Row[]>;
  /** A login role that `drop()` removes again; only on a real server (PGlite has one user). */
  createRole(prefix: string, password?: string): Promise<string>;
  /** The database's URL for another user. */
  urlAs(user: string, password?: string): string;
  drop(): Promise<void>;
}

let serverProbe: Promise<boolean> | undefined;

/** Whether a PostgreSQL server answers; asked once per test process. */
export function postgresServerAvailable(): Promise<boolean> {
  serverProbe ??= (async () => {
    const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 2_000 });
    try {
      await client.connect();
      await client.query("SELECT 1");
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return serverProbe;
}

function uniqueName(prefix: string): string {
  const slug = prefix
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .slice(0, 30);
  return `okf_${slug}_${process.pid}_${randomBytes(4).toString("hex")}`;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string, user?: string, password?: string): string {
  const target = new URL(url);
  target.pathname = `/${encodeURIComponent(database)}`;
  if (user !== undefined) target.username = encodeURIComponent(user);
  target.password = password === undefined ? "" : encodeURIComponent(password);
  return target.toString();
}

async function createServerDatabase(prefix: string): Promise<TestDatabase> {
  const name = uniqueName(prefix);
  await withClient(serverUrl, (client) =>
    client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`),
  );
  const url = withDatabase(serverUrl, name);
  const adminClient = new pg.Client(url);
  await adminClient.connect();
  const roles: string[] = [];
  return {
    name,
    url,
    engine: "postgres",
    async admin<Row extends pg.QueryResultRow>(sql: string, params?: unknown[]) {
      const rows = (await adminClient.query<Row>(sql, params)).rows;
      // An idle backend publishes its activity counters up to 10 s late; a late publish during
      // a test would pass for a change of the source. Flushing now (PostgreSQL 15+) prevents it.
      await adminClient.query("SELECT pg_stat_force_next_flush()").catch(() => undefined);
      return rows;
    },
    async createRole(rolePrefix, password) {
      const role = uniqueName(rolePrefix);
      const passwordClause =
        password === undefined ? "" : ` PASSWORD ${pg.escapeLiteral(password)}`;
      await adminClient.query(`CREATE ROLE ${pg.escapeIdentifier(role)} LOGIN${passwordClause}`);
      roles.push(role);
      return role;
    },
    urlAs: (user, password) => withDatabase(serverUrl, name, user, password),
    async drop() {
      await adminClient.end().catch(() => undefined);
      await withClient(serverUrl, async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
        for (const role of roles)
          await client.query(`DROP ROLE IF EXISTS ${pg.escapeIdentifier(role)}`);
      });
    },
  };
}

/**
 * PGlite runs every connection in one backend, so session settings made by one connection (the
 * extractor's read-only mode) hold for all; the admin connection resets them before each use.
 */
async function createPgliteDatabase(): Promise<TestDatabase> {
  const db = await PGlite.create();
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 16 });
  await server.start();
  const base = `postgresql://postgres@${server.getServerConn()}/postgres`;
  const adminClient = new pg.Client(base);
  await adminClient.connect();
  const [row] = (await adminClient.query<{ name: string }>("SELECT current_database() AS name"))
    .rows;
  const name = row?.name ?? "postgres";
  return {
    name,
    url: withDatabase(base, name),
    engine: "pglite",
    async admin<Row extends pg.QueryResultRow>(sql: string, params?: unknown[]) {
      await adminClient.query("RESET ALL");
      return (await adminClient.query<Row>(sql, params)).rows;
    },
    createRole: () => Promise.reject(new Error("PGlite has a single user; roles need a server")),
    urlAs: (user, password) => withDatabase(base, name, user, password),
    async drop() {
      await adminClient.end().catch(() => undefined);
      await server.stop();
      await db.close();
    },
  };
}

/** A fresh, empty database. `engine: "pglite"` forces the fallback even when a server answers. */
export async function createTestDatabase(
  prefix: string,
  options: { engine?: "auto" | "pglite" } = {},
): Promise<TestDatabase> {
  if (options.engine !== "pglite" && (await postgresServerAvailable())) {
    return createServerDatabase(prefix);
  }
  return createPgliteDatabase();
}

/** Loads Chinook (11 tables, ~15k rows) into the database at `url`, in one round trip. */
export async function loadChinook(url: string): Promise<void> {
  // RESET ALL: on PGlite, an earlier extraction may have left the shared session read-only.
  await withClient(url, (client) => client.query(`RESET ALL;\n${chinookPostgresScript()}`));
}
