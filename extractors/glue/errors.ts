import { OkfError, SourceError } from "../../src/errors.js";
import type { ExtractionFailure } from "../../src/model/index.js";
import { redact } from "../../src/secrets.js";
import { errorName } from "../dynamodb/errors.js";

/** The IAM actions okf needs; named in permission hints and in the README. */
export const glueActions = ["glue:GetDatabases", "glue:GetTables"];

const credentialErrors = new Set([
  "UnrecognizedClientException",
  "InvalidSignatureException",
  "ExpiredTokenException",
  "ExpiredToken",
  "InvalidClientTokenId",
  "MissingAuthenticationTokenException",
]);

const networkErrors: Record<string, string> = {
  ECONNREFUSED: "the connection was refused",
  ENOTFOUND: "the host name does not resolve",
  EAI_AGAIN: "the host name does not resolve",
  ETIMEDOUT: "the connection timed out",
  EHOSTUNREACH: "the host is unreachable",
  ENETUNREACH: "the network is unreachable",
  ECONNRESET: "the connection was closed unexpectedly",
  TimeoutError: "the request timed out",
  RequestTimeout: "the request timed out",
};

/** One line: the service's message without stack or request ids. */
export function errorDetail(error: unknown): string {
  const name = errorName(error);
  const message = error instanceof Error ? (error.message.split("\n")[0]?.trim() ?? "") : "";
  const informative = message !== "" && message !== name && message !== "UnknownError";
  return redact(informative ? `${name}: ${message.replace(/\.$/, "")}` : name);
}

/** Why the catalog could not be listed at all: the whole source fails. */
export function getDatabasesError(error: unknown, target: string): OkfError {
  if (error instanceof OkfError) return error;
  const name = errorName(error);
  const detail = errorDetail(error);
  const network = networkErrors[name];
  if (network !== undefined) {
    return new SourceError(
      `Cannot reach ${target}: ${network}.`,
      "Check `region` and `endpoint` of this source, and network access (proxy, VPN, VPC endpoint) from this machine.",
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
      `${target} denied GetDatabases (${detail}).`,
      `Grant glue:GetDatabases on the catalog (arn:aws:glue:<region>:<account>:catalog and its databases) to the identity okf runs as; okf also needs ${glueActions.join(", ")} on the databases and tables it reads.`,
    );
  }
  return new SourceError(
    `GetDatabases on ${target} failed: ${detail}.`,
    "Check `region`, `catalog_id` and `endpoint` of this source; compare with `aws glue get-databases` run with the same credentials.",
  );
}

/** One database whose tables could not be listed: reported, and the other databases go on. */
export function databaseFailure(database: string, error: unknown): ExtractionFailure {
  const scope = { database, name: "*" };
  const detail = errorDetail(error);
  const name = errorName(error);
  if (name === "AccessDeniedException") {
    return {
      scope,
      message: `Access denied while listing the tables of database ${database} (${detail}).`,
      hint:
        `Grant glue:GetTables on arn:aws:glue:<region>:<account>:database/${database} and ` +
        `table/${database}/* to the identity okf runs as; when Lake Formation governs the ` +
        "catalog, also grant it DESCRIBE on the database and its tables.",
    };
  }
  if (name === "EntityNotFoundException") {
    return {
      scope,
      message: `Database ${database} was listed but no longer exists (${detail}).`,
      hint: "It was probably deleted during the run; run okf extract again.",
    };
  }
  return {
    scope,
    message: `Listing the tables of database ${database} failed: ${detail}.`,
    hint: `Check that the identity okf runs as has glue:GetTables on this database, then run again (\`aws glue get-tables --database-name ${database}\` shows the same error).`,
  };
}
