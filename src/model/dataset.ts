/**
 * The source-neutral metadata model. Extractors produce it, the profiler and classifier enrich
 * it, the renderer reads it. Nothing here knows about drivers or markdown.
 */

import type {
  DocumentCollectionFacts,
  KeyValueFacts,
  LinkedConcept,
  StorageFacts,
  WarehouseFacts,
} from "./source-facts.js";
import type { Trigger } from "./trigger.js";

export type DatasetKind =
  "table" | "view" | "materialized_view" | "external_table" | "nosql_table" | "document_collection";

/** Where an object lives in its source, with the original (unslugified) names. */
export interface DatasetRef {
  database?: string;
  schema?: string;
  name: string;
}

/** Counts, sizes and timestamps the engine keeps for free, with where each came from. */
export interface DatasetStats {
  rowEstimate?: number;
  sizeBytes?: number;
  /** e.g. "pg_class", "pg_stats", "DescribeTable". */
  source: string;
  /** When `rowEstimate` is 0: what that means here, read after "no rows": "when last analysed". */
  zeroCountMeans?: string;
  /** Why `rowEstimate` is absent, as a Data Quality sentence, when the source can tell. */
  missingCountNote?: string;
}

export interface DatasetUsage {
  seqScans?: number;
  idxScans?: number;
  inserts?: number;
  updates?: number;
  deletes?: number;
  liveRows?: number;
  deadRows?: number;
  /** ISO 8601 timestamps. */
  lastAnalyze?: string;
  lastAutoanalyze?: string;
  lastVacuum?: string;
  lastAutovacuum?: string;
  /** Last change to the data as the engine recorded it (MySQL UPDATE_TIME), ISO 8601. */
  lastDataChange?: string;
  /** When the table was created (MySQL CREATE_TIME), ISO 8601. */
  createdAt?: string;
  /**
   * When the counters were last reset, as the engine writes it (PostgreSQL
   * `pg_stat_database.stats_reset`); compared, never shown.
   */
  statsReset?: string;
  source: string;
}

/** Scans okf's own sample reads added to one dataset's counters during a run. */
export interface OwnScans {
  ref: DatasetRef;
  seqScans: number;
  idxScans: number;
}

export interface FieldStats {
  /** 0..1 */
  nullFraction?: number;
  /** Absolute distinct estimate; `unique` when the engine says every value differs. */
  distinct?: number;
  distinctIsUnique?: boolean;
  /** Average length of the values in bytes or characters, as the engine reports it. */
  averageLength?: number;
  source: string;
}

/** A column, attribute or document field. Nested fields use paths: `address.city`, `lines[].sku`. */
export interface Field {
  name: string;
  /** Dotted path for nested fields; equals `name` at top level. */
  path: string;
  position: number;
  /** The declared type as the engine displays it: `numeric(12,2)`, `text[]`, `sales.lifecycle`. */
  type: string;
  nullable?: boolean;
  default?: string;
  comment?: string;
  /** PostgreSQL's GENERATED ALWAYS / BY DEFAULT AS IDENTITY; MySQL's AUTO_INCREMENT. */
  identity?: "always" | "by_default" | "auto_increment";
  /** Expression of a generated (computed) column. */
  generated?: string;
  /** Values of an enum type, in declaration order. */
  enumValues?: string[];
  /** When `type` is a domain: its base type and constraints. */
  domain?: { name: string; baseType: string; checks: string[] };
  stats?: FieldStats;
  /** A view column that is a plain reference to another column (renamed or not): that column. */
  lineage?: FieldLineage;
}

/**
 * Where a view column's values come from: the table column (or, when the chain cannot be
 * followed further, the view column) it reads unchanged. Expressions, aggregates, set
 * operations and subqueries have none.
 */
export interface FieldLineage {
  ref: DatasetRef;
  field: string;
  /**
   * The base column's own planner statistics, not the view's: the view may filter, join or
   * repeat rows. Never says that values are unique (a join can repeat a unique value).
   */
  stats?: FieldStats;
}

export interface KeyConstraint {
  name: string;
  kind: "primary" | "unique";
  fields: string[];
  onPartitions?: DeclaredOnPartitions;
}

/**
 * A key, foreign key, check or index of a partitioned table declared on its partitions one by
 * one rather than on the table itself (older schemas, partition managers). It is folded into
 * the table, once, under the name it has on the first partition that declares it.
 */
export interface DeclaredOnPartitions {
  /** How many leaf partitions declare it, out of `of`. */
  partitions: number;
  of: number;
}

export interface ForeignKey {
  name: string;
  /** The referencing object (for incoming keys) or this object (for outgoing ones). */
  from: DatasetRef;
  fromFields: string[];
  to: DatasetRef;
  toFields: string[];
  onUpdate?: string;
  onDelete?: string;
  onPartitions?: DeclaredOnPartitions;
}

export interface CheckConstraint {
  name: string;
  expression: string;
  onPartitions?: DeclaredOnPartitions;
}

