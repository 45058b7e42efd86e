import { OkfError, SourceError } from "../../src/errors.js";
import type { ExtractionFailure } from "../../src/model/index.js";
import { redact } from "../../src/secrets.js";

/** The IAM actions okf needs on each table; named in every permission hint. */
export const tableActions = [
  "dynamodb:DescribeTable",
  "dynamodb:DescribeTimeToLive",
  "dynamodb:DescribeContinuousBackups",
  "dynamodb:ListTagsOfResource",
  "dynamodb:Scan",
];

const credentialErrors = new Set([
  "UnrecognizedClientException",
  "InvalidSignatureException",
  "ExpiredTokenException",
  "ExpiredToken",
  "InvalidClientTokenId",
  "MissingAuthenticationTokenException",
]);

const networkCodes: Record<string, string> = {
  ECONNREFUSED: "the connection was refused",
  ENOTFOUND: "the host name does not resolve",
  EAI_AGAIN: "the host name does not resolve",
  ETIMEDOUT: "the connection timed out",
  EHOSTUNREACH: "the host is unreachable",
  ENETUNREACH: "the network is unreachable",
  ECONNRESET: "the connection was closed unexpectedly",
};

function field(error: unknown, key: string): unknown {
  return typeof error === "object" && error !== null && key in error
    ? (error as Record<string, unknown>)[key]
    : undefined;
}

/** The AWS error code (`AccessDeniedException`) or Node's (`ECONNREFUSED`). */
export function errorName(error: unknown): string {
  const code = field(error, "code");
  if (typeof code === "string" && code in networkCodes) return code;
  const name = field(error, "name");
  return typeof name === "string" ? name : "Error";
}

/** One line: the service's message without stack or request ids. */
function detailOf(error: unknown): string {
  const name = errorName(error);
  const message = error instanceof Error ? (error.message.split("\n")[0]?.trim() ?? "") : "";
  const informative = message !== "" && message !== name && message !== "UnknownError";
  return redact(informative ? `${name}: ${message.replace(/\.$/, "")}` : name);
}

/** dynalite (and other local engines) answer calls they lack with UnknownOperationException. */
export function isNotImplemented(error: unknown): boolean {
  const name = errorName(error);
  if (name === "UnknownOperationException" || name === "NotImplementedException") return true;
  return error instanceof Error && /not (yet )?(implemented|supported)/i.test(error.message);
}

export function isAccessDenied(error: unknown): boolean {
  return errorName(error) === "AccessDeniedException";
}

/** Why the table list could not be read: a one-paragraph SourceError, never a stack or secret. */
export function listTablesError(error: unknown, target: string): OkfError {
  if (error instanceof OkfError) return error;
  const name = errorName(error);
  const detail = detailOf(error);
  const network = networkCodes[name];
  if (network !== undefined) {
    return new SourceError(
      `Cannot reach ${target}: ${network}.`,
      "Check `endpoint` and `region` of this source, and network access (proxy, VPN, VPC endpoint) from this machine.",
    );
  }
  if (name === "CredentialsProviderError") {
    return new SourceError(
      `No AWS credentials were found for ${target}.`,
      "Set `aws_profile` on the source, or AWS_PROFILE / AWS_ACCESS_KEY_ID in the environment, or run `aws sso login`.",
    );
  }
  if (credentialErrors.has(name)) {
    return new SourceError(
      `${target} rejected the AWS credentials (${detail}).`,
      "Refresh them (`aws sso login`, new keys) or check that they belong to the intended account and `region`.",
    );
  }
  if (name === "AccessDeniedException") {
    return new SourceError(
      `${target} denied ListTables (${detail}).`,
      `Grant dynamodb:ListTables on "*" to the identity okf runs as, and ${tableActions.join(", ")} on the tables.`,
    );
  }
  if (name === "TimeoutError" || name === "RequestTimeout") {
    return new SourceError(
      `Cannot reach ${target}: the request timed out.`,
      "Check `endpoint` and `region`, and network access from this machine.",
    );
  }
  return new SourceError(
    `ListTables on ${target} failed: ${detail}.`,
    "Check `region` and `endpoint` of this source; run again with the same credentials in the AWS CLI (`aws dynamodb list-tables`) to compare.",
  );
}

/** One table that could not be described: reported, and the other tables go on. */
export function tableFailure(table: string, error: unknown): ExtractionFailure {
  const detail = detailOf(error);
  if (isAccessDenied(error)) {
    return {
      scope: { name: table },
      message: `Access denied while describing table ${table} (${detail}).`,
      hint: `Grant ${tableActions.join(", ")} on this table to the identity okf runs as.`,
    };
  }
  if (errorName(error) === "ResourceNotFoundException") {
    return {
      scope: { name: table },
      message: `Table ${table} was listed but no longer exists (${detail}).`,
      hint: "It was probably deleted during the run; run okf extract again.",
    };
  }
  return {
    scope: { name: table },
    message: `Describing table ${table} failed: ${detail}.`,
    hint: `Check that the identity okf runs as has ${tableActions.slice(0, 4).join(", ")} on this table, then run again.`,
  };
}

/** Short reason for a sample that could not be read, after "not sampled: ". */
export function sampleFailureReason(error: unknown): string {
  return detailOf(error);
}
