import { OkfError, SourceError, type FailureReason } from "../../src/errors.js";
import {
  connectionLost,
  failedWith,
  isConnectionLost,
  mysqlErrnoReason,
  sqlStateReason,
} from "../shared/failure-reasons.js";
import { redact } from "../../src/secrets.js";
import type { ClusterArn } from "./cluster-arn.js";

/** What a Data API call was aimed at; credential-free (ARNs name resources, they grant nothing). */
export interface DataApiScope {
  cluster: ClusterArn;
  secretArn: string;
  database: string;
  /** "PostgreSQL" or "MySQL": the engine in messages. */
  engine: string;
}

/**
 * A result bigger than the Data API returns (1 MiB). The Data API also ends the transaction, so
 * the caller starts over with smaller pages rather than retrying the statement.
 */
export class ResponseTooLargeError extends SourceError {}

interface Explanation {
  message: string;
  hint?: string;
  tooLarge?: boolean;
}

/** `name` is the exception's name or the SQLSTATE, never its message (that can quote data). */
type Explain = (scope: DataApiScope, name: string) => Explanation;

const where = (s: DataApiScope): string => `Aurora ${s.engine} cluster ${s.cluster.clusterId}`;

const iamActions =
  "rds-data:ExecuteStatement, rds-data:BeginTransaction, rds-data:CommitTransaction and " +
  "rds-data:RollbackTransaction on resource_arn, and secretsmanager:GetSecretValue on " +
  "secret_arn (plus kms:Decrypt when the secret uses a customer managed key)";

const notEnabled: Explain = (s) => ({
  message: `The RDS Data API (HTTP endpoint) is not enabled on ${where(s)}.`,
  hint: `Enable it: aws rds enable-http-endpoint --resource-arn ${s.cluster.arn} (Aurora Serverless v1: aws rds modify-db-cluster --enable-http-endpoint).`,
});

const denied: Explain = (s, name) => ({
  message: `AWS denied the RDS Data API call on ${where(s)} (${name}).`,
  hint: `The caller needs ${iamActions}.`,
});

const badSecret: Explain = (s, name) => ({
  message: `The RDS Data API could not use the secret ${s.secretArn} for ${where(s)} (${name}).`,
  hint:
    "Check secret_arn, that the secret holds the username and password of a database user, " +
    "and that the caller may read it (secretsmanager:GetSecretValue, kms:Decrypt).",
});

const tooLarge: Explain = (s) => ({
  // "failed: <reason>." is the shape the sampler shortens into a knowledge file's "not sampled".
  message: `${where(s)} through the RDS Data API failed: a response exceeded the Data API's 1 MiB limit.`,
  hint: "Narrow the source with include/exclude.",
  tooLarge: true,
});

/** Exceptions of @aws-sdk/client-rds-data (and the SDK), keyed by `name`. */
const apiErrors: Record<string, Explain> = {
  HttpEndpointNotEnabledException: notEnabled,
  AccessDeniedException: denied,
  ForbiddenException: denied,
  SecretsErrorException: badSecret,
  InvalidSecretException: badSecret,
  StatementTimeoutException: (s) => ({
    message: `A statement on ${where(s)} ran longer than the RDS Data API waits for one call.`,
    hint: "Keep statement_timeout_ms below 45000 so the database cancels first, or narrow the source with include.",
  }),
  DatabaseResumingException: (s) => ({
    message: `${where(s)} is still resuming from auto-pause.`,
    hint: "Run okf again in a minute: Aurora Serverless resumes within about 15 to 30 seconds.",
  }),
  DatabaseNotFoundException: (s, name) => ({
    message: `The RDS Data API found no database instance for ${where(s)} (${name}).`,
    hint: `Check that the cluster has a running writer instance and that database "${s.database}" exists.`,
  }),
  DatabaseUnavailableException: (s) => ({
    message: `The writer instance of ${where(s)} is not available.`,
    hint: "The cluster may be failing over or rebooting; run okf again later.",
  }),
  NotFoundException: (s, name) => ({
    message: `The RDS Data API cannot find the cluster or the secret of ${where(s)} (${name}).`,
    hint: "Check resource_arn, secret_arn and region (the Data API is called in `region`).",
  }),
  TransactionNotFoundException: (s, name) => ({
    message: `The RDS Data API ended okf's transaction on ${where(s)} (${name}).`,
    hint: "A transaction idle for 3 minutes is ended by the Data API; run okf again.",
  }),
  InvalidResourceStateException: (s, name) => ({
    message: `${where(s)} cannot run statements in its current state (${name}).`,
    hint: "Wait until the cluster is available, then run okf again.",
  }),
  CredentialsProviderError: () => ({
    message: "No AWS credentials to call the RDS Data API were found.",
    hint: "Set aws_profile for this source, or provide credentials through the environment, SSO or an instance role.",
  }),
};

