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
} from "../shared/sql-errors.js";
import { failedWith, isConnectionLost, sqlStateReason } from "../shared/failure-reasons.js";
import { isSqlState, sqlFailureReason } from "../shared/sql-errors.js";
import type { FailureReason } from "../../src/errors.js";

/** Redshift's own wording of a cancelled statement counts as a statement timeout. */
function redshiftFailureReason(error: unknown): FailureReason {
  const cancelledByTimeout = /canceled on user's request/i.test(errorDetail(error));
  return cancelledByTimeout ? sqlStateReason("57014") : sqlFailureReason(error);
}

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
  message: `A query on ${at(t)}/${t.database} was cancelled by statement_timeout (SQLSTATE 57014).`,
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
  "28P01": (t) => ({
    message: `Redshift at ${at(t)} rejected the credentials (SQLSTATE 28P01).`,
    hint: "Check the user and password in `connection` (usually an environment variable).",
  }),
  "28000": (t) => ({
    message: `Redshift at ${at(t)} refused the login (SQLSTATE 28000).`,
    hint: "Check the user and password in `connection`.",
  }),
  "3D000": (t) => ({
    message: `Redshift at ${at(t)} has no database "${t.database}".`,
    hint: "Check the database name at the end of `connection` (often `dev`).",
  }),
  "53300": (t) => ({
    message: `Redshift at ${at(t)} has no connection slot left.`,
    hint: "Try again later; the cluster's connection limit is reached.",
  }),
  "57014": cancelled,
  "42501": (t) => ({
    message: `Permission denied on ${at(t)}/${t.database} (SQLSTATE 42501).`,
    hint: "Grant the user USAGE on the schemas to document (see docs/sources/redshift.md for the grants).",
  }),
};

/**
 * Server errors are told apart by SQLSTATE and driver errors by their own texts; neither text
 * is printed, since a server's message can quote data.
 */
function explain(error: unknown, target: RedshiftTarget): Explanation {
  const code = errorCode(error);
  const detail = errorDetail(error);
  // The server's text only decides which hint fits; it is never shown.
  if (code === "28000" && /ssl/i.test(detail)) {
    return {
      message: `Redshift at ${at(target)} refused the login (SQLSTATE 28000).`,
      hint: "The cluster requires SSL (require_ssl): add `?sslmode=verify-full` to `connection`.",
    };
  }
  // Redshift words a cancelled query its own way.
  if (/canceled on user's request/i.test(detail)) return cancelled(target, code ?? "");
  const known = knownExplanation([networkErrors, serverErrors], error, target);
  if (known) return known;
  if (code !== undefined && isSqlState(code)) {
    return {
      message: `A query on Redshift at ${at(target)}/${target.database} ${failedWith(sqlStateReason(code))}.`,
    };
  }
  if (/password must be a string|SASL/i.test(detail)) {
    return {
      message: `Redshift at ${at(target)} asks for a password and none was given.`,
      hint: "Put the password in `connection` (through an environment variable).",
    };
  }
  if (isConnectionLost(error)) {
    return {
      message: `The connection to Redshift at ${at(target)} was lost.`,
      hint: "The cluster may be restarting or resizing, or a network device closed the connection; run okf again.",
    };
  }
  if (/timeout/i.test(detail)) return unreachable(target, code ?? "");
  if (code !== undefined && /CERT|SSL|TLS/.test(code)) {
    return {
      message: `The SSL certificate of Redshift at ${at(target)} could not be verified (${code}).`,
      hint: "Connect with the endpoint's own host name, or give the CA with `sslrootcert=`.",
    };
  }
  return {
    message: `Redshift at ${at(target)}/${target.database} failed${code ? ` (${code})` : ""}.`,
  };
}

/** A one-paragraph SourceError for anything that went wrong talking to Redshift. */
export function toSourceError(error: unknown, target: RedshiftTarget): OkfError {
  return explainedSourceError(error, (cause) => explain(cause, target), redshiftFailureReason);
}
