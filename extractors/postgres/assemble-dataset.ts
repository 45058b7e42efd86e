import type { Dataset, DatasetKind, DatasetStats } from "../../src/model/index.js";
import { assembleConstraints } from "./assemble-constraints.js";
import { assembleFields } from "./assemble-fields.js";
import { assembleIndexes } from "./assemble-indexes.js";
import { assemblePartitions, type PartitionFacts } from "./assemble-partitions.js";
import { assembleUsage } from "./assemble-usage.js";
import type { RelationKind, RelationRow } from "./catalog-rows.js";
import { compact } from "./order.js";
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

export function assembleDataset(
  relation: RelationRow,
  catalog: Catalog,
  resource: string,
): Dataset {
  const database = catalog.identity.database;
  const partitionRows = catalog.partitions.get(relation.oid) ?? [];
  const partitions = assemblePartitions(partitionRows, relation.oid, database);
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
    ),
    ...assembleConstraints(
      catalog.constraints.get(relation.oid) ?? [],
      catalog.referencedBy.get(relation.oid) ?? [],
      database,
    ),
    indexes: assembleIndexes(catalog.indexes.get(relation.oid) ?? []),
    partitionKey: relation.partitionKey ?? undefined,
    partitions: partitions.partitions,
    viewDefinition: relation.viewDefinition?.trim(),
    stats,
    usage: assembleUsage(usageRows),
    tags: [],
  });
}
