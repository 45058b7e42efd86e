import type { Index, KeyConstraint } from "../../src/model/index.js";
import { compareText, groupBy } from "../shared/order.js";
import type { IndexPartRow } from "./catalog-rows.js";
import { quoteIdentifier } from "./quote.js";

/** `name`(20) DESC, as SHOW CREATE TABLE writes a key part. */
function partDefinition(part: IndexPartRow): string {
  const target =
    part.columnName === undefined
      ? `(${part.expression ?? ""})`
      : `${quoteIdentifier(part.columnName)}${part.prefixLength === undefined ? "" : `(${String(part.prefixLength)})`}`;
  return part.descending ? `${target} DESC` : target;
}

/** The column, its indexed prefix length when only a prefix is indexed, or the expression. */
function partName(part: IndexPartRow): string {
  if (part.columnName === undefined) return `(${part.expression ?? ""})`;
  return part.prefixLength === undefined
    ? part.columnName
    : `${part.columnName}(${String(part.prefixLength)})`;
}

function definitionOf(name: string, type: string, unique: boolean, parts: IndexPartRow[]) {
  const list = `(${parts.map(partDefinition).join(", ")})`;
  if (name === "PRIMARY") return `PRIMARY KEY ${list} USING ${type}`;
  if (type === "FULLTEXT" || type === "SPATIAL")
    return `${type} KEY ${quoteIdentifier(name)} ${list}`;
  return `${unique ? "UNIQUE " : ""}KEY ${quoteIdentifier(name)} ${list} USING ${type}`;
}

export interface IndexFacts {
  keys: KeyConstraint[];
  indexes: Index[];
}

/**
 * Indexes from information_schema.STATISTICS. In MySQL a primary key or unique constraint is
 * its index, so keys come from the same rows: PRIMARY, and every unique index over whole
 * columns (a unique prefix or expression index constrains less than the columns).
 */
export function assembleIndexes(parts: readonly IndexPartRow[]): IndexFacts {
  const keys: KeyConstraint[] = [];
  const indexes: Index[] = [];
  for (const [name, rows] of groupBy(parts, (part) => part.indexName)) {
    const ordered = [...rows].sort((a, b) => a.sequence - b.sequence);
    const first = ordered[0];
    if (!first) continue;
    const primary = name === "PRIMARY";
    const type = first.indexType.toUpperCase();
    indexes.push({
      name,
      method: type.toLowerCase(),
      unique: first.unique,
      primary,
      columns: ordered.map(partName),
      definition: definitionOf(name, type, first.unique, ordered),
    });
    const wholeColumns = ordered.every(
      (part) => part.columnName !== undefined && part.prefixLength === undefined,
    );
    if (first.unique && wholeColumns) {
      keys.push({
        name,
        kind: primary ? "primary" : "unique",
        fields: ordered.map((part) => part.columnName ?? ""),
      });
    }
  }
  const byName = (a: { name: string }, b: { name: string }) => compareText(a.name, b.name);
  return { keys: keys.sort(byName), indexes: indexes.sort(byName) };
}
