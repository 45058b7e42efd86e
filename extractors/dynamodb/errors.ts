import { OkfError, SourceError } from "../../src/errors.js";
import type { ExtractionFailure } from "../../src/model/index.js";
import { errorDetail, errorName, reachOrCredentialsError } from "../shared/aws-errors.js";

/** The IAM actions okf needs on each table; named in every permission hint. */
const tableActions = [
  "dynamodb:DescribeTable",
  "dynamodb:DescribeTimeToLive",
  "dynamodb:DescribeContinuousBackups",
  "dynamodb:ListTagsOfResource",
  "dynamodb:Scan",
];

/** dynalite (and other local engines) answer calls they lack with UnknownOperationException. */
export function isNotImplemented(error: unknown): boolean {
  const name = errorName(error);
  if (name === "UnknownOperationException" || name === "NotImplementedException") return true;
  return error instanceof Error && /not (yet )?(implemented|supported)/i.test(error.message);
}

function isAccessDenied(error: unknown): boolean {
  return errorName(error) === "AccessDeniedException";
}

/** Why the table list could not be read: a one-paragraph SourceError, never a stack or secret. */
export function listTablesError(error: unknown, target: string): OkfError {
  if (error instanceof OkfError) return error;
  const reachOrCredentials = reachOrCredentialsError(error, target, {
    network:
      "Check `endpoint` and `region` of this source, and network access (proxy, VPN, VPC endpoint) from this machine.",
    timeout: "Check `endpoint` and `region`, and network access from this machine.",
  });
  if (reachOrCredentials) return reachOrCredentials;
  const name = errorName(error);
  const detail = errorDetail(error);
  if (name === "AccessDeniedException") {
    return new SourceError(
      `${target} denied ListTables (${detail}).`,
      `Grant dynamodb:ListTables on "*" to the identity okf runs as, and ${tableActions.join(", ")} on the tables.`,
    );
  }
  return new SourceError(
    `ListTables on ${target} failed: ${detail}.`,
    "Check `region` and `endpoint` of this source; run again with the same credentials in the AWS CLI (`aws dynamodb list-tables`) to compare.",
  );
}

/** One table that could not be described: reported, and the other tables go on. */
export function tableFailure(table: string, error: unknown): ExtractionFailure {
  const detail = errorDetail(error);
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
