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
} from "../sql-errors.js";

/** Where the extractor tried to read from; credential-free by construction. */
export type PostgresTarget = DatabaseTarget;

const { refused, unresolved, timedOut } = unreachable("PostgreSQL");

const untrustedCertificate: Explain = (t, detail) => ({
  message: `The SSL certificate of PostgreSQL at ${at(t)} could not be verified: ${detail}.`,
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
  "28P01": (t, detail) => ({
    message: `PostgreSQL at ${at(t)} rejected the credentials: ${detail}.`,
    hint: "Check the user and password in `connection` (usually an environment variable).",
  }),
  "28000": (t, detail) => ({
    message: `PostgreSQL at ${at(t)} refused the login: ${detail}.`,
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
    message: `A catalog query on ${at(t)}/${t.database} was cancelled by statement_timeout.`,
    hint: "Raise `statement_timeout_ms` for this source, or narrow it with `include`.",
  }),
  "55P03": (t) => ({
    message: `A catalog query on ${at(t)}/${t.database} waited too long for a lock.`,
    hint: "Another session holds an exclusive lock (a migration?). Retry, or raise `lock_timeout_ms`.",
  }),
  "2201B": (_t, detail) => ({
    message: `An include/exclude pattern could not be used as a PostgreSQL regular expression: ${detail}.`,
    hint: "Simplify the glob in `include` / `exclude` (picomatch syntax over <schema>.<table>).",
  }),
  "42501": (t, detail) => ({
    message: `Permission denied on ${at(t)}/${t.database}: ${detail}.`,
    hint: "Grant the role read access to the catalog (CONNECT on the database).",
  }),
};

function explain(error: unknown, target: PostgresTarget): Explanation {
  const known = knownExplanation([networkErrors, serverErrors], error, target);
  if (known) return known;
  const code = errorCode(error);
  const detail = errorDetail(error);
  if (/password must be a string|SASL/i.test(detail)) {
    return {
      message: `PostgreSQL at ${at(target)} asks for a password and none was given.`,
      hint: "Put the password in `connection` (through an environment variable).",
    };
  }
  if (/timeout/i.test(detail)) return timedOut(target, detail);
  if (code !== undefined && /CERT|SSL|TLS/.test(code)) return untrustedCertificate(target, detail);
  if (/does not support SSL/i.test(detail)) {
    return {
      message: `PostgreSQL at ${at(target)} does not support SSL, but \`connection\` asks for it.`,
      hint: "Remove `sslmode` from `connection`, or enable SSL on the server.",
    };
  }
  return {
    message: `PostgreSQL at ${at(target)}/${target.database} failed: ${detail}${code ? ` (${code})` : ""}.`,
  };
}

/** A one-paragraph SourceError for anything that went wrong talking to PostgreSQL. */
export function toSourceError(error: unknown, target: PostgresTarget): OkfError {
  return explainedSourceError(error, (cause) => explain(cause, target));
}
