import { posix } from "node:path";
import { splitRow, unescapeCell } from "../../knowledge-file/markdown-table.js";
import type { ConceptJoin, ConceptRecord, JoinColumn } from "./concept-record.js";

type Section = ConceptRecord["sections"][number];

const linkDestination = /\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/;

/**
 * The rows of the join table that opens the Relationships section (docs/knowledge-files.md#relationships).
 * A row whose Join cell is not a condition the guard can read is left out: a person's typo must not
 * become a join an agent trusts.
 */
export function joinRows(sections: readonly Section[], conceptPath: string): ConceptJoin[] {
  const section = sections.find((candidate) => /^relationships$/i.test(candidate.heading));
  if (!section) return [];
  const rows = tableRows(section.text, ["join", "with", "kind", "cardinality", "decision"]);
  const joins: ConceptJoin[] = [];
  for (const row of rows) {
    const condition = unwrapCode(row.join ?? "").replace(/\s+/g, " ");
    const pairs = parseJoinCondition(condition);
    if (!pairs) continue;
    const join: ConceptJoin = { condition, pairs, kind: row.kind ?? "" };
    const withPath = linkedPath(row.with ?? "", conceptPath);
    if (withPath !== undefined) join.with = withPath;
    if (row.cardinality) join.cardinality = row.cardinality;
    const decision = row.decision?.trim().toLowerCase();
    if (decision === "approved" || decision === "rejected") join.decision = decision;
    joins.push(join);
  }
  return joins;
}

/**
 * `a.x = b.y AND a.z = b.w` as column pairs; undefined when it is anything else (an `OR`, a
 * function, a literal). Identifiers are unquoted: `"Order Lines"."line id"` is two parts.
 */
export function parseJoinCondition(text: string): ConceptJoin["pairs"] | undefined {
  const pairs: ConceptJoin["pairs"] = [];
  for (const clause of splitOutsideQuotes(text, /\s+and\s+/iy)) {
    const sides = splitOutsideQuotes(clause, /\s*=\s*/y);
    if (sides.length !== 2) return undefined;
    const [from, to] = sides.map(columnOf);
    if (!from || !to) return undefined;
    pairs.push({ from, to });
  }
  return pairs.length > 0 ? pairs : undefined;
}

/** A qualified column name (`schema.table.column`) as its unquoted parts; at least table and column. */
function columnOf(text: string): JoinColumn | undefined {
  const parts: string[] = [];
  let rest = text.trim();
  while (rest !== "") {
    const quoted = /^"((?:[^"]|"")+)"/.exec(rest);
    const bare = quoted ? undefined : /^[A-Za-z_][A-Za-z0-9_$]*/.exec(rest);
    const match = quoted ?? bare;
    if (!match) return undefined;
    parts.push(quoted ? (quoted[1] ?? "").replace(/""/g, '"') : match[0]);
    rest = rest.slice(match[0].length);
    if (rest === "") break;
    if (!rest.startsWith(".")) return undefined;
    rest = rest.slice(1);
  }
  return parts.length >= 2 ? { parts } : undefined;
}

/** Splits at each match of `separator` that is not inside double quotes. */
function splitOutsideQuotes(text: string, separator: RegExp): string[] {
  const pieces: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    if (text.charAt(i) === '"') quoted = !quoted;
    if (quoted) continue;
    separator.lastIndex = i;
    const match = separator.exec(text);
    if (!match || match[0] === "") continue;
    pieces.push(text.slice(start, i));
    start = i + match[0].length;
    i = start - 1;
  }
  pieces.push(text.slice(start));
  return pieces.map((piece) => piece.trim());
}

/** Cells of every row of the first table whose header has all `columns`, by lower-case column name. */
function tableRows(markdown: string, columns: string[]): Array<Record<string, string>> {
  const rows: Array<Record<string, string>> = [];
  let header: string[] | undefined;
  for (const line of markdown.split("\n")) {
    const row = splitRow(line);
    if (!row) {
      if (header) break;
      continue;
    }
    const cells = row.map(unescapeCell);
    if (!header) {
      const names = cells.map((cell) => cell.toLowerCase());
      if (columns.every((column) => names.includes(column))) header = names;
      continue;
    }
    if (cells.every((cell) => /^:?-{3,}:?$/.test(cell))) continue;
    const record: Record<string, string> = {};
    header.forEach((name, index) => {
      record[name] = cells[index] ?? "";
    });
    rows.push(record);
  }
  return rows;
}

function unwrapCode(text: string): string {
  const match = /^`+([^`]*)`+$/.exec(text.trim());
  return (match?.[1] ?? text).trim();
}

/** The bundle path a With cell links to, resolved from the concept's folder. */
function linkedPath(cell: string, conceptPath: string): string | undefined {
  const target = linkDestination.exec(cell)?.[1];
  if (target === undefined || /^([a-z][a-z0-9+.-]*:|\/)/i.test(target)) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(target.replace(/[#?].*$/, ""));
  } catch {
    return undefined;
  }
  const path = posix.normalize(posix.join(posix.dirname(conceptPath), decoded));
  return path.startsWith("../") || !path.endsWith(".md") ? undefined : path;
}
