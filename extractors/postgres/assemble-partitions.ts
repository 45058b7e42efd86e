import type { Partition } from "../../src/model/index.js";
import type { PartitionRow } from "./catalog-rows.js";
import { compareText, groupBy } from "../shared/order.js";

export interface PartitionFacts {
  /** Depth first: each partition is followed by its own sub-partitions, siblings by name. */
  partitions: Partition[];
  /** Sum over the analysed leaf partitions; undefined when none has been analysed. */
  rowEstimate?: number;
  /** Sum over the leaf partitions; undefined when one of them could not be measured. */
  sizeBytes?: number;
}

function depthFirst(rows: readonly PartitionRow[], root: number): PartitionRow[] {
  const children = groupBy(rows, (row) => row.parentRelid);
  const ordered: PartitionRow[] = [];
  const visit = (parent: number): void => {
    const below = [...(children.get(parent) ?? [])].sort((a, b) => compareText(a.name, b.name));
    for (const row of below) {
      ordered.push(row);
      visit(row.relid);
    }
  };
  visit(root);
  return ordered;
}

export function assemblePartitions(
  rows: readonly PartitionRow[],
  root: number,
  database: string,
): PartitionFacts {
  const partitions = depthFirst(rows, root).map((row) => ({
    name: row.name,
    ref: { database, schema: row.schema, name: row.name },
    bound: row.bound ?? "",
  }));
  const leaves = rows.filter((row) => row.isLeaf);
  const analysed = leaves.filter((row) => row.reltuples >= 0);
  const measured = leaves.filter((row) => row.sizeBytes !== null);
  const facts: PartitionFacts = { partitions };
  if (analysed.length > 0) {
    facts.rowEstimate = Math.round(analysed.reduce((sum, row) => sum + row.reltuples, 0));
  }
  if (measured.length === leaves.length) {
    facts.sizeBytes = measured.reduce((sum, row) => sum + (row.sizeBytes ?? 0), 0);
  }
  return facts;
}
