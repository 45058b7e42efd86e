/**
 * The catalog queries: a fixed set per database, whatever the number of tables. None takes a
 * parameter and nothing is ever concatenated into them: each reads the whole (small) system view
 * once, and include/exclude are applied in the client (Redshift's leader node has no array
 * parameters to filter with).
 *
 * Names are unqualified on purpose: Redshift searches `pg_catalog` first, where these views
 * live, unless a role's search_path lists it explicitly later. Only views and catalog columns
 * that Redshift documents are read: svv_tables, svv_columns, svv_table_info,
 * svv_external_schemas, svv_external_tables, svv_external_columns, svv_mv_info, pg_views,
 * pg_namespace, pg_class and pg_attribute (with Redshift's attisdistkey and attsortkeyord), and
 * information_schema's constraint views.
 */

/** svv_table_info is visible only to superusers unless SELECT on it is granted. */
export const identityQuery = `
SELECT current_database() AS "database", current_user AS "role",
       has_table_privilege('svv_table_info', 'select') AS "tableInfoReadable"`;

export const schemasQuery = `
SELECT nspname AS "schema", has_schema_privilege(nspname, 'usage') AS "usable"
FROM pg_namespace`;

/** Local tables and views, and external (Spectrum and federated) tables. */
export const tablesQuery = `
SELECT table_schema AS "schema", table_name AS "name", table_type AS "tableType",
       remarks AS "comment"
FROM svv_tables`;

/** Covers late-binding views and external tables too, which pg_attribute does not. */
export const columnsQuery = `
SELECT table_schema AS "schema", table_name AS "table", column_name AS "name",
       ordinal_position AS "position", data_type AS "dataType",
       character_maximum_length AS "maxLength", numeric_precision AS "precision",
       numeric_scale AS "scale", is_nullable AS "nullable", column_default AS "defaultExpr",
       remarks AS "comment"
FROM svv_columns`;

/** One row per user table or materialized view holding at least one row. */
export const tableInfoQuery = `
SELECT "schema", "table", diststyle, sortkey1, sortkey_num AS "sortkeyNum", encoded,
       unsorted::float8 AS unsorted, stats_off::float8 AS "statsOff",
       tbl_rows::float8 AS "tblRows", estimated_visible_rows::float8 AS "visibleRows",
       size::float8 AS size, skew_rows::float8 AS "skewRows"
FROM svv_table_info`;

/** pg_table_def would only show schemas on the search_path; pg_attribute shows them all. */
export const keyColumnsQuery = `
SELECT n.nspname AS "schema", c.relname AS "table", a.attname AS "column",
       a.attisdistkey AS "distKey", a.attsortkeyord AS "sortKeyOrder"
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'r' AND a.attnum > 0 AND (a.attisdistkey OR a.attsortkeyord <> 0)`;

/**
 * Primary, unique and foreign keys (informational on Redshift: declared, not enforced). A
 * foreign key names the unique constraint it references; its columns are matched by position
 * in the client.
 */
export const constraintsQuery = `
SELECT k.table_schema AS "schema", k.table_name AS "table", k.constraint_name AS "name",
       t.constraint_type AS "kind", k.column_name AS "column", k.ordinal_position AS "position",
       r.unique_constraint_schema AS "refConstraintSchema",
       r.unique_constraint_name AS "refConstraintName"
FROM information_schema.table_constraints t
JOIN information_schema.key_column_usage k
  ON k.constraint_schema = t.constraint_schema AND k.constraint_name = t.constraint_name
 AND k.table_schema = t.table_schema AND k.table_name = t.table_name
LEFT JOIN information_schema.referential_constraints r
  ON r.constraint_schema = t.constraint_schema AND r.constraint_name = t.constraint_name
WHERE t.constraint_type IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')`;

/**
 * A late-binding view's definition is its whole CREATE VIEW statement, ending in
 * `WITH NO SCHEMA BINDING`; a regular view's is its SELECT.
 */
export const viewsQuery = `
SELECT schemaname AS "schema", viewname AS "name", definition
FROM pg_views`;

export const externalSchemasQuery = `
SELECT schemaname AS "schema", databasename AS "externalDatabase", eskind::int AS "kind"
FROM svv_external_schemas`;

/**
 * These two also list tables of other databases, for cross-database queries: the client keeps
 * the connected database's rows.
 */
export const externalTablesQuery = `
SELECT redshift_database_name AS "database", schemaname AS "schema", tablename AS "name",
       location,
       input_format AS "inputFormat", output_format AS "outputFormat",
       serialization_lib AS "serde", serde_parameters AS "serdeParameters",
       compressed, parameters
FROM svv_external_tables`;

export const partitionKeysQuery = `
SELECT redshift_database_name AS "database", schemaname AS "schema", tablename AS "table",
       columnname AS "column", part_key AS "position"
FROM svv_external_columns
WHERE part_key > 0`;

/** char(128) columns: the client trims the padding. */
export const materializedViewsQuery = `
SELECT database_name AS "database", schema_name AS "schema", name AS "name"
FROM svv_mv_info`;
