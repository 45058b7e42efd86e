/** Row shapes of the queries in catalog-queries.ts, as the `pg` driver returns them. */

export interface IdentityRow {
  database: string;
  role: string;
  serverVersion: number;
  /** `pg_stat_database.stats_reset` as text; null when the statistics were never reset. */
  statsReset: string | null;
}

/** `pg_class.relkind` values the extractor reads. */
export type RelationKind = "r" | "p" | "v" | "m" | "f";

export interface RelationRow {
  oid: number;
  schema: string;
  name: string;
  kind: RelationKind;
  /** The extension that created it and owns it (pg_stat_statements, postgis), if any. */
  extension: string | null;
  schemaUsable: boolean;
  /** Only when the catalog is read avoiding locks: a deparse of it would wait for a lock. */
  locked: boolean;
  comment: string | null;
  /** -1 until the relation is first analysed or vacuumed. */
  reltuples: number;
  /** Materialized views only: false until the first REFRESH of one created WITH NO DATA. */
  populated: boolean | null;
  sizeBytes: number | null;
  partitionKey: string | null;
  /** Partitioned tables: the partition key's columns, "" for an expression; else empty. */
  partitionColumns: string[];
  viewDefinition: string | null;
  /** Views: the relations their query reads, as schema and name at the same index. */
  readsSchemas: string[];
  readsNames: string[];
}

export interface ColumnRow {
  relid: number;
  num: number;
  name: string;
  type: string;
  typeOid: number;
  notNull: boolean;
  /** "" (none), "a" (always) or "d" (by default). */
  identity: string;
  defaultExpr: string | null;
  generatedExpr: string | null;
  comment: string | null;
}

export interface ViewQueryRow {
  relid: number;
  /** `pg_rewrite.ev_action` as text. */
  action: string;
}

export interface ViewColumnDependencyRow {
  relid: number;
  num: number;
  schema: string;
  name: string;
  column: string;
}

export interface TypeRow {
  oid: number;
  /** "d" domain, "e" enum. */
  kind: string;
  name: string;
  baseType: string | null;
  checks: string[];
  enumValues: string[];
}

export interface ConstraintRow {
  name: string;
  /** "p" primary key, "u" unique, "f" foreign key, "c" check. */
  kind: string;
  /** Where it is declared: the owner, or one of the owner's partitions. */
  relid: number;
  /** The table it belongs to (the partition tree's root), named by `relSchema`, `relName`. */
  ownerRelid: number;
  relSchema: string;
  relName: string;
  /** 0 unless a foreign key; the partition tree's root for a key to a partition. */
  refRelid: number;
  refSchema: string | null;
  refName: string | null;
  columns: string[];
  refColumns: string[];
  /** `pg_constraint.confupdtype` / `confdeltype` codes: a, r, c, n, d. */
  onUpdate: string;
  onDelete: string;
  expression: string | null;
}

export interface IndexRow {
  relid: number;
  name: string;
  method: string;
  isUnique: boolean;
  isPrimary: boolean;
  definition: string;
  predicate: string | null;
  columns: string[];
}

export interface PartitionRow {
  root: number;
  relid: number;
  parentRelid: number;
  isLeaf: boolean;
  schema: string;
  name: string;
  bound: string | null;
  reltuples: number;
  /** Sub-partitioned partitions: their own partition key's columns, as in RelationRow. */
  partitionColumns: string[];
  sizeBytes: number | null;
}

export interface FieldStatsRow {
  relid: number;
  name: string;
  nullFraction: number | null;
  nDistinct: number | null;
}

export interface UsageRow {
  relid: number;
  seqScans: number | null;
  idxScans: number | null;
  inserts: number | null;
  updates: number | null;
  deletes: number | null;
  liveRows: number | null;
  deadRows: number | null;
  lastAnalyze: Date | null;
  lastAutoanalyze: Date | null;
  lastVacuum: Date | null;
  lastAutovacuum: Date | null;
}

export interface TriggerRow {
  /** The relation or partition it is declared on. */
  relid: number;
  name: string;
  /** `pg_trigger.tgtype` bits: row, before, insert, delete, update, truncate, instead. */
  type: number;
  /** `O` fires (origin), `D` disabled, `R` replica only, `A` always. */
  enabled: string;
  functionSchema: string;
  functionName: string;
}