/** Database errors keyed by SQLSTATE (PostgreSQL) as the Data API reports them. */
const sqlStates: Record<string, Explain> = {
  "3D000": (s) => ({
    message: `${where(s)} has no database "${s.database}".`,
    hint: "Check `database` for this source.",
  }),
  "28P01": badSecret,
  "28000": badSecret,
  "57014": (s) => ({
    message: `A query on ${where(s)}/${s.database} was cancelled by statement_timeout (SQLSTATE 57014).`,
    hint: "Raise `statement_timeout_ms` for this source (below 45000), or narrow it with `include`.",
  }),
  "55P03": (s) => ({
    message: `A query on ${where(s)}/${s.database} waited too long for a lock (SQLSTATE 55P03).`,
    hint: "Another session holds an exclusive lock (a migration?). Retry, or raise `lock_timeout_ms`.",
  }),
  "42501": (s) => ({
    message: `Permission denied on ${where(s)}/${s.database} (SQLSTATE 42501).`,
    hint: "Grant the database user in the secret read access (see docs/sources/aurora-data-api.md).",
  }),
};

const sizePattern = /response size limit|exceeded size limit|size was too large|too large/i;
const endpointPattern = /HttpEndpoint|HTTP endpoint|Data API is not enabled/i;
const secretPattern = /secret/i;

function field(error: unknown, key: string): string | undefined {
  if (typeof error !== "object" || error === null || !(key in error)) return undefined;
  const value: unknown = (error as Record<string, unknown>)[key];
  return typeof value === "string" ? value : undefined;
}

/** The SQLSTATE the Data API appends to a database error: `…; SQLState: 42501` (PostgreSQL). */
function sqlStateOf(message: string): string | undefined {
  return /SQLState:\s*([0-9A-Z]{5})/i.exec(message)?.[1]?.toUpperCase();
}

/** A database error by its SQLSTATE alone: the text before it can quote data. */
function databaseError(scope: DataApiScope, message: string): Explanation {
  const sqlState = sqlStateOf(message);
  const known = sqlState === undefined ? undefined : sqlStates[sqlState];
  if (known && sqlState !== undefined) return known(scope, sqlState);
  const reason: FailureReason =
    sqlState === undefined
      ? { kind: "failed", text: "failed" }
      : scope.engine === "MySQL"
        ? mysqlReason(message, sqlState)
        : sqlStateReason(sqlState);
  return {
    message: `A query on ${where(scope)}/${scope.database} through the RDS Data API ${failedWith(reason)}.`,
  };
}

/** An AWS exception name as a tag; anything else the SDK could carry there is not shown. */
function nameTag(name: string): string {
  return /^[A-Za-z][A-Za-z0-9]{0,79}$/.test(name) ? name : "an AWS error";
}