export interface Index {
  name: string;
  /** btree, hash, gin, gist, brin, … */
  method: string;
  unique: boolean;
  primary: boolean;
  /** Column names or, for expression indexes, the expressions. */
  columns: string[];
  /** WHERE clause of a partial index (documents: the partialFilterExpression as JSON). */
  predicate?: string;
  definition: string;
  /** Document indexes: each key with its kind (`1`, `-1`, `text`, `2dsphere`, `hashed`). */
  keys?: Array<{ field: string; kind: string }>;
  /** Document indexes: skips documents without the field. */
  sparse?: boolean;
  /** TTL indexes: documents expire this many seconds after the indexed date. */
  expireAfterSeconds?: number;
  /** A unique one is unique within each partition only. */
  onPartitions?: DeclaredOnPartitions;
}

export interface Partition {
  name: string;
  ref: DatasetRef;
  bound: string;
}

/** One table, view, DynamoDB table or collection, as extracted. */
export interface Dataset {
  ref: DatasetRef;
  kind: DatasetKind;
  /** The engine's word for it, for display: "table", "partitioned table", "foreign table". */
  objectType: string;
  comment?: string;
  /** An ARN, or a credential-free URI. */
  resource: string;
  fields: Field[];
  keys: KeyConstraint[];
  foreignKeys: ForeignKey[];
  referencedBy: ForeignKey[];
  checks: CheckConstraint[];
  indexes: Index[];
  /** Triggers in name order; absent for sources that have none or do not read them. */
  triggers?: Trigger[];
  partitionKey?: string;
  partitions: Partition[];
  viewDefinition?: string;
  /**
   * A PostgreSQL materialized view created WITH NO DATA and never refreshed: it holds nothing
   * and reading it fails until REFRESH MATERIALIZED VIEW runs.
   */
  notPopulated?: boolean;
  /** Views: the tables and views their query reads, by name order. */
  reads?: DatasetRef[];
  stats?: DatasetStats;
  usage?: DatasetUsage;
  /** AWS resource tags and the like: machine tags. */
  tags: string[];
  /** Key-value tables (DynamoDB): the key design, indexes and table settings. */
  keyValue?: KeyValueFacts;
  /** Document collections (DocumentDB, MongoDB): validator and collection options. */
  document?: DocumentCollectionFacts;
  /** Tables over files in object storage (Glue Data Catalog, Redshift Spectrum). */
  storage?: StorageFacts;
  /** Columnar warehouse layout (Redshift): distribution and sort keys, sort and stats health. */
  warehouse?: WarehouseFacts;
  /** Concepts of other sources in the same bundle that this one is about (Spectrum → Glue). */
  linked?: LinkedConcept[];
  /**
   * Parts of this dataset's facts that this run could not observe (a denied optional call, a
   * lock or statement timeout, a lost connection). They are unknown, not absent: the pipeline
   * keeps their last known state in the file and reports the dataset as a partial failure.
   */
  unobserved?: UnobservedFacts[];
}

/**
 * What could not be read: `sample` (the profile and every value-based finding), `indexes`,
 * `tags` (resource tags), `settings` (key-value table settings such as TTL, PITR, streams),
 * `statistics` (column statistics a catalog keeps for a source that is never sampled: Glue).
 */
export type UnobservedPart = "sample" | "indexes" | "tags" | "settings" | "statistics";

export interface UnobservedFacts {
  part: UnobservedPart;
  /**
   * A fixed sentence okf wrote, never a server's or driver's message (those can quote data):
   * "permission denied (SQLSTATE 42501)", "the connection was lost", "ListTagsOfResource was denied".
   */
  reason: string;
}

/**
 * How a sample ended, final once its iteration has: `read` with how the records were taken (it
 * reads naturally after "figures from": "TABLESAMPLE SYSTEM (0.2%) REPEATABLE, capped at 10,000
 * rows"); `not_read` when okf chose not to read it (a foreign table, a view too costly to run,
 * a materialized view never populated), with why; `failed` when it was meant to be read and
 * could not be (permission denied, a timeout, a lost connection), with the fixed reason (see
 * `UnobservedFacts.reason`). A failed sample makes its dataset's profile and value-based
 * findings unknown this run; its records, if any came, are dropped.
 */
export type SampleOutcome =
  | {
      status: "read";
      method: string;
      /**
       * The records read are every record of the dataset (a read that ended before its cap,
       * with no sampling fraction leaving rows out), so its ranges and value lists are the
       * dataset's own, not only the sample's.
       */
      complete: boolean;
    }
  | { status: "not_read"; reason: string }
  | { status: "failed"; reason: string };

/**
 * The records of one bounded sample, read once. A sampler that would not or could not read
 * anything yields no records and says why in its outcome; it does not throw, so the dataset's
 * catalog facts are still written.
 */
export interface RecordSample extends AsyncIterable<Record<string, unknown>> {
  /** Final once iteration has ended. */
  outcome(): SampleOutcome;
  /**
   * The source's own name for a value's type (DynamoDB: S, N, B, BOOL, M, L, SS, NS, BS, NULL),
   * counted per field in `FieldProfile.nativeTypes` when given.
   */
  nativeType?: (value: unknown) => string;
}

/** A part of a source that could not be read; the rest of the run goes on. */
export interface ExtractionFailure {
  /**
   * The object or schema that failed; absent when the whole source failed. A whole schema (or
   * database) is scoped with `name: "*"`, e.g. `{ database, schema, name: "*" }`.
   */
  scope?: DatasetRef;
  message: string;
  hint?: string;
}
