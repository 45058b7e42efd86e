import type { Field } from "@aws-sdk/client-rds-data";
import type { QueryResultRow } from "pg";
import { ConfigError } from "../../src/errors.js";
import type { CatalogSession } from "../postgres/connect.js";
import { isPagedCatalogQuery, runPaged, type Rows } from "./catalog-pages.js";
import type { DataApi, StatementResult } from "./data-api.js";
import { ResponseTooLargeError } from "./errors.js";
import { fetchInBatches, parseFetch } from "./fetch-batches.js";
import { postgresStatement } from "./postgres-parameters.js";
import { postgresRows } from "./postgres-values.js";

export interface PostgresSessionSettings {
  statementTimeoutMs: number;
  lockTimeoutMs: number;
  /** Relations per page of the catalog queries. */
  pageSize: number;
}

/** A CatalogSession over the Data API whose catalog page size can shrink between attempts. */
export interface PostgresDataApiSession extends CatalogSession {
  pageSize(): number;
  setPageSize(relations: number): void;
}

/**
 * The direct session's set-up, per transaction: each Data API call may land on another pooled
 * connection, so nothing set on a session would last, while `set_config(…, true)` holds for the
 * transaction that every statement runs in. TimeZone UTC makes a timestamptz the Data API
 * returns without an offset unambiguous.
 */
const transactionSetup = `SELECT set_config('transaction_read_only', 'on', true),
  set_config('statement_timeout', $1, true), set_config('lock_timeout', $2, true),
  set_config('search_path', 'public', true), set_config('TimeZone', 'UTC', true),
  set_config('application_name', 'okf', true)`;

const isolationPattern = /ISOLATION\s+LEVEL\s+(SERIALIZABLE|REPEATABLE\s+READ|READ\s+COMMITTED)/i;

function milliseconds(value: number, key: string): string {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new ConfigError(`${key} must be a positive whole number of milliseconds, not ${value}.`);
  }
  return String(value);
}

/** About the bytes the database sent for a field (text, binary or a few for a scalar). */
function fieldBytes(field: Field): number {
  if (field.stringValue !== undefined) return Buffer.byteLength(field.stringValue);
  if (field.blobValue !== undefined) return field.blobValue.byteLength;
  if (field.arrayValue !== undefined) return Buffer.byteLength(JSON.stringify(field.arrayValue));
  return 8;
}

function rowBytes(result: StatementResult): number[] {
  return result.records.map((record) => record.reduce((sum, field) => sum + fieldBytes(field), 0));
}

/**
 * PostgreSQL through the Data API as a CatalogSession. `BEGIN` … `COMMIT` / `ROLLBACK` become
 * BeginTransaction / CommitTransaction / RollbackTransaction, and every statement carries the
 * transaction id, so that a catalog read is one snapshot and a sample's cursor lives on one
 * connection; a statement sent outside a transaction gets one of its own. Every transaction is
 * read-only with the configured statement and lock timeouts.
 */
export function postgresDataApiSession(
  api: DataApi,
  settings: PostgresSessionSettings,
): PostgresDataApiSession {
  const timeouts = [
    milliseconds(settings.statementTimeoutMs, "statement_timeout_ms"),
    milliseconds(settings.lockTimeoutMs, "lock_timeout_ms"),
  ];
  let pageSize = settings.pageSize;
  let transactionId: string | undefined;
  /** Largest row per cursor in the current transaction (fetch-batches.ts). */
  const largestRow = new Map<string, number>();

  const execute = async (text: string, values: readonly unknown[] = []) => {
    const { sql, parameters } = postgresStatement(text, values);
    try {
      return await api.execute(sql, parameters, transactionId);
    } catch (error) {
      // The Data API ends the transaction along with a response it refuses.
      if (error instanceof ResponseTooLargeError) transactionId = undefined;
      throw error;
    }
  };

  const begin = async (statement: string) => {
    if (transactionId !== undefined) return;
    transactionId = await api.begin();
    largestRow.clear();
    const isolation = isolationPattern.exec(statement)?.[1]?.replace(/\s+/g, " ").toUpperCase();
    try {
      if (isolation) await execute(`SET TRANSACTION ISOLATION LEVEL ${isolation}`);
      await execute(transactionSetup, timeouts);
    } catch (error) {
      await end("rollback").catch(() => undefined);
      throw error;
    }
  };

  const end = async (how: "commit" | "rollback") => {
    const id = transactionId;
    if (id === undefined) return;
    transactionId = undefined;
    largestRow.clear();
    await (how === "commit" ? api.commit(id) : api.rollback(id));
  };

  const run = async (text: string, values: readonly unknown[] = []): Promise<Rows> => {
    const fetch = parseFetch(text);
    if (fetch) {
      return fetchInBatches(fetch, largestRow, async (sql) => {
        const result = await execute(sql);
        return { rows: postgresRows(result), rowBytes: rowBytes(result) };
      });
    }
    if (isPagedCatalogQuery(text)) {
      return runPaged(text, values, pageSize, async (page, pageValues) =>
        postgresRows(await execute(page, pageValues)),
      );
    }
    return postgresRows(await execute(text, values));
  };

  /** A statement outside BEGIN … COMMIT runs in a read-only transaction of its own. */
  const inTransaction = async (text: string, values: readonly unknown[] = []): Promise<Rows> => {
    if (transactionId !== undefined) return run(text, values);
    await begin("BEGIN");
    try {
      const rows = await run(text, values);
      await end("commit");
      return rows;
    } catch (error) {
      await end("rollback").catch(() => undefined);
      throw error;
    }
  };

  return {
    target: { host: api.scope.cluster.clusterId, port: 5432, database: api.scope.database },
    async query<Row extends QueryResultRow>(text: string, values?: unknown[]): Promise<Row[]> {
      const statement = text.trim();
      if (/^(BEGIN|START\s+TRANSACTION)\b/i.test(statement)) await begin(statement);
      else if (/^(COMMIT|END)\b/i.test(statement)) await end("commit");
      else if (/^(ROLLBACK|ABORT)\b/i.test(statement)) await end("rollback");
      else return (await inTransaction(text, values)) as Row[];
      return [];
    },
    requestCount: () => api.callCount(),
    pageSize: () => pageSize,
    setPageSize(relations) {
      pageSize = Math.max(1, Math.floor(relations));
    },
    async close() {
      await end("rollback").catch(() => undefined);
      api.destroy();
    },
  };
}
