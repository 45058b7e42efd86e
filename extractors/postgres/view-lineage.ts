import type { FieldLineage, FieldStats } from "../../src/model/index.js";
import { fieldStats } from "./assemble-fields.js";
import type {
  FieldStatsRow,
  PartitionRow,
  RelationRow,
  ViewColumnDependencyRow,
} from "./catalog-rows.js";
import { compact } from "../shared/order.js";
import type { ColumnOrigin } from "./view-targets.js";

/** What the lineage of the planned views is resolved from, all read by the fixed queries. */
export interface LineageFacts {
  database: string;
  relations: readonly RelationRow[];
  /** Output column origins by view oid. */
  viewOrigins: ReadonlyMap<number, readonly ColumnOrigin[]>;
  dependencies: readonly ViewColumnDependencyRow[];
  fieldStats: ReadonlyMap<number, readonly FieldStatsRow[]>;
  partitions: ReadonlyMap<number, readonly PartitionRow[]>;
}

/** A view on a view on a view … is followed this far at most (PostgreSQL forbids cycles). */
const maxChain = 32;

const columnKey = (relid: number, num: number): string => `${String(relid)}:${String(num)}`;

/**
 * The lineage of each planned view's columns, by view oid and then column number. A column
 * from a view that is itself planned is followed to that view's origin, down to a table column
 * when every view on the way reads it unchanged; it stops at the last view column otherwise.
 */
export function resolveViewLineage(facts: LineageFacts): Map<number, Map<number, FieldLineage>> {
  const origins = new Map<string, ColumnOrigin>();
  for (const [view, columns] of facts.viewOrigins) {
    for (const origin of columns) origins.set(columnKey(view, origin.position), origin);
  }
  const named = new Map(facts.dependencies.map((row) => [columnKey(row.relid, row.num), row]));
  const relations = new Map(facts.relations.map((relation) => [relation.oid, relation]));

  const follow = (origin: ColumnOrigin): FieldLineage | undefined => {
    let relid = origin.relid;
    let num = origin.column;
    for (let step = 0; step < maxChain; step += 1) {
      const inner = origins.get(columnKey(relid, num));
      if (!inner || !named.has(columnKey(inner.relid, inner.column))) break;
      relid = inner.relid;
      num = inner.column;
    }
    const column = named.get(columnKey(relid, num));
    if (!column) return undefined;
    return compact<FieldLineage>({
      ref: { database: facts.database, schema: column.schema, name: column.name },
      field: column.column,
      stats: baseStats(relations.get(relid), column.column, facts),
    });
  };

  const lineage = new Map<number, Map<number, FieldLineage>>();
  for (const [view, columns] of facts.viewOrigins) {
    const byColumn = new Map<number, FieldLineage>();
    for (const origin of columns) {
      const found = follow(origin);
      if (found) byColumn.set(origin.position, found);
    }
    lineage.set(view, byColumn);
  }
  return lineage;
}

/**
 * The base column's planner statistics, when its table is planned (a partition's are not
 * read). Uniqueness is dropped: what is unique in the table need not be in the view.
 */
function baseStats(
  relation: RelationRow | undefined,
  column: string,
  facts: LineageFacts,
): FieldStats | undefined {
  if (!relation || relation.kind === "v") return undefined;
  const row = facts.fieldStats.get(relation.oid)?.find((stats) => stats.name === column);
  if (!row) return undefined;
  const { distinctIsUnique: _unique, ...stats } = fieldStats(row, rowEstimate(relation, facts));
  return stats.nullFraction === undefined && stats.distinct === undefined ? undefined : stats;
}

/** reltuples, or for a partitioned table the sum over its leaf partitions (-1: never analysed). */
function rowEstimate(relation: RelationRow, facts: LineageFacts): number | undefined {
  if (relation.kind !== "p") return relation.reltuples >= 0 ? relation.reltuples : undefined;
  const leaves = (facts.partitions.get(relation.oid) ?? []).filter((row) => row.isLeaf);
  if (leaves.length === 0 || leaves.some((row) => row.reltuples < 0)) return undefined;
  return leaves.reduce((sum, row) => sum + row.reltuples, 0);
}
