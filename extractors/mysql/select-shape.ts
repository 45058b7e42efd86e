import { closingParen, isWord, sqlTokens, type SqlToken } from "./sql-tokens.js";

/** A base column a select item reads unchanged. */
export interface ColumnSource {
  database: string;
  table: string;
  column: string;
}

/** One select item: its alias (`AS` name) and, for a plain column reference, its source. */
export interface SelectItem {
  alias?: string;
  source?: ColumnSource;
}

type FromSource = { table: { database: string; table: string } } | { derived?: SelectItem[] };

/** Words that end the FROM clause of a query (at its own depth). */
const clauseEnd = ["where", "group", "having", "order", "limit", "window", "procedure", "into"];
const setOperation = ["union", "except", "intersect"];
const modifiers = [
  "distinct",
  "distinctrow",
  "all",
  "high_priority",
  "straight_join",
  "sql_small_result",
  "sql_big_result",
  "sql_buffer_result",
  "sql_cache",
  "sql_no_cache",
  "sql_calc_found_rows",
];

class Unreadable extends Error {}

/** Splits [from, to) at the tokens `split` says, outside parentheses. */
function topLevel(tokens: readonly SqlToken[], from: number, to: number) {
  const at: number[] = [];
  for (let index = from; index < to; index += 1) {
    if (tokens[index]?.kind === "(") {
      index = closingParen(tokens, index);
      if (index < 0 || index >= to) throw new Unreadable();
    } else at.push(index);
  }
  return at;
}

/**
 * The FROM clause's sources by the name the select list qualifies columns with: the alias, or
 * the table's own name. A name given twice is ambiguous and maps to `null`.
 */
function fromSources(tokens: readonly SqlToken[], from: number, to: number) {
  const sources = new Map<string, FromSource | null>();
  const add = (name: string, source: FromSource) => {
    sources.set(name, sources.has(name) ? null : source);
  };
  const walk = (start: number, end: number): void => {
    let atTable = true;
    for (let at = start; at < end;) {
      const token = tokens[at];
      const close = token?.kind === "(" ? closingParen(tokens, at) : at;
      if (close < 0 || close >= end) throw new Unreadable();
      if (!atTable) {
        if (isWord(token, "join", "straight_join") || token?.kind === ",") atTable = true;
        at = close + 1;
        continue;
      }
      atTable = false;
      let next: number;
      let name: string | undefined;
      let source: FromSource;
      const [first, dot, second] = [tokens[at], tokens[at + 1], tokens[at + 2]];
      if (token?.kind === "(" && isWord(tokens[at + 1], "select")) {
        source = { derived: derivedItems(tokens, at + 1, close) };
        next = close + 1;
      } else if (token?.kind === "(") {
        walk(at + 1, close);
        at = close + 1;
        continue;
      } else if (first?.kind === "ident" && dot?.kind === "." && second?.kind === "ident") {
        source = { table: { database: first.text, table: second.text } };
        name = second.text;
        next = at + 3;
      } else throw new Unreadable();
      if (isWord(tokens[next], "as")) next += 1;
      const alias = tokens[next];
      if (alias?.kind === "ident" && tokens[next + 1]?.kind !== ".") {
        name = alias.text;
        next += 1;
      }
      if (name === undefined) throw new Unreadable();
      add(name, source);
      at = next;
    }
  };
  walk(from, to);
  return sources;
}

/** One select item from its tokens: `ref AS alias`, where ref is two or three idents. */
function itemOf(tokens: readonly SqlToken[], sources: ReturnType<typeof fromSources>): SelectItem {
  const last = tokens.at(-1);
  const alias = last?.kind === "ident" && isWord(tokens.at(-2), "as") ? last.text : undefined;
  const parts = tokens.slice(0, -2);
  const names = parts.flatMap((token, index) =>
    index % 2 === 0 && token.kind === "ident" ? [token.text] : [],
  );
  const plain =
    alias !== undefined &&
    (parts.length === 3 || parts.length === 5) &&
    names.length * 2 - 1 === parts.length &&
    parts.every((token, index) => index % 2 === 0 || token.kind === ".");
  if (!plain) return { alias };
  const column = names.at(-1) ?? "";
  const source = sources.get(names.at(-2) ?? "");
  if (!source) return { alias };
  if ("table" in source) {
    if (names.length === 3 && names[0] !== source.table.database) return { alias };
    return { alias, source: { ...source.table, column } };
  }
  if (names.length === 3) return { alias };
  const inner = source.derived?.filter((item) => item.alias === column);
  return { alias, source: inner?.length === 1 ? inner[0]?.source : undefined };
}

/** The items of the query in [from, to), which starts with SELECT; undefined when unreadable. */
function selectItems(tokens: readonly SqlToken[], from: number, to: number) {
  if (!isWord(tokens[from], "select")) throw new Unreadable();
  const outside = topLevel(tokens, from, to);
  if (outside.some((at) => isWord(tokens[at], ...setOperation))) throw new Unreadable();
  let start = from + 1;
  while (isWord(tokens[start], ...modifiers)) start += 1;
  const fromAt = outside.find((at) => at >= start && isWord(tokens[at], "from"));
  if (fromAt === undefined) return undefined;
  const endAt = outside.find((at) => at > fromAt && isWord(tokens[at], ...clauseEnd)) ?? to;
  const sources = fromSources(tokens, fromAt + 1, endAt);
  const commas = outside.filter((at) => at > start && at < fromAt && tokens[at]?.kind === ",");
  const bounds = [start - 1, ...commas, fromAt];
  return bounds.slice(1).map((end, index) => {
    const begin = (bounds[index] ?? 0) + 1;
    return itemOf(tokens.slice(begin, end), sources);
  });
}

/** A derived table's items; one the scanner cannot read names no sources. */
function derivedItems(tokens: readonly SqlToken[], from: number, to: number) {
  try {
    return selectItems(tokens, from, to);
  } catch {
    return undefined;
  }
}

/**
 * The select items of a stored view definition, in order, with the base column of each item
 * that is exactly a qualified column reference with an alias (`` `db`.`t`.`c` AS `x` `` or
 * `` `alias`.`c` AS `x` ``, also through a derived table). Anything the scanner does not read
 * with certainty (a set operation, a WITH clause, a FROM it cannot follow) gives undefined.
 */
export function selectShape(definition: string): SelectItem[] | undefined {
  try {
    const tokens = sqlTokens(definition);
    return selectItems(tokens, 0, tokens.length);
  } catch {
    return undefined;
  }
}
