/**
 * Bind placeholders of the drivers (`$1` for pg, `?` for mysql2) rewritten as the Data API's
 * named parameters (`:p1`), outside string literals, quoted identifiers and comments, so that a
 * `$1` or `?` inside a name or a literal is left alone.
 */

export type Dialect = "postgres" | "mysql";

/** The end (exclusive) of a quoted or commented region starting at `start`, if one starts there. */
function skipRegion(sql: string, start: number, dialect: Dialect): number | undefined {
  const char = sql[start];
  const next = sql[start + 1];
  if (char === "-" && next === "-") return lineEnd(sql, start);
  if (char === "#" && dialect === "mysql") return lineEnd(sql, start);
  if (char === "/" && next === "*") {
    const end = sql.indexOf("*/", start + 2);
    return end < 0 ? sql.length : end + 2;
  }
  if (char === "'" || char === '"' || (char === "`" && dialect === "mysql")) {
    // PostgreSQL honours backslashes only in E'…' strings (standard_conforming_strings).
    const escapeString = char === "'" && /[eE]/.test(sql[start - 1] ?? "");
    const backslashEscapes = dialect === "mysql" || escapeString;
    return quotedEnd(sql, start, char, backslashEscapes);
  }
  if (char === "$" && dialect === "postgres") {
    const tag = /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(start))?.[0];
    if (tag === undefined) return undefined;
    const end = sql.indexOf(tag, start + tag.length);
    return end < 0 ? sql.length : end + tag.length;
  }
  return undefined;
}

function lineEnd(sql: string, start: number): number {
  const end = sql.indexOf("\n", start);
  return end < 0 ? sql.length : end;
}

/** A doubled quote stands for itself; with backslash escapes, `\x` too. */
function quotedEnd(sql: string, start: number, quote: string, backslashEscapes: boolean): number {
  for (let index = start + 1; index < sql.length; index += 1) {
    const char = sql[index];
    if (backslashEscapes && char === "\\") index += 1;
    else if (char === quote) {
      if (sql[index + 1] !== quote) return index + 1;
      index += 1;
    }
  }
  return sql.length;
}

const identifierChar = /[A-Za-z0-9_$]/;

/**
 * Calls `name` for each placeholder in order: with the `$n` number (postgres) or the 1-based
 * position of the `?` (mysql); its result replaces the placeholder.
 */
export function rewritePlaceholders(
  sql: string,
  dialect: Dialect,
  name: (index: number) => string,
): string {
  let out = "";
  let position = 0;
  let questionMarks = 0;
  for (let index = 0; index < sql.length;) {
    const regionEnd = skipRegion(sql, index, dialect);
    if (regionEnd !== undefined) {
      index = regionEnd;
      continue;
    }
    const char = sql[index] ?? "";
    const previous = sql[index - 1] ?? "";
    let match: { length: number; number: number } | undefined;
    if (dialect === "postgres" && char === "$" && !identifierChar.test(previous)) {
      const digits = /^\d+/.exec(sql.slice(index + 1))?.[0];
      if (digits !== undefined) match = { length: digits.length + 1, number: Number(digits) };
    } else if (dialect === "mysql" && char === "?") {
      questionMarks += 1;
      match = { length: 1, number: questionMarks };
    }
    if (match) {
      out += sql.slice(position, index) + name(match.number);
      index += match.length;
      position = index;
    } else {
      index += 1;
    }
  }
  return out + sql.slice(position);
}
