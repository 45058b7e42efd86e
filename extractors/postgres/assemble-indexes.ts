import type { Index } from "../../src/model/index.js";
import type { IndexRow } from "./catalog-rows.js";
import { compact, compareText } from "./order.js";

export function assembleIndexes(rows: readonly IndexRow[]): Index[] {
  return rows
    .map((row) =>
      compact<Index>({
        name: row.name,
        method: row.method,
        unique: row.isUnique,
        primary: row.isPrimary,
        columns: row.columns,
        predicate: row.predicate ?? undefined,
        definition: row.definition,
      }),
    )
    .sort((a, b) => compareText(a.name, b.name));
}
