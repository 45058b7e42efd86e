import pg from "pg";
import type { PostgresSourceConfig } from "../../src/config/schema.js";
import { ConfigError, SourceError } from "../../src/errors.js";
import { registerSecret } from "../../src/secrets.js";
import { toSourceError, type PostgresTarget } from "./errors.js";

/** One read-only connection to one database that counts every query it sends. */
export interface CatalogSession {
  readonly target: PostgresTarget;
  query<Row extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<Row[]>;
  /** Queries sent so far, session set-up included. */
  requestCount(): number;
  close(): Promise<void>;
}

export type SessionOptions = Pick<
  PostgresSourceConfig,
  "connection" | "statement_timeout_ms" | "lock_timeout_ms"
>;

/** SET takes no bind parameters; the values are checked to be plain positive integers instead. */
function milliseconds(value: number, key: string): number {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new ConfigError(`${key} must be a positive whole number of milliseconds, not ${value}.`);
  }
  return value;
}

function sessionSetup(options: SessionOptions): string {
  return [
    "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY",
    `SET statement_timeout = ${milliseconds(options.statement_timeout_ms, "statement_timeout_ms")}`,
    `SET lock_timeout = ${milliseconds(options.lock_timeout_ms, "lock_timeout_ms")}`,
    "SET application_name = 'okf'",
    // Names in type and definition text are qualified relative to this path; fixing it keeps the
    // output independent of the role's own search_path setting.
    "SET search_path = public",
  ].join("; ");
}

function newClient(options: SessionOptions): pg.Client {
  try {
    return new pg.Client({
      connectionString: options.connection,
      application_name: "okf",
      connectionTimeoutMillis: Math.min(options.statement_timeout_ms, 30_000),
    });
  } catch {
    throw new SourceError(
      "The PostgreSQL connection string cannot be parsed.",
      "Use the form postgresql://user:password@host:5432/database.",
    );
  }
}

/**
 * Connects and makes the session read-only with the configured statement and lock timeouts.
 * Throws SourceError (with a redacted, one-paragraph message) when that is not possible.
 */
export async function connectReadOnly(options: SessionOptions): Promise<CatalogSession> {
  registerSecret(options.connection);
  const client = newClient(options);
  const target: PostgresTarget = {
    host: client.host,
    port: client.port,
    database: client.database ?? "",
  };
  // Without a listener, a server closing an idle connection would crash the process; the next
  // query reports the broken connection instead.
  client.on("error", () => undefined);
  let sent = 0;
  let closed = false;

  const session: CatalogSession = {
    target,
    async query<Row extends pg.QueryResultRow>(text: string, values?: unknown[]) {
      sent += 1;
      try {
        return (await client.query<Row>(text, values)).rows;
      } catch (error) {
        throw toSourceError(error, target);
      }
    },
    requestCount: () => sent,
    async close() {
      if (closed) return;
      closed = true;
      await client.end().catch(() => undefined);
    },
  };

  try {
    await client.connect();
    await session.query(sessionSetup(options));
  } catch (error) {
    await session.close();
    throw toSourceError(error, target);
  }
  return session;
}
