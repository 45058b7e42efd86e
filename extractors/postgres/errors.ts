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
import { failedWith, isConnectionLost, sqlStateReason } from "../shared/failure-reasons.js";
import { isSqlState, sqlFailureReason } from "../shared/sql-errors.js";

/** Where the extractor tried to read from; credential-free by construction. */
export type PostgresTarget = DatabaseTarget;

const { refused, unresolved, timedOut } = unreachable("PostgreSQL");

const untrustedCertificate: Explain = (t, code) => ({
  message: `The SSL certificate of PostgreSQL at ${at(t)} could not be verified (${code}).`,
  hint: "Give the CA with `sslrootcert=` in `connection`, or check the host name.",
});

/** Node's network and TLS errors, keyed by `code`. */
const networkErrors: Record<string, Explain> = {
  ECONNREFUSED: refused,
  ENOTFOUND: unresolved,
  EAI_AGAIN: unresolved,
  ETIMEDOUT: timedOut,
  EHOSTUNREACH: timedOut,
  ENETUNREACH: timedOut,
  ECONNRESET: (t) => ({
    message: `PostgreSQL at ${at(t)} closed the connection unexpectedly.`,
    hint: "The server may require SSL (add `?sslmode=require`) or may have restarted.",
  }),
};

/** PostgreSQL errors, keyed by SQLSTATE. */
const serverErrors: Record<string, Explain> = {
  "28P01": (t) => ({
    message: `PostgreSQL at ${at(t)} rejected the credentials (SQLSTATE 28P01).`,
    hint: "Check the user and password in `connection` (usually an environment variable).",
  }),
  "28000": (t) => ({
    message: `PostgreSQL at ${at(t)} refused the login (SQLSTATE 28000).`,
    hint: "Check the user in `connection` and that pg_hba.conf allows it from this host.",
  }),
  "3D000": (t) => ({
    message: `PostgreSQL at ${at(t)} has no database "${t.database}".`,
    hint: "Check the database name at the end of `connection`.",
  }),
  "53300": (t) => ({
    message: `PostgreSQL at ${at(t)} has no connection slot left.`,
    hint: "Try again later, or lower concurrency on this server.",
  }),
  "57P03": (t) => ({
    message: `PostgreSQL at ${at(t)} is not accepting connections yet (starting up or in recovery).`,
    hint: "Try again in a moment.",
  }),
  "57014": (t) => ({
    message: `A query on ${at(t)}/${t.database} was cancelled by statement_timeout (SQLSTATE 57014).`,
    hint: "Raise `statement_timeout_ms` for this source, or narrow it with `include`.",
  }),
  "55P03": (t) => ({
    message: `A query on ${at(t)}/${t.database} waited too long for a lock (SQLSTATE 55P03).`,
    hint: "Another session holds an exclusive lock (a migration?). Retry, or raise `lock_timeout_ms`.",
  }),
  "2201B": () => ({
    message: `An include/exclude pattern could not be used as a PostgreSQL regular expression (SQLSTATE 2201B).`,
    hint: "Simplify the glob in `include` / `exclude` (picomatch syntax over <schema>.<table>).",
  }),
  "42501": (t) => ({
    message: `Permission denied on ${at(t)}/${t.database} (SQLSTATE 42501).`,
    hint: "Grant the role read access to the catalog (CONNECT on the database).",
  }),
};

/**
 * Server errors are told apart by SQLSTATE only and driver errors by their own fixed texts: a
 * server's message can quote data (`invalid input syntax for type integer: "…"`).
 */
function explain(error: unknown, target: PostgresTarget): Explanation {
  const known = knownExplanation([networkErrors, serverErrors], error, target);
  if (known) return known;
  const code = errorCode(error);
  if (code !== undefined && isSqlState(code)) {
    return {
      message: `A query on PostgreSQL at ${at(target)}/${target.database} ${failedWith(sqlStateReason(code))}.`,
    };
  }
  const detail = errorDetail(error);
  if (/password must be a string|SASL/i.test(detail)) {
    return {
      message: `PostgreSQL at ${at(target)} asks for a password and none was given.`,
      hint: "Put the password in `connection` (through an environment variable).",
    };
  }
  if (isConnectionLost(error)) {
    return {
      message: `The connection to PostgreSQL at ${at(target)} was lost.`,
      hint: "The server may have restarted, or a network device closed the connection; run okf again.",
    };
  }
  if (/timeout/i.test(detail)) return timedOut(target, detail);
  if (code !== undefined && /CERT|SSL|TLS/.test(code)) return untrustedCertificate(target, code);
  if (/does not support SSL/i.test(detail)) {
    return {
      message: `PostgreSQL at ${at(target)} does not support SSL, but \`connection\` asks for it.`,
      hint: "Remove `sslmode` from `connection`, or enable SSL on the server.",
    };
  }
  return {
    message: `PostgreSQL at ${at(target)}/${target.database} failed${code ? ` (${code})` : ""}.`,
  };
}

/** A one-paragraph SourceError for anything that went wrong talking to PostgreSQL. */
export function toSourceError(error: unknown, target: PostgresTarget): OkfError {
  return explainedSourceError(error, (cause) => explain(cause, target), sqlFailureReason);
}
