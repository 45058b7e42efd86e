import mysql from "mysql2/promise";
import type { MysqlSourceConfig } from "./config-schema.js";
import { SourceError } from "../../src/errors.js";
import { registerSecret } from "../../src/secrets.js";
import { toSourceError, type MysqlTarget } from "./errors.js";
import type { MysqlSession } from "./mysql-session.js";
import { detectFlavour, timeLimitStatement } from "./server-flavour.js";

export type ConnectOptions = Pick<MysqlSourceConfig, "connection" | "statement_timeout_ms">;

/** Host, port and the default database of the connection string; never its credentials. */
function targetOf(connection: string): MysqlTarget {
  try {
    const url = new URL(connection);
    const host = decodeURIComponent(url.hostname.replace(/^\[|\]$/g, "")) || "localhost";
    const database = decodeURIComponent(url.pathname.replace(/^\//, ""));
    return { host, port: url.port === "" ? 3306 : Number(url.port), database };
  } catch {
    throw new SourceError(
      "The MySQL connection string cannot be parsed.",
      "Use the form mysql://user:password@host:3306/ (percent-encode special characters).",
    );
  }
}

function newConnection(options: ConnectOptions): Promise<mysql.Connection> {
  return mysql.createConnection({
    uri: options.connection.replace(/^mariadb:/, "mysql:"),
    // Stable output whatever the column type: dates, BIGINT and DECIMAL arrive as text.
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: true,
    connectTimeout: Math.min(options.statement_timeout_ms, 30_000),
    multipleStatements: false,
    charset: "utf8mb4_general_ci",
  });
}

/**
 * Connects with mysql2 and makes the session read-only with an execution time limit for every
 * statement (MySQL's `max_execution_time`, MariaDB's `max_statement_time`). Throws SourceError
 * (with a redacted, one-paragraph message) when that is not possible.
 */
export async function connectReadOnly(options: ConnectOptions): Promise<MysqlSession> {
  registerSecret(options.connection);
  const target = targetOf(options.connection);
  let connection: mysql.Connection;
  try {
    connection = await newConnection(options);
  } catch (error) {
    throw toSourceError(error, target);
  }
  // Without a listener, a server closing an idle connection would crash the process; the next
  // query reports the broken connection instead.
  connection.on("error", () => undefined);
  let sent = 0;
  let closed = false;

  const session: MysqlSession = {
    target: { host: target.host, port: target.port },
    async query<Row extends Record<string, unknown>>(sql: string, values?: unknown[]) {
      sent += 1;
      try {
        const [rows] = await connection.query(sql, values);
        return Array.isArray(rows) ? (rows as Row[]) : [];
      } catch (error) {
        throw toSourceError(error, target);
      }
    },
    async snapshot<T>(read: () => Promise<T>): Promise<T> {
      await session.query("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
      try {
        return await read();
      } finally {
        await session.query("COMMIT").catch(() => undefined);
      }
    },
    requestCount: () => sent,
    async close() {
      if (closed) return;
      closed = true;
      await connection.end().catch(() => {
        connection.destroy();
      });
    },
  };

  try {
    const flavour = await detectFlavour(session);
    await session.query("SET SESSION TRANSACTION READ ONLY");
    await session.query(timeLimitStatement(flavour, options.statement_timeout_ms));
  } catch (error) {
    await session.close();
    throw toSourceError(error, target);
  }
  return session;
}
