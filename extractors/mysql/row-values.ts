/**
 * Catalog values arrive as numbers, strings, bigints or bytes depending on the session (mysql2
 * with string big numbers, or the RDS Data API with its typed fields), so every row is read
 * through these and never trusted to have a type.
 */

const decoder = new TextDecoder();

/** Text, or undefined for SQL NULL. */
export function textOf(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Uint8Array) return decoder.decode(value);
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") {
    return String(value);
  }
  return JSON.stringify(value);
}

/** Text that the catalog always has; "" when it does not. */
export function requiredText(value: unknown): string {
  return textOf(value) ?? "";
}

/** A finite number, or undefined for SQL NULL and anything that is not a number. */
export function numberOf(value: unknown): number | undefined {
  const text = textOf(value);
  if (text === undefined || text.trim() === "") return undefined;
  const number = Number(text);
  return Number.isFinite(number) ? number : undefined;
}

/** A Unix time in seconds (UNIX_TIMESTAMP) as ISO 8601, or undefined. */
export function isoFromEpoch(value: unknown): string | undefined {
  const seconds = numberOf(value);
  return seconds === undefined || seconds <= 0
    ? undefined
    : new Date(Math.round(seconds * 1000)).toISOString();
}
