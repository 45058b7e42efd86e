import pg from "pg";
import type { PostgresSourceConfig } from "./config-schema.js";
import { SourceError } from "../../src/errors.js";
import { registerSecret } from "../../src/secrets.js";
import { connectCounting, countingClient, milliseconds } from "../shared/pg-client.js";
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

function sessionSetup(options: SessionOptions): string {
  return [
    "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY",
    `SET statement_timeout = ${String(milliseconds(options.statement_timeout_ms, "statement_timeout_ms"))}`,
    `SET lock_timeout = ${String(milliseconds(options.lock_timeout_ms, "lock_timeout_ms"))}`,
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
  const connection = countingClient(client, toSourceError);
  const session: CatalogSession = {
    target: connection.target,
    query: connection.send,
    requestCount: connection.requestCount,
    close: connection.close,
  };
  await connectCounting(connection, client, () => sessionSetup(options), toSourceError);
  return session;
}
