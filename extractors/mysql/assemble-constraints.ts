import type { CheckConstraint, ForeignKey } from "../../src/model/index.js";
import { compareText, groupBy } from "../shared/order.js";
import type { CheckRow, ForeignKeyPartRow, ReferentialRow } from "./catalog-rows.js";

/**
 * Outgoing foreign keys of one table: columns from KEY_COLUMN_USAGE in key order, the
 * referential actions from REFERENTIAL_CONSTRAINTS.
 */
export function assembleForeignKeys(
  database: string,
  tableName: string,
  parts: readonly ForeignKeyPartRow[],
  referential: readonly ReferentialRow[],
): ForeignKey[] {
  const rules = new Map(referential.map((row) => [row.name, row]));
  const keys: ForeignKey[] = [];
  for (const [name, rows] of groupBy(parts, (part) => part.name)) {
    const ordered = [...rows].sort((a, b) => a.position - b.position);
    const first = ordered[0];
    if (!first) continue;
    const rule = rules.get(name);
    const key: ForeignKey = {
      name,
      from: { database, name: tableName },
      fromFields: ordered.map((part) => part.columnName),
      to: { database: first.refDatabase, name: first.refTable },
      toFields: ordered.map((part) => part.refColumn),
    };
    if (rule?.onUpdate !== undefined) key.onUpdate = rule.onUpdate;
    if (rule?.onDelete !== undefined) key.onDelete = rule.onDelete;
    keys.push(key);
  }
  return keys.sort((a, b) => compareText(a.name, b.name));
}

/** MariaDB keeps a column-level CHECK under the column's name, and `json_valid` for JSON. */
export function assembleChecks(rows: readonly CheckRow[]): CheckConstraint[] {
  return rows
    .map((row) => ({ name: row.name, expression: row.expression.trim() }))
    .sort((a, b) => compareText(a.name, b.name));
}
