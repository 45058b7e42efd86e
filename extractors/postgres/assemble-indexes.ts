import type { Index } from "../../src/model/index.js";
import type { IndexRow } from "./catalog-rows.js";
import { foldPartitionRows, type PartitionTree } from "./fold-partitions.js";
import { compact, compareText } from "../shared/order.js";

/**
 * Indexes that index the same way, on whichever partition they are declared: the definition
 * after its index and table names holds what the columns do not (DESC, operator classes,
 * INCLUDE, NULLS NOT DISTINCT), so two indexes that differ only there stay two.
 */
function sameness(row: IndexRow): string {
  const how = /\sUSING\s[\s\S]*$/.exec(row.definition)?.[0] ?? row.definition;
  return JSON.stringify([row.method, row.isUnique, row.isPrimary, row.columns, row.predicate, how]);
}

/** `rows`: the indexes of the table and of each of its partitions. */
export function assembleIndexes(rows: readonly IndexRow[], tree: PartitionTree): Index[] {
  return foldPartitionRows(rows, tree, sameness)
    .map(({ row, onPartitions }) =>
      compact<Index>({
        name: row.name,
        method: row.method,
        unique: row.isUnique,
        primary: row.isPrimary,
        columns: row.columns,
        predicate: row.predicate ?? undefined,
        definition: row.definition,
        onPartitions,
      }),
    )
    .sort((a, b) => compareText(a.name, b.name));
}
