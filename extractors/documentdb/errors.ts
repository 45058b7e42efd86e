import { MongoServerError, MongoServerSelectionError } from "mongodb";
import { SourceError } from "../../src/errors.js";
import type { ExtractionFailure } from "../../src/model/index.js";
import { redact } from "../../src/secrets.js";

/** MongoDB and Amazon DocumentDB server error codes okf tells apart. */
export const errorCodes = { unauthorized: 13, authenticationFailed: 18 } as const;

/** The server's code, or undefined for network and driver errors. */
export function serverCode(error: unknown): number | undefined {
  return error instanceof MongoServerError && typeof error.code === "number"
    ? error.code
    : undefined;
}

export function isUnauthorized(error: unknown): boolean {
  return serverCode(error) === errorCodes.unauthorized;
}

/** One line, with the server's code when there is one, never a password. */
export function detailOf(error: unknown): string {
  const message = error instanceof Error ? (error.message.split("\n")[0]?.trim() ?? "") : "";
  const code = serverCode(error);
  const named = error instanceof MongoServerError && error.codeName ? ` ${error.codeName}` : "";
  const text = message === "" ? String(error) : message.replace(/\.$/, "");
  return redact(code === undefined ? text : `${text} (code ${String(code)}${named})`);
}

function isAuthenticationFailure(error: unknown): boolean {
  if (serverCode(error) === errorCodes.authenticationFailed) return true;
  const cause = error instanceof Error ? error.cause : undefined;
  return cause !== undefined && serverCode(cause) === errorCodes.authenticationFailed;
}

/** The source as a whole cannot be used: one paragraph with a hint, no stack, no password. */
export function connectError(error: unknown, target: string): SourceError {
  const detail = detailOf(error);
  if (isAuthenticationFailure(error)) {
    return new SourceError(
      `Authentication to ${target} failed: ${detail}.`,
      "Check the user name and password in `connection` (and `authSource`, usually admin); the user needs read on the databases okf reads.",
    );
  }
  if (error instanceof MongoServerSelectionError) {
    return new SourceError(
      `Cannot reach ${target}: ${detail}.`,
      "Check the host and port in `connection`, that this machine can reach it (Amazon DocumentDB is only reachable inside its VPC: use a tunnel or run okf there), `tls_ca_file` for TLS clusters, and `server_selection_timeout_ms`.",
    );
  }
  return new SourceError(
    `Connecting to ${target} failed: ${detail}.`,
    "Check `connection`, `tls_ca_file` and `read_preference` of this source.",
  );
}

export function listDatabasesError(error: unknown, target: string): SourceError {
  if (error instanceof MongoServerSelectionError || isAuthenticationFailure(error)) {
    return connectError(error, target);
  }
  return new SourceError(
    `listDatabases on ${target} failed: ${detailOf(error)}.`,
    "Name the databases to read in `databases:` of this source, or grant the user the listDatabases action.",
  );
}

export function databaseFailure(database: string, error: unknown): ExtractionFailure {
  return {
    scope: { database, name: "*" },
    message: `listCollections on database ${database} failed: ${detailOf(error)}.`,
    hint: isUnauthorized(error)
      ? `Grant the user read (listCollections) on ${database}, or leave it out of \`databases\`.`
      : "Check that the database exists and the user may read it, then run again.",
  };
}

export function collectionFailure(
  database: string,
  collection: string,
  error: unknown,
): ExtractionFailure {
  return {
    scope: { database, name: collection },
    message: `Reading collection ${database}.${collection} failed: ${detailOf(error)}.`,
    hint: isUnauthorized(error)
      ? `Grant the user the read role (find, listIndexes, collStats) on ${database}, or exclude "${database}.${collection}".`
      : "Run again; if it persists, exclude the collection and report the error.",
  };
}
