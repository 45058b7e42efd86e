import { OkfError, SourceError } from "../../src/errors.js";
import { redact } from "../../src/secrets.js";

/** Where the extractor tried to read from; credential-free by construction. */
export interface MysqlTarget {
  host: string;
  port: number;
  /** The default database named in the connection string, or "". */
  database: string;
}

interface Explanation {
  message: string;
  hint?: string;
}

type Explain = (target: MysqlTarget, detail: string) => Explanation;

const at = (target: MysqlTarget): string => `${target.host}:${String(target.port)}`;

const refused: Explain = (t) => ({
  message: `Cannot reach MySQL at ${at(t)}: the connection was refused.`,
  hint: "Check that the server is running and that host and port in `connection` are right.",
});

const unresolved: Explain = (t) => ({
  message: `Cannot reach MySQL at ${at(t)}: the host name "${t.host}" does not resolve.`,
  hint: "Check the host in `connection`, and DNS or VPN access from this machine.",
});

const timedOut: Explain = (t) => ({
  message: `Cannot reach MySQL at ${at(t)}: the connection timed out.`,
  hint: "A firewall or security group may block the port, or the host is down.",
});

const statementTimeout: Explain = (t) => ({
  message: `A query on MySQL at ${at(t)} was stopped by the execution time limit.`,
  hint: "Raise `statement_timeout_ms` for this source, or narrow it with `databases` or `include`.",
});

const permissionDenied: Explain = (t, detail) => ({
  message: `Permission denied on MySQL at ${at(t)}: ${detail}.`,
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
  PROTOCOL_CONNECTION_LOST: (t) => ({
    message: `The connection to MySQL at ${at(t)} was lost.`,
    hint: "The server may have restarted or closed an idle connection; run okf again.",
  }),
};

/** Server errors, keyed by mysql2's symbolic `code`. */
const serverErrors: Record<string, Explain> = {
  ER_ACCESS_DENIED_ERROR: (t, detail) => ({
    message: `MySQL at ${at(t)} rejected the credentials: ${detail}.`,
    hint: "Check the user and password in `connection` (usually an environment variable).",
  }),
  ER_NOT_SUPPORTED_AUTH_MODE: (t, detail) => ({
    message: `MySQL at ${at(t)} asks for an authentication method okf cannot use: ${detail}.`,
    hint: "Give the user caching_sha2_password or mysql_native_password authentication.",
  }),
  ER_BAD_DB_ERROR: (t) => ({
    message: `MySQL at ${at(t)} has no database "${t.database}".`,
    hint: "Check the database name at the end of `connection`, or leave it out.",
  }),
  ER_DBACCESS_DENIED_ERROR: (t, detail) => ({
    message: `MySQL at ${at(t)} refused access to the database in \`connection\`: ${detail}.`,
    hint: "Check the database name at the end of `connection`, or leave it out.",
  }),
  ER_CON_COUNT_ERROR: (t) => ({
    message: `MySQL at ${at(t)} has no connection slot left.`,
    hint: "Try again later, or lower concurrency on this server.",
  }),
  ER_HOST_IS_BLOCKED: (t, detail) => ({
    message: `MySQL at ${at(t)} blocks this host: ${detail}.`,
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

function stringProperty(error: unknown, key: string): string | undefined {
  if (typeof error !== "object" || error === null || !(key in error)) return undefined;
  const value: unknown = (error as Record<string, unknown>)[key];
  return typeof value === "string" ? value : undefined;
}

/** One line of detail, whatever the error looks like (Node's AggregateError has no message). */
function detailOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const firstLine = text.split("\n")[0]?.trim().replace(/\.$/, "") ?? "";
  return firstLine === "" ? (stringProperty(error, "code") ?? "unknown error") : firstLine;
}

function explain(error: unknown, target: MysqlTarget): Explanation {
  const code = stringProperty(error, "code");
  const detail = detailOf(error);
  const known = code === undefined ? undefined : (networkErrors[code] ?? serverErrors[code]);
  if (known) return known(target, detail);
  if (/max_statement_time|maximum statement execution time/i.test(detail)) {
    return statementTimeout(target, detail);
  }
  if (/timeout|timed out/i.test(detail)) return timedOut(target, detail);
  if (code !== undefined && /CERT|SSL|TLS/.test(code)) {
    return {
      message: `The TLS certificate of MySQL at ${at(target)} could not be verified: ${detail}.`,
      hint: "Give the CA in the `ssl` parameter of `connection`, or check the host name.",
    };
  }
  return { message: `MySQL at ${at(target)} failed: ${detail}${code ? ` (${code})` : ""}.` };
}

/**
 * A one-paragraph SourceError for anything that went wrong talking to MySQL. The original error
 * is deliberately not attached as `cause`: drivers keep connection details on it.
 */
export function toSourceError(error: unknown, target: MysqlTarget): OkfError {
  if (error instanceof OkfError) return error;
  const { message, hint } = explain(error, target);
  return new SourceError(redact(message), hint === undefined ? undefined : redact(hint));
}
