import { OkfError, SourceError } from "../src/errors.js";
import { redact } from "../src/secrets.js";

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

export type Explain = (target: DatabaseTarget, detail: string) => Explanation;

export const hostAndPort = (target: DatabaseTarget): string =>
  `${target.host}:${String(target.port)}`;

/** The driver's or Node's `code` (`ECONNREFUSED`, a SQLSTATE, `ER_…`), when there is one. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  return typeof error.code === "string" ? error.code : undefined;
}

/** One line of detail, whatever the error looks like (Node's AggregateError has no message). */
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
    if (known) return known(target, errorDetail(error));
  }
  return undefined;
}

/**
 * A one-paragraph SourceError from an explanation, both redacted. The original error is
 * deliberately not attached as `cause`: drivers keep connection details on it.
 */
export function explainedSourceError(
  error: unknown,
  explain: (error: unknown) => Explanation,
): OkfError {
  if (error instanceof OkfError) return error;
  const { message, hint } = explain(error);
  return new SourceError(redact(message), hint === undefined ? undefined : redact(hint));
}
