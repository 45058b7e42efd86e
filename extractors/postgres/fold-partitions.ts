import type { DeclaredOnPartitions } from "../../src/model/index.js";
import type { PartitionRow } from "./catalog-rows.js";
import { compareText, groupBy } from "../shared/order.js";

/**
 * Older schemas and partition managers (pg_partman) declare keys, foreign keys and indexes on
 * each partition instead of on the partitioned table. Those fold into the table: the same one
 * declared on several partitions is one fact of the table, saying how many partitions declare
 * it, so that no partition ever stands as a table of its own.
 */
export interface PartitionTree {
  root: number;
  leafCount: number;
  /** The leaf partitions at or below a partition: those a key declared on it covers. */
  leavesAt(relid: number): readonly number[];
  /** Depth-first position: the first partition that declares something names it. */
  position(relid: number): number;
  /**
   * Whether a key on these columns, declared on every leaf, is unique over the whole table: it
   * must hold the partition key columns of every level, so that equal keys share a partition.
   */
  holdsPartitionKeys(columns: readonly string[]): boolean;
}

export function partitionTree(
  root: number,
  rootKeyColumns: readonly string[],
  rows: readonly PartitionRow[],
): PartitionTree {
  const children = groupBy(rows, (row) => row.parentRelid);
  const positions = new Map<number, number>();
  const leaves = new Map<number, number[]>();
  const visit = (parent: number): number[] => {
    const below = [...(children.get(parent) ?? [])].sort((a, b) => compareText(a.name, b.name));
    const found: number[] = [];
    for (const row of below) {
      positions.set(row.relid, positions.size);
      const own = row.isLeaf ? [row.relid] : visit(row.relid);
      leaves.set(row.relid, own);
      found.push(...own);
    }
    return found;
  };
  const all = visit(root);
  const keyColumns = [...rootKeyColumns, ...rows.flatMap((row) => row.partitionColumns)];
  return {
    root,
    leafCount: all.length,
    leavesAt: (relid) => leaves.get(relid) ?? [],
    position: (relid) => positions.get(relid) ?? Number.MAX_SAFE_INTEGER,
    holdsPartitionKeys: (columns) =>
      keyColumns.length > 0 &&
      keyColumns.every((column) => column !== "" && columns.includes(column)),
  };
}

export interface Folded<T> {
  row: T;
  onPartitions?: DeclaredOnPartitions;
}

/**
 * The table's own rows, then one row per distinct thing declared on its partitions (by
 * `sameness`), named as on its first partition; one the table declares itself is not repeated.
 * A partition may declare the same thing twice (an index duplicated under another name on each
 * partition): the second of each partition, by name, is a set of its own, and so on.
 */
export function foldPartitionRows<T extends { relid: number; name: string }>(
  rows: readonly T[],
  tree: PartitionTree,
  sameness: (row: T) => string,
): Folded<T>[] {
  const setOf = nthOfItsKind(rows, sameness);
  const own = rows.filter((row) => row.relid === tree.root);
  const ownKinds = new Set(own.map(setOf));
  const onPartitions = rows
    .filter((row) => row.relid !== tree.root && !ownKinds.has(setOf(row)))
    .sort((a, b) => tree.position(a.relid) - tree.position(b.relid));
  const folded: Folded<T>[] = [];
  for (const group of groupBy(onPartitions, setOf).values()) {
    const [first] = group;
    if (!first) continue;
    const covered = new Set(group.flatMap((row) => tree.leavesAt(row.relid)));
    folded.push({ row: first, onPartitions: { partitions: covered.size, of: tree.leafCount } });
  }
  return [...own.map((row) => ({ row })), ...folded];
}

/** `sameness` with the row's rank among the rows alike on the same relation, by name. */
function nthOfItsKind<T extends { relid: number; name: string }>(
  rows: readonly T[],
  sameness: (row: T) => string,
): (row: T) => string {
  const keys = new Map<T, string>();
  const alike = groupBy(rows, (row) => JSON.stringify([row.relid, sameness(row)]));
  for (const group of alike.values()) {
    [...group]
      .sort((a, b) => compareText(a.name, b.name))
      .forEach((row, rank) => keys.set(row, JSON.stringify([sameness(row), rank])));
  }
  return (row) => keys.get(row) ?? JSON.stringify([sameness(row), 0]);
}
