/**
 * Facts only some kinds of source have: file layout (Glue, Spectrum), warehouse layout
 * (Redshift), document collections and key-value tables. Part of the metadata model (dataset.ts).
 */

import type { DatasetRef } from "./dataset.js";

/** Where and how the files behind a table are stored; no data values, only layout. */
export interface StorageFacts {
  /** `s3://bucket/prefix/` */
  location?: string;
  /** Open table format: `iceberg`, `delta`, `hudi`; `hive` for plain Hive tables; `governed`. */
  tableFormat?: string;
  /** Data format: `parquet`, `orc`, `avro`, `csv`, `json` (Glue's `classification` parameter). */
  dataFormat?: string;
  inputFormat?: string;
  outputFormat?: string;
  /** The SerDe's library class. */
  serde?: string;
  /** SerDe parameters that say how to read the data (delimiters, quote characters). */
  serdeParameters?: Record<string, string>;
  compressed?: boolean;
  /** Hive-style partition columns in order; they are also listed in `fields`. */
  partitionKeys: string[];
  /** ISO 8601 time of the table's last update, where the catalog keeps one (freshness). */
  updatedAt?: string;
  /** Where these facts come from, e.g. "GetTables". */
  source: string;
}

/** Columnar warehouse layout and health (Redshift `svv_table_info`). */
export interface WarehouseFacts {
  /** `EVEN`, `KEY`, `ALL`, `AUTO(ALL)`, `AUTO(KEY(customer_id))`, … as the engine says it. */
  distStyle?: string;
  distKey?: string;
  /** Sort key columns in order. */
  sortKeys: string[];
  sortKeyStyle?: "compound" | "interleaved" | "auto";
  /** 0..100: rows that are not in sort-key order. */
  unsortedPercent?: number;
  /** 0..100: how stale the planner statistics are (0 is current). */
  statsOffPercent?: number;
  /** Rows on the fullest slice divided by rows on the emptiest (distribution skew). */
  skewRows?: number;
  /** Whether any column has a compression encoding. */
  encoded?: boolean;
  source: string;
}

/** A concept of another source in the same bundle, e.g. the Glue table under a Spectrum table. */
export interface LinkedConcept {
  /** The other source's `name` in the config. */
  source: string;
  ref: DatasetRef;
  /** How this object relates to it, for display: "reads the Glue table". */
  relation: string;
}

export interface DocumentCollectionFacts {
  /** Fields the collection's `$jsonSchema` validator requires (dotted paths for nested ones). */
  requiredFields: string[];
  /** The validator as the server returned it, as JSON (no data values, only the schema). */
  validator?: string;
  validationLevel?: string;
  validationAction?: string;
  capped?: boolean;
  /** A view: the collection it reads and its pipeline as JSON. */
  viewOn?: string;
  pipeline?: string;
}

export interface KeyAttribute {
  name: string;
  /** S, N or B. */
  type: string;
}

export interface SecondaryIndex {
  kind: "global" | "local";
  name: string;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
  /** ALL, KEYS_ONLY, or INCLUDE with `projectedAttributes`. */
  projection: string;
  projectedAttributes?: string[];
  /** ACTIVE, CREATING, … (global indexes). */
  status?: string;
}

export interface KeyValueFacts {
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
  indexes: SecondaryIndex[];
  /** PROVISIONED or PAY_PER_REQUEST. */
  billingMode?: string;
  readCapacity?: number;
  writeCapacity?: number;
  stream?: { enabled: boolean; viewType?: string };
  /** The TTL attribute, when TTL is enabled (or being enabled). */
  ttlAttribute?: string;
  ttlStatus?: string;
  /** STANDARD or STANDARD_INFREQUENT_ACCESS. */
  tableClass?: string;
  /** "AWS owned key", "AWS managed key (KMS)", "customer managed key (KMS)". */
  encryption?: string;
  pointInTimeRecovery?: boolean;
  /** ACTIVE, UPDATING, … */
  status?: string;
}
