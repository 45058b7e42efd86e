import { ConfigError } from "../../src/errors.js";
import type { MysqlSession } from "../mysql/mysql-session.js";
import type { DataApi } from "./data-api.js";
import { ResponseTooLargeError } from "./errors.js";
import { selectInPages } from "./mysql-pages.js";
import { mysqlStatement } from "./mysql-parameters.js";
import { mysqlRows } from "./mysql-values.js";

type Flavour = "mysql" | "mariadb";

function milliseconds(value: number): number {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new ConfigError(
      `statement_timeout_ms must be a positive whole number of milliseconds, not ${String(value)}.`,
    );
  }
  return value;
}

/**
 * Each Data API call may run on another pooled connection, so a session setting would not last
 * (and would linger for the pool's next user). The limits ride on every statement instead:
 * MariaDB's `SET STATEMENT … FOR` (time limit and a read-only transaction), MySQL's
 * MAX_EXECUTION_TIME optimizer hint on a SELECT (MySQL has no per-statement read-only switch;
 * okf sends nothing but SELECTs).
 */
function withLimits(sql: string, flavour: Flavour, timeoutMs: number): string {
  if (flavour === "mariadb") {
    const seconds = (timeoutMs / 1000).toFixed(3);
    return `SET STATEMENT max_statement_time=${seconds}, tx_read_only=1 FOR ${sql}`;
  }
  return sql.replace(
    /^\s*SELECT\b/i,
    (select) => `${select} /*+ MAX_EXECUTION_TIME(${String(timeoutMs)}) */`,
  );
}

/**
 * Aurora MySQL through the Data API as the MySQL extractor's session. Statements run one by one
 * (no `snapshot`): a transaction would be lost with any response the Data API refuses, while a
 * lone SELECT refused for its size is simply read again in pages (mysql-pages.ts).
 */
export async function mysqlDataApiSession(
  api: DataApi,
  settings: { statementTimeoutMs: number },
): Promise<MysqlSession> {
  const timeoutMs = milliseconds(settings.statementTimeoutMs);
  const [server] = mysqlRows(await api.execute("SELECT VERSION() AS version", []));
  const version = server?.version;
  const flavour: Flavour =
    typeof version === "string" && /mariadb/i.test(version) ? "mariadb" : "mysql";
  const execute = (sql: string, parameters: Parameters<DataApi["execute"]>[1]) =>
    api.execute(withLimits(sql, flavour, timeoutMs), parameters);

  return {
    target: { host: api.scope.cluster.clusterId, port: 3306 },
    async query<Row extends Record<string, unknown>>(text: string, values?: unknown[]) {
      const { sql, parameters } = mysqlStatement(text, values);
      try {
        return mysqlRows(await execute(sql, parameters)) as Row[];
      } catch (error) {
        if (!(error instanceof ResponseTooLargeError) || !/^\s*SELECT\b/i.test(sql)) throw error;
        return mysqlRows(await selectInPages(sql, parameters, execute)) as Row[];
      }
    },
    requestCount: () => api.callCount(),
    close() {
      api.destroy();
      return Promise.resolve();
    },
  };
}
