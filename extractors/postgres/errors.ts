import { OkfError, SourceError } from "../../src/errors.js";
import { redact } from "../../src/secrets.js";

/** Where the extractor tried to read from; credential-free by construction. */
export interface PostgresTarget {
  host: string;
  port: number;
  database: string;
}

interface Explanation {
  message: string;
  hint?: string;
}

type Explain = (target: PostgresTarget, detail: string) => Explanation;

const at = (target: PostgresTarget): string => `${target.host}:${target.port}`;

const refused: Explain = (t) => ({
  message: `Cannot reach PostgreSQL at ${at(t)}: the connection was refused.`,
  hint: "Check that the server is running and that host and port in `connection` are right.",
});

const unresolved: Explain = (t) => ({
  message: `Cannot reach PostgreSQL at ${at(t)}: the host name "${t.host}" does not resolve.`,
  hint: "Check the host in `connection`, and DNS or VPN access from this machine.",
});

const timedOut: Explain = (t) => ({
  message: `Cannot reach PostgreSQL at ${at(t)}: the connection timed out.`,
  hint: "A firewall or security group may block the port, or the host is down.",
});

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

function codeOf(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  return typeof error.code === "string" ? error.code : undefined;
}

/** One line of detail, whatever the error looks like (Node's AggregateError has no message). */
function detailOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const firstLine = text.split("\n")[0]?.trim().replace(/\.$/, "") ?? "";
  return firstLine === "" ? (codeOf(error) ?? "unknown error") : firstLine;
}

function explain(error: unknown, target: PostgresTarget): Explanation {
  const code = codeOf(error);
  const detail = detailOf(error);
  const known = code === undefined ? undefined : (networkErrors[code] ?? serverErrors[code]);
  if (known) return known(target, detail);
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

/**
 * A one-paragraph SourceError for anything that went wrong talking to PostgreSQL. The original
 * error is deliberately not attached as `cause`: drivers keep connection details on it.
 */
export function toSourceError(error: unknown, target: PostgresTarget): OkfError {
  if (error instanceof OkfError) return error;
  const { message, hint } = explain(error, target);
  return new SourceError(redact(message), hint === undefined ? undefined : redact(hint));
}
