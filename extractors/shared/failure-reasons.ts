import { SourceError, type FailureReason } from "../../src/errors.js";

/**
 * Fixed sentences for the codes of a failed statement. A server's message can quote the value
 * that failed (`invalid input syntax for type integer: "…"`), so okf never repeats one: it
 * names the code and says what it means in its own words, or just "failed" with the code.
 */
type Known = readonly [FailureReason["kind"], string];

const lost: FailureReason = { kind: "connection_lost", text: "the connection was lost" };

export const connectionLost = (): FailureReason => ({ ...lost });

function named([kind, words]: Known, tag: string): FailureReason {
  return kind === "connection_lost" ? connectionLost() : { kind, text: `${words} (${tag})` };
}

/** PostgreSQL and Redshift SQLSTATEs okf tells apart. */
const sqlStates: Record<string, Known> = {
  "42501": ["permission_denied", "permission denied"],
  "57014": ["statement_timeout", "statement timeout"],
  "55P03": ["lock_timeout", "lock timeout"],
  "22P02": ["failed", "invalid input for a column type"],
  "22003": ["failed", "a value out of range"],
  "22012": ["failed", "division by zero"],
  "22001": ["failed", "a value too long for its type"],
  "22007": ["failed", "an invalid date or time"],
  "22008": ["failed", "a date or time out of range"],
  "42P01": ["failed", "a relation it reads does not exist"],
  "42703": ["failed", "a column it reads does not exist"],
  "42883": ["failed", "a function it calls does not exist"],
  "25006": ["failed", "refused in a read-only transaction"],
  "40001": ["failed", "a serialization failure"],
  "40P01": ["failed", "a deadlock"],
  "57P01": ["connection_lost", ""],
  "57P02": ["connection_lost", ""],
  "57P03": ["failed", "the server is not accepting connections"],
  "53300": ["failed", "no connection slot left"],
};

/** The class (first two characters) when the code itself is not in the table. */
const sqlClasses: Record<string, Known> = {
  "08": ["connection_lost", ""],
  "22": ["failed", "a data exception"],
  "53": ["failed", "the server ran out of resources"],
  "54": ["failed", "a limit of the server was exceeded"],
  XX: ["failed", "an internal error of the server"],
};

/** A SQLSTATE's reason: "permission denied (SQLSTATE 42501)", "failed (SQLSTATE 0A000)". */
export function sqlStateReason(code: string): FailureReason {
  const tag = `SQLSTATE ${code}`;
  const known = sqlStates[code] ?? sqlClasses[code.slice(0, 2)];
  return known ? named(known, tag) : { kind: "failed", text: `failed (${tag})` };
}

/** MySQL and MariaDB error numbers okf tells apart (mysql2 leaves `code` unset for some). */
const mysqlErrnos: Record<number, Known> = {
  1044: ["permission_denied", "permission denied"],
  1142: ["permission_denied", "permission denied"],
  1143: ["permission_denied", "permission denied"],
  1227: ["permission_denied", "permission denied"],
  1370: ["permission_denied", "permission denied"],
  3024: ["statement_timeout", "statement timeout"],
  1969: ["statement_timeout", "statement timeout"],
  1205: ["lock_timeout", "lock timeout"],
  1317: ["failed", "the query was interrupted"],
  1146: ["failed", "a table it reads does not exist"],
  1054: ["failed", "a column it reads does not exist"],
  1356: ["failed", "the view references invalid tables, columns or functions"],
  1292: ["failed", "invalid input for a column type"],
  1366: ["failed", "invalid input for a column type"],
  1365: ["failed", "division by zero"],
  1690: ["failed", "a value out of range"],
  1792: ["failed", "refused in a read-only transaction"],
  1040: ["failed", "no connection slot left"],
  2006: ["connection_lost", ""],
  2013: ["connection_lost", ""],
};

export function mysqlErrnoReason(errno: number): FailureReason {
  const tag = `errno ${String(errno)}`;
  const known = mysqlErrnos[errno];
  return known ? named(known, tag) : { kind: "failed", text: `failed (${tag})` };
}

/** Node's and the drivers' own codes and messages for a connection that went away. */
const lostCodes = new Set([
  "ECONNRESET",
  "EPIPE",
  "ECONNREFUSED",
  "ETIMEDOUT",
  "PROTOCOL_CONNECTION_LOST",
  "PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR",
  "PROTOCOL_ENQUEUE_AFTER_QUIT",
]);
const lostMessages =
  /Connection terminated|Client was closed|not queryable|connection is in closed state|socket hang up/i;

/**
 * Whether an error without a server code says the connection is gone. Only drivers' own
 * messages are matched (never a server's, which has a code), so data cannot steer this.
 */
export function isConnectionLost(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const code = "code" in error && typeof error.code === "string" ? error.code : undefined;
  if (code !== undefined && lostCodes.has(code)) return true;
  return code === undefined && error instanceof Error && lostMessages.test(error.message);
}

/** The reason a failed statement or call carries; "failed" for anything that carries none. */
export function failureReasonOf(error: unknown): FailureReason {
  if (error instanceof SourceError && error.reason) return error.reason;
  if (isConnectionLost(error)) return connectionLost();
  return { kind: "failed", text: "failed" };
}

/** "failed: permission denied (SQLSTATE 42501)", or "failed (SQLSTATE 0A000)" when that is all. */
export function failedWith(reason: FailureReason): string {
  return reason.text.startsWith("failed") ? reason.text : `failed: ${reason.text}`;
}
