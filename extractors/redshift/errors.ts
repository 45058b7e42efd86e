import type { OkfError } from "../../src/errors.js";
import {
  errorCode,
  errorDetail,
  explainedSourceError,
  hostAndPort as at,
  knownExplanation,
  type DatabaseTarget,
  type Explain,
  type Explanation,
} from "../sql-errors.js";

/** Where the extractor tried to read from; credential-free by construction. */
export type RedshiftTarget = DatabaseTarget;

const unreachable: Explain = (t) => ({
  message: `Cannot reach Redshift at ${at(t)}: the connection timed out.`,
  hint:
    "The cluster or workgroup may not be publicly accessible, or its VPC security group does " +
    "not allow this machine on the port; run okf from inside the VPC or through a tunnel.",
});

const unresolved: Explain = (t) => ({
  message: `Cannot reach Redshift at ${at(t)}: the host name "${t.host}" does not resolve.`,
  hint: "Check the endpoint in `connection` (Redshift console: cluster or workgroup endpoint).",
});

const cancelled: Explain = (t) => ({
  message: `A query on ${at(t)}/${t.database} was cancelled by statement_timeout.`,
  hint:
    "Raise `statement_timeout_ms` for this source (it includes time queued in WLM), or " +
    "narrow it with `include`.",
});

/** Node's network and TLS errors, keyed by `code`. */
const networkErrors: Record<string, Explain> = {
  ECONNREFUSED: (t) => ({
    message: `Cannot reach Redshift at ${at(t)}: the connection was refused.`,
    hint: "Check host and port in `connection` (Redshift listens on 5439 unless changed).",
  }),
  ENOTFOUND: unresolved,
  EAI_AGAIN: unresolved,
  ETIMEDOUT: unreachable,
  EHOSTUNREACH: unreachable,
  ENETUNREACH: unreachable,
  ECONNRESET: (t) => ({
    message: `Redshift at ${at(t)} closed the connection unexpectedly.`,
    hint: "The cluster may require SSL (add `?sslmode=verify-full`), or it may be restarting.",
  }),
};

/** Server errors, keyed by SQLSTATE. */
const serverErrors: Record<string, Explain> = {
  "28P01": (t, detail) => ({
    message: `Redshift at ${at(t)} rejected the credentials: ${detail}.`,
    hint: "Check the user and password in `connection` (usually an environment variable).",
  }),
  "28000": (t, detail) =>
    /ssl/i.test(detail)
      ? {
          message: `Redshift at ${at(t)} refused the login: ${detail}.`,
          hint: "The cluster requires SSL (require_ssl): add `?sslmode=verify-full` to `connection`.",
        }
      : {
          message: `Redshift at ${at(t)} refused the login: ${detail}.`,
          hint: "Check the user and password in `connection`.",
        },
  "3D000": (t) => ({
    message: `Redshift at ${at(t)} has no database "${t.database}".`,
    hint: "Check the database name at the end of `connection` (often `dev`).",
  }),
  "53300": (t) => ({
    message: `Redshift at ${at(t)} has no connection slot left.`,
    hint: "Try again later; the cluster's connection limit is reached.",
  }),
  "57014": cancelled,
  "42501": (t, detail) => ({
    message: `Permission denied on ${at(t)}/${t.database}: ${detail}.`,
    hint: "Grant the user USAGE on the schemas to document (see the README for the grants).",
  }),
};

function explain(error: unknown, target: RedshiftTarget): Explanation {
  const known = knownExplanation([networkErrors, serverErrors], error, target);
  if (known) return known;
  const code = errorCode(error);
  const detail = errorDetail(error);
  // Redshift words a cancelled query its own way.
  if (/canceled on user's request/i.test(detail)) return cancelled(target, detail);
  if (/password must be a string|SASL/i.test(detail)) {
    return {
      message: `Redshift at ${at(target)} asks for a password and none was given.`,
      hint: "Put the password in `connection` (through an environment variable).",
    };
  }
  if (/timeout/i.test(detail)) return unreachable(target, detail);
  if (code !== undefined && /CERT|SSL|TLS/.test(code)) {
    return {
      message: `The SSL certificate of Redshift at ${at(target)} could not be verified: ${detail}.`,
      hint: "Connect with the endpoint's own host name, or give the CA with `sslrootcert=`.",
    };
  }
  return {
    message: `Redshift at ${at(target)}/${target.database} failed: ${detail}${code ? ` (${code})` : ""}.`,
  };
}

/** A one-paragraph SourceError for anything that went wrong talking to Redshift. */
export function toSourceError(error: unknown, target: RedshiftTarget): OkfError {
  return explainedSourceError(error, (cause) => explain(cause, target));
}
