/**
 * A MySQL identifier in backticks, any backtick doubled: the same as mysql2's
 * `escapeId(name, true)`, without splitting on dots (a table may be called `a.b`). Kept here so
 * that the Data API path, which has no mysql2 connection, quotes the same way.
 */
export function quoteIdentifier(name: string): string {
  if (name.includes("\u0000")) throw new RangeError("An identifier cannot contain a NUL byte.");
  return `\`${name.replaceAll("`", "``")}\``;
}
