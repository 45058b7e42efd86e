import { SourceError, type FailureReason } from "../../src/errors.js";
import { connectionLost } from "./failure-reasons.js";

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

/**
 * The error's name as a tag for a message: `AccessDeniedException`. The service's own message is
 * left out: it can quote the request (a key, an attribute value) and adds nothing a hint lacks.
 */
export function errorDetail(error: unknown): string {
  const name = errorName(error);
  return /^[A-Za-z][A-Za-z0-9._-]{0,79}$/.test(name) ? name : "an AWS error";
}

const throttlingNames = new Set([
  "ProvisionedThroughputExceededException",
  "ThrottlingException",
  "Throttling",
  "RequestLimitExceeded",
  "TooManyRequestsException",
  "LimitExceededException",
]);

/** The fixed reason of a failed call, for a part of an object that goes on without it. */
export function awsFailureReason(error: unknown): FailureReason {
  const name = errorName(error);
  const tag = errorDetail(error);
  if (name in networkCodes) return connectionLost();
  if (name === "AccessDeniedException" || name === "UnauthorizedOperation") {
    return { kind: "permission_denied", text: `access denied (${tag})` };
  }
  if (throttlingNames.has(name)) {
    return { kind: "throttled", text: `throttled after retries (${tag})` };
  }
  if (name === "TimeoutError" || name === "RequestTimeout") {
    return { kind: "failed", text: `the request timed out (${tag})` };
  }
  return { kind: "failed", text: `failed (${tag})` };
}

export interface ReachHints {
  /** After a network error (refused, unresolved, reset…). */
  network: string;
  /** After the SDK's own request timeout. */
  timeout: string;
}

/**
 * The failures every AWS source shares before its own API's: the service cannot be reached, or
 * there are no credentials, or they are rejected. Undefined for anything else.
 */
export function reachOrCredentialsError(
  error: unknown,
  target: string,
  hints: ReachHints,
): SourceError | undefined {
  const name = errorName(error);
  const network = networkCodes[name];
  if (network !== undefined)
    return new SourceError(`Cannot reach ${target}: ${network}.`, hints.network);
  if (name === "TimeoutError" || name === "RequestTimeout") {
    return new SourceError(`Cannot reach ${target}: the request timed out.`, hints.timeout);
  }
  if (name === "CredentialsProviderError") {
    return new SourceError(
      `No AWS credentials were found for ${target}.`,
      "Set `aws_profile` on the source, or AWS_PROFILE / AWS_ACCESS_KEY_ID in the environment, or run `aws sso login`.",
    );
  }
  if (credentialErrors.has(name)) {
    return new SourceError(
      `${target} rejected the AWS credentials (${errorDetail(error)}).`,
      "Refresh them (`aws sso login`, new keys) or check that they belong to the intended account and `region`.",
    );
  }
  return undefined;
}
