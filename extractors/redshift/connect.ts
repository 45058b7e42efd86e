import pg from "pg";
import type { RedshiftSourceConfig } from "./config-schema.js";
import { SourceError } from "../../src/errors.js";
import { registerSecret } from "../../src/secrets.js";
import { connectCounting, countingClient, milliseconds } from "../shared/pg-client.js";
import { toSourceError, type RedshiftTarget } from "./errors.js";

export const defaultRedshiftPort = 5439;

export type ReadQuery = <Row extends pg.QueryResultRow>(text: string) => Promise<Row[]>;

/** An open `BEGIN READ ONLY` transaction; `end` rolls it back (there is nothing to commit). */
interface ReadOnlyTransaction {
  query: ReadQuery;
  end(): Promise<void>;
}

/**
 * One connection to one database; every statement runs inside a read-only transaction:
 * Redshift documents no session-wide read-only mode (no `SET SESSION CHARACTERISTICS`, no
 * `default_transaction_read_only`), only `BEGIN READ ONLY`, so the access mode is set per
 * transaction and nothing is ever sent outside one (but the statement timeout).
 */
export interface RedshiftSession {
  readonly target: RedshiftTarget;
  begin(): Promise<ReadOnlyTransaction>;
  /** Runs `work` in one read-only transaction, rolled back whatever happens. */
  readOnly<T>(work: (query: ReadQuery) => Promise<T>): Promise<T>;
  /** Statements sent so far, session set-up and transaction control included. */
  requestCount(): number;
  close(): Promise<void>;
}

export type SessionOptions = Pick<RedshiftSourceConfig, "connection" | "statement_timeout_ms">;

/**
 * The connection string with Redshift's default port when it names none (`pg` would use
 * PostgreSQL's 5432); `redshift://` is accepted as a synonym of `postgresql://`.
 */
export function withRedshiftDefaults(connection: string): string {
  let url: URL;
  try {
    url = new URL(connection.replace(/^redshift:\/\//i, "postgresql://"));
  } catch {
    url = new URL("invalid:");
  }
  if (!["postgresql:", "postgres:"].includes(url.protocol) || url.hostname === "") {
    throw new SourceError(
      "The Redshift connection string cannot be parsed.",
      "Use the form postgresql://user:password@cluster.abc123.eu-west-1.redshift.amazonaws.com:5439/dev.",
    );
  }
  if (url.port === "") url.port = String(defaultRedshiftPort);
  return url.toString();
}

/**
 * Dates and timestamps come as the server's text, so that they are read in UTC whatever the
 * machine's time zone (`pg` would read a timestamp without time zone as local time).
 */
const textTypes = new Set<number>([
  pg.types.builtins.DATE,
  pg.types.builtins.TIMESTAMP,
  pg.types.builtins.TIMESTAMPTZ,
]);
const keepText = (value: string): string => value;
type ParserArgs = Parameters<typeof pg.types.getTypeParser>;
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: ParserArgs[0], format?: ParserArgs[1]): unknown =>
    textTypes.has(oid)
      ? keepText
      : (pg.types.getTypeParser(oid, format) as unknown)) as pg.CustomTypesConfig["getTypeParser"],
};

/**
 * Connects and sets the statement timeout (the one session setting Redshift documents for this;
 * it counts time queued in WLM too). Throws SourceError, redacted, when that is not possible.
 */
export async function connectRedshift(options: SessionOptions): Promise<RedshiftSession> {
  registerSecret(options.connection);
  const timeout = milliseconds(options.statement_timeout_ms, "statement_timeout_ms");
  const client = new pg.Client({
    connectionString: withRedshiftDefaults(options.connection),
    application_name: "okf",
    connectionTimeoutMillis: Math.min(timeout, 30_000),
    types,
  });
  const connection = countingClient(client, toSourceError);
  const send: ReadQuery = connection.send;
  const begin = async (): Promise<ReadOnlyTransaction> => {
    await send("BEGIN READ ONLY");
    return {
      query: send,
      end: () =>
        send("ROLLBACK").then(
          () => undefined,
          () => undefined,
        ),
    };
  };
  const session: RedshiftSession = {
    target: connection.target,
    begin,
    async readOnly(work) {
      const transaction = await begin();
      try {
        return await work(transaction.query);
      } finally {
        await transaction.end();
      }
    },
    requestCount: connection.requestCount,
    close: connection.close,
  };
  await connectCounting(
    connection,
    client,
    () => `SET statement_timeout TO ${String(timeout)}`,
    toSourceError,
  );
  return session;
}
