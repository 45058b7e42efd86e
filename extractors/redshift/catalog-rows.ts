/** Row shapes of the queries in catalog-queries.ts, as the `pg` driver returns them. */

export interface IdentityRow {
  database: string;
  role: string;
  /** Whether the role may read svv_table_info (superusers, or `GRANT SELECT` on it). */
  tableInfoReadable: boolean;
}

export interface SchemaRow {
  schema: string;
  usable: boolean;
}

/** `svv_tables.table_type`. */
type TableType = "BASE TABLE" | "VIEW" | "EXTERNAL TABLE";

export interface TableRow {
  schema: string;
  name: string;
  tableType: TableType;
  comment: string | null;
}

export interface ColumnRow {
  schema: string;
  table: string;
  name: string;
  position: number;
  dataType: string;
  maxLength: number | null;
  precision: number | null;
  scale: number | null;
  /** `YES` / `NO` for local tables; external columns may say `true`, `false` or nothing. */
  nullable: string | null;
  defaultExpr: string | null;
  comment: string | null;
}

/** One user table or materialized view with at least one row (svv_table_info). */
export interface TableInfoRow {
  schema: string;
  table: string;
  /** EVEN, ALL, KEY(column), AUTO(ALL), AUTO(EVEN), AUTO(KEY(column)). */
  diststyle: string | null;
  /** column, AUTO(SORTKEY), AUTO(SORTKEY(column)). */
  sortkey1: string | null;
  sortkeyNum: number | null;
  /** `Y` or `N`. */
  encoded: string | null;
  unsorted: number | null;
  statsOff: number | null;
  tblRows: number | null;
  visibleRows: number | null;
  /** In 1 MB blocks. */
  size: number | null;
  skewRows: number | null;
}

/** A distribution or sort key column (pg_attribute.attisdistkey / attsortkeyord). */
export interface KeyColumnRow {
  schema: string;
  table: string;
  column: string;
  distKey: boolean;
  /** Position in the sort key; negative for interleaved sort keys; 0 when not a sort key. */
  sortKeyOrder: number;
}

/** One column of a PRIMARY KEY, UNIQUE or FOREIGN KEY constraint (informational on Redshift). */
export interface ConstraintColumnRow {
  schema: string;
  table: string;
  name: string;
  kind: "PRIMARY KEY" | "UNIQUE" | "FOREIGN KEY";
  column: string;
  position: number;
  /** For a foreign key: the unique constraint it references. */
  refConstraintSchema: string | null;
  refConstraintName: string | null;
}

export interface ViewRow {
  schema: string;
  name: string;
  definition: string | null;
}

export interface ExternalSchemaRow {
  schema: string;
  /** The Glue (or Hive metastore, or federated) database behind the schema. */
  externalDatabase: string | null;
  /** 1 Glue Data Catalog, 2 Hive metastore, 3 PostgreSQL federated, 8 MySQL federated, … */
  kind: number;
}

/** Rows of views that span databases say which one they belong to. */
interface InDatabase {
  /** char(128) in svv_mv_info: padded with spaces. */
  database: string | null;
}

export interface ExternalTableRow extends InDatabase {
  schema: string;
  name: string;
  location: string | null;
  inputFormat: string | null;
  outputFormat: string | null;
  serde: string | null;
  /** JSON object text, e.g. `{"field.delim":","}`. */
  serdeParameters: string | null;
  compressed: number | null;
  /** JSON object text of the table properties, e.g. `{"classification":"parquet"}`. */
  parameters: string | null;
}

export interface PartitionKeyRow extends InDatabase {
  schema: string;
  table: string;
  column: string;
  position: number;
}

export interface MaterializedViewRow extends InDatabase {
  schema: string;
  name: string;
}
