import type { Dataset, DatasetKind, DatasetRef, DatasetStats } from "../../src/model/index.js";
import { assembleConstraints } from "./assemble-constraints.js";
import { assembleFields } from "./assemble-fields.js";
import { assembleIndexes } from "./assemble-indexes.js";
import { assemblePartitions, type PartitionFacts } from "./assemble-partitions.js";
import { partitionTree } from "./fold-partitions.js";
import { assembleTriggers } from "./assemble-triggers.js";
import { assembleUsage } from "./assemble-usage.js";
import type { RelationKind, RelationRow } from "./catalog-rows.js";
import { byKeys, compact } from "../shared/order.js";
import type { Catalog } from "./read-catalog.js";
import { relationUri } from "./resource-uri.js";

const kinds: Record<RelationKind, { kind: DatasetKind; objectType: string }> = {
  r: { kind: "table", objectType: "table" },
  p: { kind: "table", objectType: "partitioned table" },
  v: { kind: "view", objectType: "view" },
  m: { kind: "materialized_view", objectType: "materialized view" },
  f: { kind: "external_table", objectType: "foreign table" },
};

/** A view stores nothing, so it has no row estimate or size of its own. */
function datasetStats(relation: RelationRow, partitions: PartitionFacts): DatasetStats | undefined {
  if (relation.kind === "v") return undefined;
  const ownEstimate = relation.reltuples >= 0 ? Math.round(relation.reltuples) : undefined;
  const partitioned = relation.kind === "p";
  const rowEstimate = partitioned ? (partitions.rowEstimate ?? ownEstimate) : ownEstimate;
  // reltuples is -1 until the first ANALYZE (PostgreSQL 14+).
  const neverAnalysed = rowEstimate === undefined && (relation.kind === "r" || partitioned);
  const stats = compact<DatasetStats>({
    rowEstimate,
    sizeBytes: partitioned ? partitions.sizeBytes : (relation.sizeBytes ?? undefined),
    source: "pg_class",
    zeroCountMeans: rowEstimate === 0 ? "when last analysed" : undefined,
    missingCountNote: neverAnalysed
      ? "No planner statistics yet: the table has never been analysed."
      : undefined,
  });
  return stats.rowEstimate === undefined && stats.sizeBytes === undefined && !neverAnalysed
    ? undefined
    : stats;
}

function viewReads(relation: RelationRow, database: string): DatasetRef[] | undefined {
  if (relation.kind !== "v" && relation.kind !== "m") return undefined;
  return relation.readsNames
    .map((name, at) => ({ database, schema: relation.readsSchemas[at] ?? "", name }))
    .sort(
      byKeys(
        (ref) => ref.schema,
        (ref) => ref.name,
      ),
    );
}

export function assembleDataset(
  relation: RelationRow,
  catalog: Catalog,
  resource: string,
): Dataset {
  const database = catalog.identity.database;
  const partitionRows = catalog.partitions.get(relation.oid) ?? [];
  const partitions = assemblePartitions(partitionRows, relation.oid, database);
  const tree = partitionTree(relation.oid, relation.partitionColumns, partitionRows);
  const stats = datasetStats(relation, partitions);
  const usageRows = [relation.oid, ...partitionRows.map((row) => row.relid)].flatMap((oid) => {
    const row = catalog.usage.get(oid);
    return row ? [row] : [];
  });
  return compact<Dataset>({
    ref: { database, schema: relation.schema, name: relation.name },
    ...kinds[relation.kind],
    comment: relation.comment ?? undefined,
    resource: relationUri(resource, relation.schema, relation.name),
    fields: assembleFields(
      relation,
      catalog.columns.get(relation.oid) ?? [],
      catalog.types,
      catalog.fieldStats.get(relation.oid) ?? [],
      stats?.rowEstimate,
      catalog.viewLineage.get(relation.oid),
    ),
    ...assembleConstraints(
      catalog.constraints.get(relation.oid) ?? [],
      catalog.referencedBy.get(relation.oid) ?? [],
      database,
      tree,
      (owner) => {
        const rows = catalog.partitions.get(owner);
        return rows ? partitionTree(owner, [], rows) : undefined;
      },
    ),
    indexes: assembleIndexes(
      [relation.oid, ...partitionRows.map((row) => row.relid)].flatMap(
        (oid) => catalog.indexes.get(oid) ?? [],
      ),
      tree,
    ),
    triggers: assembleTriggers(
      [relation.oid, ...partitionRows.map((row) => row.relid)].flatMap(
        (oid) => catalog.triggers.get(oid) ?? [],
      ),
      tree,
    ),
    partitionKey: relation.partitionKey ?? undefined,
    partitions: partitions.partitions,
    viewDefinition: relation.viewDefinition?.trim(),
    notPopulated: relation.populated === false ? true : undefined,
    reads: viewReads(relation, database),
    stats,
    usage: assembleUsage(usageRows, catalog.identity.statsReset),
    tags: [],
  });
}
