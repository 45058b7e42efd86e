import type { OkfError } from "../../src/errors.js";
import {
  errorCode,
  errorDetail,
  explainedSourceError,
  hostAndPort as at,
  knownExplanation,
  unreachable,
  type DatabaseTarget,
  type Explain,
  type Explanation,
} from "../shared/sql-errors.js";
import type { FailureReason } from "../../src/errors.js";
import {
  connectionLost,
  failedWith,
  isConnectionLost,
  mysqlErrnoReason,
} from "../shared/failure-reasons.js";

/**
 * Where the extractor tried to read from; credential-free by construction. `database` is the
 * default database named in the connection string, or "".
 */
export type MysqlTarget = DatabaseTarget;

const { refused, unresolved, timedOut } = unreachable("MySQL");

const connectionLostExplained: Explain = (t) => ({
  message: `The connection to MySQL at ${at(t)} was lost.`,
  hint: "The server may have restarted or closed an idle connection; run okf again.",
});

const statementTimeout: Explain = (t) => ({
  message: `A query on MySQL at ${at(t)} was stopped by the execution time limit.`,
  hint: "Raise `statement_timeout_ms` for this source, or narrow it with `databases` or `include`.",
});

const permissionDenied: Explain = (t, code) => ({
  message: `Permission denied on MySQL at ${at(t)} (${code}).`,
  hint: "Grant the user SELECT and SHOW VIEW on the databases to read (see the README).",
});

/** Node's network errors and mysql2's own, keyed by `code`. */
const networkErrors: Record<string, Explain> = {
  ECONNREFUSED: refused,
  ENOTFOUND: unresolved,
  EAI_AGAIN: unresolved,
  ETIMEDOUT: timedOut,
  EHOSTUNREACH: timedOut,
  ENETUNREACH: timedOut,
  ECONNRESET: (t) => ({
    message: `MySQL at ${at(t)} closed the connection unexpectedly.`,
    hint: "The server may require TLS (add `?ssl={}` to `connection`) or may have restarted.",
  }),
  PROTOCOL_CONNECTION_LOST: connectionLostExplained,
};

/** Server errors, keyed by mysql2's symbolic `code`. */
const serverErrors: Record<string, Explain> = {
  ER_ACCESS_DENIED_ERROR: (t, code) => ({
    message: `MySQL at ${at(t)} rejected the credentials (${code}).`,
    hint: "Check the user and password in `connection` (usually an environment variable).",
  }),
  ER_NOT_SUPPORTED_AUTH_MODE: (t, code) => ({
    message: `MySQL at ${at(t)} asks for an authentication method okf cannot use (${code}).`,
    hint: "Give the user caching_sha2_password or mysql_native_password authentication.",
  }),
  ER_BAD_DB_ERROR: (t) => ({
    message: `MySQL at ${at(t)} has no database "${t.database}".`,
    hint: "Check the database name at the end of `connection`, or leave it out.",
  }),
  ER_DBACCESS_DENIED_ERROR: (t, code) => ({
    message: `MySQL at ${at(t)} refused access to the database in \`connection\` (${code}).`,
    hint: "Check the database name at the end of `connection`, or leave it out.",
  }),
  ER_CON_COUNT_ERROR: (t) => ({
    message: `MySQL at ${at(t)} has no connection slot left.`,
    hint: "Try again later, or lower concurrency on this server.",
  }),
  ER_HOST_IS_BLOCKED: (t, code) => ({
    message: `MySQL at ${at(t)} blocks this host (${code}).`,
    hint: "An administrator can run FLUSH HOSTS; check why connections from here failed.",
  }),
  ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION: (t) => ({
    message: `MySQL at ${at(t)} refused a statement: okf's session is read-only.`,
    hint: "okf only reads; this is a bug in okf if it happened during an extraction.",
  }),
  ER_QUERY_TIMEOUT: statementTimeout,
  ER_STATEMENT_TIMEOUT: statementTimeout,
  ER_TABLEACCESS_DENIED_ERROR: permissionDenied,
  ER_COLUMNACCESS_DENIED_ERROR: permissionDenied,
  ER_SPECIFIC_ACCESS_DENIED_ERROR: permissionDenied,
};

/** The server's error number (mysql2 leaves `code` unset for some, e.g. MariaDB's 1969). */
function errnoOf(error: unknown): number | undefined {
  if (typeof error !== "object" || error === null || !("errno" in error)) return undefined;
  return typeof error.errno === "number" && error.errno > 0 ? error.errno : undefined;
}

/** The fixed reason of a failed statement: by error number, never by the server's text. */
function mysqlFailureReason(error: unknown): FailureReason {
  const errno = errnoOf(error);
  if (isConnectionLost(error)) return connectionLost();
  if (errno !== undefined) return mysqlErrnoReason(errno);
  const code = errorCode(error);
  return { kind: "failed", text: code === undefined ? "failed" : `failed (${code})` };
}

/**
 * Server errors are told apart by code and number only, and the server's message is never
 * shown: it can quote data (`Incorrect integer value: '…'`).
 */
function explain(error: unknown, target: MysqlTarget): Explanation {
  const known = knownExplanation([networkErrors, serverErrors], error, target);
  if (known) return known;
  const code = errorCode(error);
  const errno = errnoOf(error);
  const reason = mysqlFailureReason(error);
  if (reason.kind === "statement_timeout") return statementTimeout(target, code ?? "");
  if (reason.kind === "connection_lost") return connectionLostExplained(target, "");
  if (errno !== undefined) {
    return { message: `A query on MySQL at ${at(target)} ${failedWith(reason)}.` };
  }
  const detail = errorDetail(error);
  if (/timeout|timed out/i.test(detail)) return timedOut(target, code ?? "");
  if (code !== undefined && /CERT|SSL|TLS/.test(code)) {
    return {
      message: `The TLS certificate of MySQL at ${at(target)} could not be verified (${code}).`,
      hint: "Give the CA in the `ssl` parameter of `connection`, or check the host name.",
    };
  }
  return { message: `MySQL at ${at(target)} failed${code ? ` (${code})` : ""}.` };
}

/** A one-paragraph SourceError for anything that went wrong talking to MySQL. */
export function toSourceError(error: unknown, target: MysqlTarget): OkfError {
  return explainedSourceError(error, (cause) => explain(cause, target), mysqlFailureReason);
}
