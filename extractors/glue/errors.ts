import { OkfError, SourceError } from "../../src/errors.js";
import type { ExtractionFailure } from "../../src/model/index.js";
import { errorDetail, errorName, reachOrCredentialsError } from "../shared/aws-errors.js";

/** The IAM actions okf needs; named in permission hints and in docs/sources/glue.md. */
const glueActions = ["glue:GetDatabases", "glue:GetTables"];

/** Why the catalog could not be listed at all: the whole source fails. */
export function getDatabasesError(error: unknown, target: string): OkfError {
  if (error instanceof OkfError) return error;
  const reachHint =
    "Check `region` and `endpoint` of this source, and network access (proxy, VPN, VPC endpoint) from this machine.";
  const reachOrCredentials = reachOrCredentialsError(error, target, {
    network: reachHint,
    timeout: reachHint,
  });
  if (reachOrCredentials) return reachOrCredentials;
  const name = errorName(error);
  const detail = errorDetail(error);
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
