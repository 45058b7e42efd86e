import { MongoServerError, MongoServerSelectionError } from "mongodb";
import { SourceError, type FailureReason } from "../../src/errors.js";
import type { ExtractionFailure } from "../../src/model/index.js";
import { connectionLost } from "../shared/failure-reasons.js";

/** MongoDB and Amazon DocumentDB server error codes okf tells apart. */
const errorCodes = { unauthorized: 13, authenticationFailed: 18, timeLimit: 50 } as const;

/** The server's code, or undefined for network and driver errors. */
export function serverCode(error: unknown): number | undefined {
  return error instanceof MongoServerError && typeof error.code === "number"
    ? error.code
    : undefined;
}

export function isUnauthorized(error: unknown): boolean {
  return serverCode(error) === errorCodes.unauthorized;
}

/** A name or code name the driver or server gave, shown only when it is a plain identifier. */
function identifier(text: unknown): string | undefined {
  return typeof text === "string" && /^[A-Za-z][A-Za-z0-9]{0,79}$/.test(text) ? text : undefined;
}

/**
 * The error as a tag, `code 13 Unauthorized` or `MongoNetworkError`: the server's message is
 * never shown, since it can quote a document's values.
 */
export function detailOf(error: unknown): string {
  const code = serverCode(error);
  if (code !== undefined) {
    const named = error instanceof MongoServerError ? identifier(error.codeName) : undefined;
    return `code ${String(code)}${named === undefined ? "" : ` ${named}`}`;
  }
  return (error instanceof Error ? identifier(error.name) : undefined) ?? "an unexpected error";
}

/** Errors of the driver that mean the server cannot be reached any more. */
const lostNames = new Set([
  "MongoNetworkError",
  "MongoNetworkTimeoutError",
  "MongoServerSelectionError",
  "MongoServerClosedError",
  "MongoTopologyClosedError",
]);

/** The fixed reason of a failed command, for a part of a collection that goes on without it. */
export function failureReason(error: unknown): FailureReason {
  const tag = detailOf(error);
  if (isUnauthorized(error)) return { kind: "permission_denied", text: `not authorized (${tag})` };
  if (serverCode(error) === errorCodes.timeLimit) {
    return { kind: "statement_timeout", text: `time limit exceeded (${tag})` };
  }
  if (error instanceof Error && lostNames.has(error.name)) return connectionLost();
  return { kind: "failed", text: `failed (${tag})` };
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
      `Authentication to ${target} failed (${detail}).`,
      "Check the user name and password in `connection` (and `authSource`, usually admin); the user needs read on the databases okf reads.",
    );
  }
  if (error instanceof MongoServerSelectionError) {
    return new SourceError(
      `Cannot reach ${target} (${detail}).`,
      "Check the host and port in `connection`, that this machine can reach it (Amazon DocumentDB is only reachable inside its VPC: use a tunnel or run okf there), `tls_ca_file` for TLS clusters, and `server_selection_timeout_ms`.",
    );
  }
  return new SourceError(
    `Connecting to ${target} failed (${detail}).`,
    "Check `connection`, `tls_ca_file` and `read_preference` of this source.",
  );
}

export function listDatabasesError(error: unknown, target: string): SourceError {
  if (error instanceof MongoServerSelectionError || isAuthenticationFailure(error)) {
    return connectError(error, target);
  }
  return new SourceError(
    `listDatabases on ${target} failed (${detailOf(error)}).`,
    "Name the databases to read in `databases:` of this source, or grant the user the listDatabases action.",
  );
}

export function databaseFailure(database: string, error: unknown): ExtractionFailure {
  return {
    scope: { database, name: "*" },
    message: `listCollections on database ${database} failed (${detailOf(error)}).`,
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
  if (failureReason(error).kind === "connection_lost") {
    return lostCollectionFailure(database, collection, detailOf(error));
  }
  return {
    scope: { database, name: collection },
    message: `Reading collection ${database}.${collection} failed (${detailOf(error)}).`,
    hint: isUnauthorized(error)
      ? `Grant the user the read role (find, listIndexes, collStats) on ${database}, or exclude "${database}.${collection}".`
      : "Run again; if it persists, exclude the collection and report the error.",
  };
}

/**
 * A collection not read because the server was lost, while reading it or earlier in the run
 * (`detail`): its own failure, so that its file keeps what it had.
 */
export function lostCollectionFailure(
  database: string,
  collection: string,
  detail: string,
): ExtractionFailure {
  return {
    scope: { database, name: collection },
    message: `Collection ${database}.${collection} was not read: the connection to the server was lost (${detail}).`,
    hint: "Its file keeps what it had; run again once the server can be reached (check the network path and `server_selection_timeout_ms`).",
  };
}
