import pg from "pg";
import { ConfigError, type OkfError } from "../../src/errors.js";
import type { DatabaseTarget } from "./sql-errors.js";

/** SET takes no bind parameters; the value is checked to be a plain positive integer instead. */
export function milliseconds(value: number, key: string): number {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new ConfigError(
      `${key} must be a positive whole number of milliseconds, not ${String(value)}.`,
    );
  }
  return value;
}

/** One `pg` connection that counts what it sends and reports failures as SourceErrors. */
export interface CountingClient {
  readonly target: DatabaseTarget;
  send: <Row extends pg.QueryResultRow>(text: string, values?: unknown[]) => Promise<Row[]>;
  /** Statements sent so far. */
  requestCount: () => number;
  /** Ends the connection once; later calls do nothing. */
  close: () => Promise<void>;
}

type ToSourceError = (error: unknown, target: DatabaseTarget) => OkfError;

export function countingClient(client: pg.Client, toSourceError: ToSourceError): CountingClient {
  const target: DatabaseTarget = {
    host: client.host,
    port: client.port,
    database: client.database ?? "",
  };
  // Without a listener, a server closing an idle connection would crash the process; the next
  // query reports the broken connection instead.
  client.on("error", () => undefined);
  let sent = 0;
  let closed = false;
  return {
    target,
    send: async <Row extends pg.QueryResultRow>(text: string, values?: unknown[]) => {
      sent += 1;
      try {
        return (await client.query<Row>(text, values)).rows;
      } catch (error) {
        throw toSourceError(error, target);
      }
    },
    requestCount: () => sent,
    close: async () => {
      if (closed) return;
      closed = true;
      await client.end().catch(() => undefined);
    },
  };
}

/**
 * Connects and sends the session set-up (built only once connected, so a connection failure
 * is reported before a bad setting). On failure the connection is closed and a SourceError thrown.
 */
export async function connectCounting(
  connection: CountingClient,
  client: pg.Client,
  setup: () => string,
  toSourceError: ToSourceError,
): Promise<void> {
  try {
    await client.connect();
    await connection.send(setup());
  } catch (error) {
    await connection.close();
    throw toSourceError(error, connection.target);
  }
}
