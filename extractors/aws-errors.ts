import { SourceError } from "../src/errors.js";
import { redact } from "../src/secrets.js";

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
export function errorDetail(error: unknown): string {
  const name = errorName(error);
  const message = error instanceof Error ? (error.message.split("\n")[0]?.trim() ?? "") : "";
  const informative = message !== "" && message !== name && message !== "UnknownError";
  return redact(informative ? `${name}: ${message.replace(/\.$/, "")}` : name);
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
