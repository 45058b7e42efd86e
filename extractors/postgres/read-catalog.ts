import { SourceError } from "../../src/errors.js";
import * as sql from "./catalog-queries.js";
import type {
  ColumnRow,
  ConstraintRow,
  FieldStatsRow,
  IdentityRow,
  IndexRow,
  PartitionRow,
  RelationRow,
  TriggerRow,
  TypeRow,
  UsageRow,
  ViewColumnDependencyRow,
  ViewQueryRow,
} from "./catalog-rows.js";
import type { CatalogSession } from "./connect.js";
import type { RelationFilter } from "./glob-filter.js";
import { byKeys, groupBy } from "../shared/order.js";
import { resolveViewLineage } from "./view-lineage.js";
import { viewColumnOrigins } from "./view-targets.js";
import type { FieldLineage } from "../../src/model/index.js";

/** PostgreSQL 12 brought pg_partition_tree and generated columns. */
const minimumServerVersion = 120_000;

/** Everything the extractor needs from one database, read in one consistent snapshot. */
export interface Catalog {
  identity: IdentityRow;
  /** Matched relations in schemas the role may use, in output order (schema, name). */
  relations: RelationRow[];
  /**
   * Matched relations that belong to an extension, left out unless the config asks for them:
   * they are the extension's, not the team's, and some (pg_stat_statements) change all day.
   */
  extensionOwned: RelationRow[];
  /** Matched relations in schemas without USAGE privilege: reported, not extracted. */
  unusable: RelationRow[];
  /**
   * Matched relations that another session held in ACCESS EXCLUSIVE mode (a migration, a
   * VACUUM FULL) while the catalog was read: reported, not extracted this run.
   */
  locked: RelationRow[];
  columns: Map<number, ColumnRow[]>;
  types: Map<number, TypeRow>;
  /** Keys, checks and foreign keys of a relation, declared on it or on its partitions. */
  constraints: Map<number, ConstraintRow[]>;
  /** Foreign keys that point at a relation. */
  referencedBy: Map<number, ConstraintRow[]>;
  /** By the relation or partition they are declared on. */
  indexes: Map<number, IndexRow[]>;
  /** Partitions at every level, by the planned partitioned table they belong to. */
  partitions: Map<number, PartitionRow[]>;
  fieldStats: Map<number, FieldStatsRow[]>;
  usage: Map<number, UsageRow>;
  /** Views and materialized views: the lineage of their columns, by column number. */
  viewLineage: Map<number, Map<number, FieldLineage>>;
  /** By the relation or partition they are declared on. */
  triggers: Map<number, TriggerRow[]>;
}

const byQualifiedName = byKeys<RelationRow>(
  (relation) => relation.schema,
  (relation) => relation.name,
);

async function readIdentity(session: CatalogSession): Promise<IdentityRow> {
  const [identity] = await session.query<IdentityRow>(sql.identityQuery);
  if (!identity) throw new SourceError("PostgreSQL did not say which database it serves.");
  if (identity.serverVersion < minimumServerVersion) {
    throw new SourceError(
      `PostgreSQL ${identity.serverVersion} at ${session.target.host}:${session.target.port} is too old.`,
      "okf reads PostgreSQL 12 or newer.",
    );
  }
  return identity;
}

/** How often the catalog is read when a lock keeps getting in the way, before the source fails. */
const catalogAttempts = 3;

function isLockTimeout(error: unknown): boolean {
  return error instanceof SourceError && error.reason?.kind === "lock_timeout";
}

/**
 * Reads the catalog with a fixed number of queries, whatever the number of relations, inside
 * one REPEATABLE READ transaction so that all of them see the same catalog state. When a query
 * waits past `lock_timeout` for a relation another session holds exclusively, the catalog is
 * read again (the same queries) leaving out every relation a lock would stop: those become
 * `locked`, and the rest of the source is extracted as usual.
 */
