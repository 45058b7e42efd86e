import { init, parse, ParserError } from "@guanmingchiu/sqlparser-ts";
import { SqlParseError } from "../../errors.js";

/**
 * The one module that knows the SQL parser: Apache datafusion-sqlparser-rs compiled to
 * WebAssembly (`@guanmingchiu/sqlparser-ts`, docs/guard.md says why). Its AST is serde JSON of
 * Rust enums: a variant is an object with one key (`{ "Query": {…} }`), a unit variant a string.
 * The rest of the guard reads it only through the small typed view below.
 */

export const guardDialects = ["postgres", "mysql", "redshift", "partiql"] as const;
export type GuardDialect = (typeof guardDialects)[number];

/** PartiQL (DynamoDB) is closest to the generic dialect: `"Table"."Index"` and `?` parameters. */
const parserDialect = {
  postgres: "postgresql",
  mysql: "mysql",
  redshift: "redshift",
  partiql: "generic",
} as const;

export type AstRecord = Readonly<Record<string, unknown>>;

/** A name part as written: its text, whether it was quoted, and where it starts. */
export interface Identifier {
  value: string;
  quoted: boolean;
  line: number;
  column: number;
}

let ready: Promise<void> | undefined;

/** Loads the WebAssembly module; once per process, before the first `parseSql`. */
export function initSqlParser(): Promise<void> {
  ready ??= init();
  return ready;
}

/** The statements of `sql`, each as its AST node. Throws `SqlParseError` with the position. */
export function parseSql(sql: string, dialect: GuardDialect): AstRecord[] {
  let statements: unknown;
  try {
    statements = parse(sql, parserDialect[dialect]);
  } catch (error) {
    throw parseError(error);
  }
  return Array.isArray(statements) ? statements.filter(isRecord) : [];
}

function parseError(error: unknown): SqlParseError {
  const text = error instanceof Error ? error.message : String(error);
  const found = /at Line: (\d+), Column: (\d+)/.exec(text);
  const location = error instanceof ParserError ? error.location : undefined;
  const line = location?.line ?? Number(found?.[1] ?? 1);
  const column = location?.column ?? Number(found?.[2] ?? 1);
  const reason = text
    .replace(/^sql parser error:\s*/, "")
    .replace(/\s*at Line: \d+, Column: \d+\s*$/, "");
  return new SqlParseError(
    `The SQL cannot be parsed at line ${String(line)}, column ${String(column)}: ${reason}.`,
    line,
    column,
    "Fix the statement, or pick its dialect with --dialect (postgres, mysql, redshift, partiql).",
  );
}

export function isRecord(value: unknown): value is AstRecord {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** `{ "Tag": body }` as its tag and body; a unit variant (`"Tag"`) has an empty body. */
export function variant(value: unknown): { tag: string; body: unknown } | undefined {
  if (typeof value === "string") return { tag: value, body: undefined };
  if (!isRecord(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1 || keys[0] === undefined) return undefined;
  return { tag: keys[0], body: value[keys[0]] };
}

/** The body of `value` when it is the variant `tag`. */
export function variantBody(value: unknown, tag: string): unknown {
  const found = variant(value);
  return found?.tag === tag ? found.body : undefined;
}

export function field(value: unknown, key: string): unknown {
  return isRecord(value) ? value[key] : undefined;
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** An `Ident` node: `{ value, quote_style?, span }`. */
export function identifier(value: unknown): Identifier | undefined {
  if (!isRecord(value) || typeof value.value !== "string") return undefined;
  const start = field(field(value, "span"), "start");
  const line = field(start, "line");
  const column = field(start, "column");
  return {
    value: value.value,
    quoted: typeof value.quote_style === "string",
    line: typeof line === "number" ? line : 0,
    column: typeof column === "number" ? column : 0,
  };
}

/** An `ObjectName`: a list of `{ Identifier: Ident }` parts (or bare idents in older shapes). */
export function objectName(value: unknown): Identifier[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const parts = value.map((part) => identifier(variantBody(part, "Identifier") ?? part));
  return parts.every((part) => part !== undefined) && parts.length > 0 ? parts : undefined;
}
