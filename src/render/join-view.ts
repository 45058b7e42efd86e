import { posix } from "node:path";
import type { DatasetRef, JoinCandidate, JoinCardinality } from "../model/index.js";
import { linkText } from "../knowledge-file/markdown-links.js";
import { inlineSource } from "../knowledge-file/markdown-text.js";
import { sourceCell } from "../knowledge-file/markdown-table.js";
import { joinKey } from "../knowledge-file/table-rows.js";
import { code, codeList, linkTarget } from "./format.js";
import type { RenderInput } from "./render-input.js";

/** The columns of the Relationships table, in order (docs/knowledge-files.md#relationships). */
export const joinColumns = ["Join", "With", "Kind", "Cardinality", "Decision"] as const;

export interface JoinView {
  /** Cells of each row, in `joinColumns` order. */
  rows: string[][];
  /** The rows a person wrote (added, or rejected and no longer generated), as rendered. */
  personRows: string[][];
  /** Inferred joins whose names cannot be a code span (a backtick), said as bullets. */
  bullets: string[];
}

/**
 * The join table of the Relationships section. Generated rows carry the Decision cell that
 * the file has for the same Join; rows a person added (Kind `added`) or rejected stay as they
 * are written, after the generated ones, even when nothing generates them any more.
 */
export function joinView(input: RenderInput): JoinView {
  const fileRows = input.joinRows ?? [];
  const decisionOf = new Map(
    fileRows.map((row) => [joinKey(row.get("join") ?? ""), row.get("decision") ?? ""]),
  );
  const rows: string[][] = [];
  const bullets: string[] = [];
  const generated = new Set<string>();
  for (const join of input.dataset.joins ?? []) {
    const condition = joinCondition(input.dataset.ref, join);
    if (condition === undefined) {
      // Foreign keys are bullets already; a guessed join is said there too.
      if (!join.evidence.kind.startsWith("foreign_key")) bullets.push(inferredBullet(input, join));
      continue;
    }
    const cell = `\`${condition.replace(/\|/g, "\\|")}\``;
    const key = joinKey(cell);
    if (generated.has(key)) continue;
    generated.add(key);
    rows.push([
      cell,
      withCell(input, join.other),
      sourceCell(kindText(input, join)),
      cardinalityText(join.cardinality),
      decisionOf.get(key) ?? "",
    ]);
  }
  const personRows = fileRows
    .filter((row) => {
      const key = joinKey(row.get("join") ?? "");
      if (key === "" || generated.has(key)) return false;
      const kind = joinKey(row.get("kind") ?? "").toLowerCase();
      const decision = joinKey(row.get("decision") ?? "").toLowerCase();
      return kind === "added" || decision === "rejected";
    })
    .map((row) => joinColumns.map((column) => row.get(column.toLowerCase()) ?? ""));
  return { rows: [...rows, ...personRows], personRows, bullets };
}

const plainIdentifier = /^[A-Za-z_][A-Za-z0-9_$]*$/;

/** An identifier as SQL: as it is when plain, else double-quoted (`"Order Lines"`). */
function identifier(name: string): string {
  return plainIdentifier.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

/**
 * `a.x = b.y AND a.z = b.w`, this dataset first; both sides qualified as far as the two
 * tables' places differ. Undefined when a name holds a backtick or a line break (no code span).
 */
function joinCondition(own: DatasetRef, join: JoinCandidate): string | undefined {
  const names = [own, join.other].flatMap((ref) => [ref.database, ref.schema, ref.name]);
  const all = [...names, ...join.columns, ...join.otherColumns];
  if (all.some((name) => name !== undefined && /[`\r\n\u2028\u2029]/.test(name))) return undefined;
  const prefix = (ref: DatasetRef) => {
    if (ref.database !== join.other.database || own.database !== ref.database)
      return [ref.database, ref.schema, ref.name];
    if (own.schema !== join.other.schema) return [ref.schema, ref.name];
    return [ref.name];
  };
  const side = (ref: DatasetRef, column: string) =>
    [...prefix(ref), column]
      .filter((part): part is string => part !== undefined)
      .map(identifier)
      .join(".");
  return join.columns
    .map((column, i) => `${side(own, column)} = ${side(join.other, join.otherColumns[i] ?? "")}`)
    .join(" AND ");
}

/** The other dataset's name as this file calls it: bare in the same schema, else qualified. */
function label(input: RenderInput, ref: DatasetRef): string {
  const own = input.dataset.ref;
  if (ref.database !== own.database)
    return [ref.database, ref.schema, ref.name].filter(Boolean).join(".");
  return ref.schema === own.schema ? ref.name : [ref.schema, ref.name].filter(Boolean).join(".");
}

/** A link to the other concept's file, else its name in a code span; pipes escaped for a cell. */
function withCell(input: RenderInput, ref: DatasetRef): string {
  const target = input.pathOf(ref);
  const text = label(input, ref);
  const cell =
    target === undefined
      ? code(text)
      : `[${linkText(text)}](${linkTarget(posix.relative(posix.dirname(input.path), target))})`;
  return cell.replace(/\|/g, "\\|");
}

function kindText(input: RenderInput, join: JoinCandidate): string {
  const other = label(input, join.other);
  switch (join.evidence.kind) {
    case "foreign_key":
      return "foreign key";
    case "foreign_key_incoming":
      return "foreign key, incoming";
    case "same_key_name":
      return `inferred: same name as the key of ${other}`;
    case "column_names_table":
      return `inferred: ${join.evidence.column} names ${other}`;
    case "key_attribute_names_table":
      return `inferred: key attribute names ${other}`;
  }
}

/** From this dataset's side; a side that repeats is a fan-out for whoever sums over it. */
function cardinalityText(cardinality: JoinCardinality | undefined): string {
  if (cardinality === undefined) return "";
  return cardinality.startsWith("one-to-many") || cardinality === "many-to-many"
    ? `${cardinality} (fan-out)`
    : cardinality;
}

function inferredBullet(input: RenderInput, join: JoinCandidate): string {
  return `${codeList(join.columns)} may join ${code(label(input, join.other))} ${codeList(join.otherColumns)} (${inlineSource(kindText(input, join))})`;
}