export async function readCatalog(
  session: CatalogSession,
  filter: RelationFilter,
  options: { extensionObjects?: boolean } = {},
): Promise<Catalog> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await readCatalogOnce(session, filter, attempt > 1, options.extensionObjects ?? false);
    } catch (error) {
      if (attempt >= catalogAttempts || !isLockTimeout(error)) throw error;
      await session.query("ROLLBACK").catch(() => undefined);
    }
  }
}

async function readCatalogOnce(
  session: CatalogSession,
  filter: RelationFilter,
  avoidLocks: boolean,
  extensionObjects: boolean,
): Promise<Catalog> {
  await session.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
  const identity = await readIdentity(session);
  const matched = await session.query<RelationRow>(sql.relationsQuery, [
    filter.include,
    filter.exclude,
    avoidLocks ? 1 : 0,
  ]);
  const leftOut = (relation: RelationRow) => relation.extension !== null && !extensionObjects;
  const extensionOwned = matched.filter(leftOut).sort(byQualifiedName);
  const readable = matched.filter((relation) => relation.schemaUsable && !leftOut(relation));
  const relations = readable.filter((relation) => !relation.locked).sort(byQualifiedName);
  const locked = readable.filter((relation) => relation.locked).sort(byQualifiedName);
  const unusable = matched
    .filter((relation) => !relation.schemaUsable && !leftOut(relation))
    .sort(byQualifiedName);
  const oids = relations.map((relation) => relation.oid);
  const partitioned = relations.filter((relation) => relation.kind === "p").map((r) => r.oid);
  const columns = await session.query<ColumnRow>(sql.columnsQuery, [oids]);
  const types = await session.query<TypeRow>(sql.typesQuery, [oids]);
  const partitions = await session.query<PartitionRow>(sql.partitionsQuery, [partitioned]);
  // Keys and indexes declared on partitions fold into their table (fold-partitions.ts).
  const withPartitions = [...oids, ...partitions.map((partition) => partition.relid)];
  const constraints = await session.query<ConstraintRow>(sql.constraintsQuery, [withPartitions]);
  const indexes = await session.query<IndexRow>(sql.indexesQuery, [withPartitions]);
  const fieldStats = await session.query<FieldStatsRow>(sql.fieldStatsQuery, [oids]);
  const usage = await session.query<UsageRow>(sql.usageQuery, [withPartitions]);
  const views = relations.filter((r) => r.kind === "v" || r.kind === "m").map((r) => r.oid);
  const viewQueries = await session.query<ViewQueryRow>(sql.viewQueriesQuery, [views]);
  const viewDependencies = await session.query<ViewColumnDependencyRow>(
    sql.viewColumnDependenciesQuery,
    [views],
  );
  const triggers = await session.query<TriggerRow>(sql.triggersQuery, [withPartitions]);
  await session.query("COMMIT");

  const planned = new Set(oids);
  const groupedStats = groupBy(fieldStats, (stats) => stats.relid);
  const groupedPartitions = groupBy(partitions, (partition) => partition.root);
  return {
    identity,
    relations,
    extensionOwned,
    unusable,
    locked,
    columns: groupBy(columns, (column) => column.relid),
    types: new Map(types.map((type) => [type.oid, type])),
    constraints: groupBy(
      constraints.filter((constraint) => planned.has(constraint.ownerRelid)),
      (constraint) => constraint.ownerRelid,
    ),
    referencedBy: groupBy(
      constraints.filter(
        (constraint) => constraint.kind === "f" && planned.has(constraint.refRelid),
      ),
      (constraint) => constraint.refRelid,
    ),
    indexes: groupBy(indexes, (index) => index.relid),
    partitions: groupedPartitions,
    fieldStats: groupedStats,
    usage: new Map(usage.map((row) => [row.relid, row])),
    viewLineage: resolveViewLineage({
      database: identity.database,
      relations,
      viewOrigins: new Map(viewQueries.map((row) => [row.relid, viewColumnOrigins(row.action)])),
      dependencies: viewDependencies,
      fieldStats: groupedStats,
      partitions: groupedPartitions,
    }),
    triggers: groupBy(triggers, (trigger) => trigger.relid),
  };
}
