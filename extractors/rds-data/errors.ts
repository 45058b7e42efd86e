import { OkfError, SourceError } from "../../src/errors.js";
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

type Explain = (scope: DataApiScope, detail: string) => Explanation;

const where = (s: DataApiScope): string => `Aurora ${s.engine} cluster ${s.cluster.clusterId}`;

const iamActions =
  "rds-data:ExecuteStatement, rds-data:BeginTransaction, rds-data:CommitTransaction and " +
  "rds-data:RollbackTransaction on resource_arn, and secretsmanager:GetSecretValue on " +
  "secret_arn (plus kms:Decrypt when the secret uses a customer managed key)";

const notEnabled: Explain = (s) => ({
  message: `The RDS Data API (HTTP endpoint) is not enabled on ${where(s)}.`,
  hint: `Enable it: aws rds enable-http-endpoint --resource-arn ${s.cluster.arn} (Aurora Serverless v1: aws rds modify-db-cluster --enable-http-endpoint).`,
});

const denied: Explain = (s, detail) => ({
  message: `AWS denied the RDS Data API call on ${where(s)}: ${detail}.`,
  hint: `The caller needs ${iamActions}.`,
});

const badSecret: Explain = (s, detail) => ({
  message: `The RDS Data API could not use the secret ${s.secretArn} for ${where(s)}: ${detail}.`,
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
  DatabaseNotFoundException: (s, detail) => ({
    message: `The RDS Data API found no database instance for ${where(s)}: ${detail}.`,
    hint: `Check that the cluster has a running writer instance and that database "${s.database}" exists.`,
  }),
  DatabaseUnavailableException: (s) => ({
    message: `The writer instance of ${where(s)} is not available.`,
    hint: "The cluster may be failing over or rebooting; run okf again later.",
  }),
  NotFoundException: (s, detail) => ({
    message: `The RDS Data API cannot find the cluster or the secret of ${where(s)}: ${detail}.`,
    hint: "Check resource_arn, secret_arn and region (the Data API is called in `region`).",
  }),
  TransactionNotFoundException: (s, detail) => ({
    message: `The RDS Data API ended okf's transaction on ${where(s)}: ${detail}.`,
    hint: "A transaction idle for 3 minutes is ended by the Data API; run okf again.",
  }),
  InvalidResourceStateException: (s, detail) => ({
    message: `${where(s)} cannot run statements in its current state: ${detail}.`,
    hint: "Wait until the cluster is available, then run okf again.",
  }),
  CredentialsProviderError: (_s, detail) => ({
    message: `No AWS credentials to call the RDS Data API: ${detail}.`,
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
    message: `A catalog query on ${where(s)}/${s.database} was cancelled by statement_timeout.`,
    hint: "Raise `statement_timeout_ms` for this source (below 45000), or narrow it with `include`.",
  }),
  "55P03": (s) => ({
    message: `A catalog query on ${where(s)}/${s.database} waited too long for a lock.`,
    hint: "Another session holds an exclusive lock (a migration?). Retry, or raise `lock_timeout_ms`.",
  }),
  "42501": (s, detail) => ({
    message: `Permission denied on ${where(s)}/${s.database}: ${detail}.`,
    hint: "Grant the database user in the secret read access (see the README).",
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

/** The Data API's text of a database error: `ERROR: … ; SQLState: 42501` (PostgreSQL). */
function databaseError(scope: DataApiScope, message: string): Explanation {
  const sqlState = /SQLState:\s*([0-9A-Z]{5})/i.exec(message)?.[1];
  const detail = message
    .replace(/;?\s*SQLState:.*$/is, "")
    .replace(/^ERROR:\s*/i, "")
    .split("\n")[0]
    ?.trim()
    .replace(/\.$/, "");
  const known = sqlState === undefined ? undefined : sqlStates[sqlState];
  if (known) return known(scope, detail ?? message);
  return {
    message: `${where(scope)}/${scope.database} through the RDS Data API failed: ${detail ?? message}${sqlState ? ` (${sqlState})` : ""}.`,
  };
}

function explain(error: unknown, scope: DataApiScope): Explanation {
  const name = field(error, "name") ?? "";
  const text = error instanceof Error ? error.message : String(error);
  const detail = text.split("\n")[0]?.trim().replace(/\.$/, "") || name || "unknown error";
  if (/BadRequest|UnsupportedResult/.test(name) && sizePattern.test(text)) {
    return tooLarge(scope, detail);
  }
  const known = apiErrors[name];
  if (known) return known(scope, detail);
  if (name === "BadRequestException" && endpointPattern.test(text))
    return notEnabled(scope, detail);
  if (name === "BadRequestException" && secretPattern.test(text)) return badSecret(scope, detail);
  if (name === "DatabaseErrorException" || name === "BadRequestException") {
    return databaseError(scope, text);
  }
  if (name === "UnsupportedResultException") {
    return {
      message: `${where(scope)} returned a result the RDS Data API cannot carry: ${detail}.`,
      hint: "The Data API refuses some types and multidimensional arrays; exclude the object that has them.",
    };
  }
  const code = field(error, "code");
  if (code !== undefined && /^E[A-Z]+/.test(code)) {
    return {
      message: `Cannot reach the RDS Data API for ${where(scope)}: ${detail} (${code}).`,
      hint: "Check `region`, `endpoint` and this machine's network access to AWS.",
    };
  }
  return { message: `The RDS Data API call on ${where(scope)} failed: ${detail}.` };
}

/**
 * A one-paragraph SourceError for anything the Data API (or the SDK on its way) threw. The
 * original error is not attached as `cause`: SDK errors carry request metadata.
 */
export function toDataApiError(error: unknown, scope: DataApiScope): OkfError {
  if (error instanceof OkfError) return error;
  const { message, hint, tooLarge: isTooLarge } = explain(error, scope);
  const safeHint = hint === undefined ? undefined : redact(hint);
  return isTooLarge
    ? new ResponseTooLargeError(redact(message), safeHint)
    : new SourceError(redact(message), safeHint);
}
