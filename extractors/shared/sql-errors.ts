import { OkfError, SourceError, type FailureReason } from "../../src/errors.js";
import { redact } from "../../src/secrets.js";
import { connectionLost, isConnectionLost, sqlStateReason } from "./failure-reasons.js";

/** Where a SQL extractor tried to read from; credential-free by construction. */
export interface DatabaseTarget {
  host: string;
  port: number;
  database: string;
}

export interface Explanation {
  message: string;
  hint?: string;
}

/** `code` is the error's code (a SQLSTATE, `ER_…`, `ECONNRESET`), never its message. */
export type Explain = (target: DatabaseTarget, code: string) => Explanation;

export const hostAndPort = (target: DatabaseTarget): string =>
  `${target.host}:${String(target.port)}`;

/** The driver's or Node's `code` (`ECONNREFUSED`, a SQLSTATE, `ER_…`), when there is one. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  return typeof error.code === "string" ? error.code : undefined;
}

/** A five-character SQLSTATE, as PostgreSQL-protocol servers send them (Node codes are longer). */
export const isSqlState = (code: string): boolean => /^[0-9A-Z]{5}$/.test(code);

/** The reason of a failed statement on a PostgreSQL-protocol server, from its SQLSTATE. */
export function sqlFailureReason(error: unknown): FailureReason {
  const code = errorCode(error);
  if (code !== undefined && isSqlState(code)) return sqlStateReason(code);
  if (isConnectionLost(error)) return connectionLost();
  return { kind: "failed", text: code === undefined ? "failed" : `failed (${code})` };
}

/**
 * One line of a driver's own message (a connection string it cannot use, a TLS failure), for
 * telling errors apart; never printed for a server's error, whose text can quote data.
 */
export function errorDetail(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const firstLine = text.split("\n")[0]?.trim().replace(/\.$/, "") ?? "";
  return firstLine === "" ? (errorCode(error) ?? "unknown error") : firstLine;
}

/** A server that cannot be reached, worded for `engine` ("PostgreSQL", "MySQL"). */
export function unreachable(
  engine: string,
): Record<"refused" | "unresolved" | "timedOut", Explain> {
  return {
    refused: (t) => ({
      message: `Cannot reach ${engine} at ${hostAndPort(t)}: the connection was refused.`,
      hint: "Check that the server is running and that host and port in `connection` are right.",
    }),
    unresolved: (t) => ({
      message: `Cannot reach ${engine} at ${hostAndPort(t)}: the host name "${t.host}" does not resolve.`,
      hint: "Check the host in `connection`, and DNS or VPN access from this machine.",
    }),
    timedOut: (t) => ({
      message: `Cannot reach ${engine} at ${hostAndPort(t)}: the connection timed out.`,
      hint: "A firewall or security group may block the port, or the host is down.",
    }),
  };
}

/** The explanation keyed by the error's code in the first table that has it. */
export function knownExplanation(
  tables: readonly Record<string, Explain>[],
  error: unknown,
  target: DatabaseTarget,
): Explanation | undefined {
  const code = errorCode(error);
  if (code === undefined) return undefined;
  for (const table of tables) {
    const known = table[code];
    if (known) return known(target, code);
  }
  return undefined;
}

/**
 * A one-paragraph SourceError from an explanation, both redacted, with the fixed reason of the
 * failure for callers that go on without the statement (a sample). The original error is
 * deliberately not attached as `cause`: drivers keep connection details and server text on it.
 */
export function explainedSourceError(
  error: unknown,
  explain: (error: unknown) => Explanation,
  reasonOf: (error: unknown) => FailureReason,
): OkfError {
  if (error instanceof OkfError) return error;
  const { message, hint } = explain(error);
  return new SourceError(
    redact(message),
    hint === undefined ? undefined : redact(hint),
    reasonOf(error),
  );
}