function explain(error: unknown, scope: DataApiScope): Explanation {
  const name = field(error, "name") ?? "";
  const text = error instanceof Error ? error.message : String(error);
  const tag = nameTag(name);
  // The service's text only decides which explanation fits; it is never shown.
  if (/BadRequest|UnsupportedResult/.test(name) && sizePattern.test(text)) {
    return tooLarge(scope, tag);
  }
  const known = apiErrors[name];
  if (known) return known(scope, tag);
  if (name === "BadRequestException" && endpointPattern.test(text)) return notEnabled(scope, tag);
  if (
    name === "BadRequestException" &&
    sqlStateOf(text) === undefined &&
    secretPattern.test(text)
  ) {
    return badSecret(scope, tag);
  }
  if (name === "DatabaseErrorException" || name === "BadRequestException") {
    return databaseError(scope, text);
  }
  if (name === "UnsupportedResultException") {
    return {
      message: `${where(scope)} returned a result the RDS Data API cannot carry (${tag}).`,
      hint: "The Data API refuses some types and multidimensional arrays; exclude the object that has them.",
    };
  }
  const code = field(error, "code");
  if (code !== undefined && /^E[A-Z]+$/.test(code)) {
    return {
      message: `Cannot reach the RDS Data API for ${where(scope)} (${code}).`,
      hint: "Check `region`, `endpoint` and this machine's network access to AWS.",
    };
  }
  return { message: `The RDS Data API call on ${where(scope)} failed (${tag}).` };
}

/**
 * MySQL's SQLSTATEs are coarse (42000 is both a syntax error and a denied SELECT): its error
 * number when the Data API gives one, else the server's text decides between fixed sentences
 * (it is only matched, never shown).
 */
function mysqlReason(text: string, sqlState: string): FailureReason {
  const errno = /error code:\s*(\d+)/i.exec(text)?.[1];
  if (errno !== undefined) return mysqlErrnoReason(Number(errno));
  if (/command denied|access denied/i.test(text)) {
    return { kind: "permission_denied", text: `permission denied (SQLSTATE ${sqlState})` };
  }
  if (/max_execution_time|max_statement_time|maximum statement execution time/i.test(text)) {
    return { kind: "statement_timeout", text: `statement timeout (SQLSTATE ${sqlState})` };
  }
  return sqlStateReason(sqlState);
}

/** The fixed reason of a failed Data API call, for a sample that goes on without it. */
function reasonOf(error: unknown, scope: DataApiScope, tooLargeResponse: boolean): FailureReason {
  if (tooLargeResponse) {
    return { kind: "failed", text: "a response exceeded the Data API's 1 MiB limit" };
  }
  const name = field(error, "name") ?? "";
  const text = error instanceof Error ? error.message : String(error);
  const sqlState = sqlStateOf(text);
  if (sqlState !== undefined && /DatabaseError|BadRequest/.test(name)) {
    return scope.engine === "MySQL" ? mysqlReason(text, sqlState) : sqlStateReason(sqlState);
  }
  if (name === "StatementTimeoutException") {
    return { kind: "statement_timeout", text: "statement timeout (StatementTimeoutException)" };
  }
  if (name === "AccessDeniedException" || name === "ForbiddenException") {
    return { kind: "permission_denied", text: `permission denied (${name})` };
  }
  if (isConnectionLost(error)) return connectionLost();
  return { kind: "failed", text: `failed (${nameTag(name)})` };
}

/**
 * A one-paragraph SourceError for anything the Data API (or the SDK on its way) threw. The
 * original error is not attached as `cause`: SDK errors carry request metadata.
 */
export function toDataApiError(error: unknown, scope: DataApiScope): OkfError {
  if (error instanceof OkfError) return error;
  const { message, hint, tooLarge: isTooLarge } = explain(error, scope);
  const safeHint = hint === undefined ? undefined : redact(hint);
  const reason = reasonOf(error, scope, isTooLarge === true);
  return isTooLarge
    ? new ResponseTooLargeError(redact(message), safeHint, reason)
    : new SourceError(redact(message), safeHint, reason);
}
