/**
 * The catalog queries: a fixed set per database, whatever the number of tables. Each one reads
 * every planned relation at once, selected by `$1::oid[]`; nothing user-controlled is ever
 * concatenated into this text.
 *
 * Relations someone holds (or waits for) an ACCESS EXCLUSIVE lock on get no size:
 * `pg_total_relation_size` would queue behind that lock until `lock_timeout` failed the whole
 * query. `lock_timeout` still covers a lock taken between the check and the call.
 *
 * The deparsing functions (`pg_get_viewdef`, `pg_get_expr`, `pg_get_indexdef`,
 * `pg_get_partkeydef`, `pg_partition_tree`) take a lock too. When one of them hit
 * `lock_timeout`, the catalog is read again with `$3` (avoid locks) set: the relations query
 * then marks every relation that a deparse would wait for as `locked`, reads nothing that locks
 * for those, and the later queries leave them out (read-catalog.ts).
 */

const exclusivelyLocked = `
  exclusively_locked AS (
    SELECT l.relation FROM pg_locks l
    WHERE l.locktype = 'relation' AND l.mode = 'AccessExclusiveLock'
      AND l.database = (SELECT d.oid FROM pg_database d WHERE d.datname = current_database()))`;

/** The root of the partition tree a relation belongs to; the relation itself outside one. */
const treeRoot = (relation: string): string =>
  `coalesce(pg_partition_root(${relation}::regclass), ${relation})`;

/**
 * The columns of a partitioned table's partition key, in order; "" for an expression. Empty for
 * any other relation.
 */
const partitionColumns = (relation: string): string => `
  ARRAY(SELECT coalesce(a.attname::text, '') FROM pg_partitioned_table pt
        CROSS JOIN LATERAL unnest(pt.partattrs::int2[]) WITH ORDINALITY AS u(num, ord)
        LEFT JOIN pg_attribute a ON a.attrelid = pt.partrelid AND a.attnum = u.num
        WHERE pt.partrelid = ${relation} ORDER BY u.ord)`;

/**
 * The tables and views a view's query reads, from the dependencies of its rewrite rule (a
 * partition stands for its partitioned table): two arrays in the same order, schema and name.
 */
const viewReads = (view: string): string => `
  SELECT array_agg(s ORDER BY s, n) AS schemas, array_agg(n ORDER BY s, n) AS names
  FROM (SELECT DISTINCT bn.nspname::text AS s, b.relname::text AS n
        FROM pg_rewrite r
        JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid
          AND d.refclassid = 'pg_class'::regclass AND d.refobjid <> r.ev_class
        JOIN pg_class b ON b.oid = ${treeRoot("d.refobjid")}
        JOIN pg_namespace bn ON bn.oid = b.relnamespace
        WHERE r.ev_class = ${view}.oid AND b.relkind IN ('r', 'p', 'v', 'm', 'f')) AS base`;

/**
 * `statsReset`: when the database's activity statistics were last reset (any reset, down to a
 * single table's, moves it), so that okf's record of its own reads starts over then.
 */
export const identityQuery = `
SELECT current_database() AS database, current_user AS role,
       current_setting('server_version_num')::int AS "serverVersion",
       (SELECT s.stats_reset::text FROM pg_stat_database s
        WHERE s.datname = current_database()) AS "statsReset"`;

/**
 * $1: include regexes, $2: exclude regexes, matched against `<schema>.<table>` (glob-filter.ts);
 * $3: 1 to avoid locks, else 0 (an integer: a boolean does not survive the RDS Data API path).
 * `extension`: the extension that owns the relation (`pg_depend` deptype 'e'), if any.
 * A relation is `locked` when it, a relation its view definition reads, one of its partitions
 * or one of its indexes is held or awaited in ACCESS EXCLUSIVE mode.
 */
export const relationsQuery = `
WITH RECURSIVE ${exclusivelyLocked},
locked_or_above(relid) AS (
  SELECT relation FROM exclusively_locked WHERE $3::int = 1
  UNION SELECT i.indrelid FROM pg_index i
    WHERE $3::int = 1 AND i.indexrelid IN (SELECT relation FROM exclusively_locked)
  UNION SELECT i.inhparent FROM pg_inherits i JOIN locked_or_above u ON i.inhrelid = u.relid),
candidates AS (
  SELECT c.oid, c.relname, c.relkind, c.reltuples, c.relispopulated, n.nspname,
         (SELECT e.extname FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid
          WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
            AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e') AS extension,
         has_schema_privilege(n.oid, 'USAGE') AS usable,
         translate(n.nspname || '.' || c.relname, '/', chr(1)) AS qualified,
         $3::int = 1 AND (c.oid IN (SELECT relid FROM locked_or_above) OR EXISTS (
           SELECT 1 FROM pg_rewrite r
           JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid
             AND d.refclassid = 'pg_class'::regclass
           WHERE r.ev_class = c.oid
             AND d.refobjid IN (SELECT relation FROM exclusively_locked)) OR EXISTS (
           SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid
             AND i.indexrelid IN (SELECT relation FROM exclusively_locked))) AS locked
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT c.relispartition
    AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema')
SELECT c.oid, c.nspname AS schema, c.relname AS name, c.relkind AS kind, c.extension::text,
       c.usable AS "schemaUsable", c.locked,
       CASE WHEN c.usable THEN obj_description(c.oid, 'pg_class') END AS comment,
       c.reltuples::float8 AS reltuples,
       CASE WHEN c.relkind = 'm' THEN c.relispopulated END AS populated,
       CASE WHEN c.usable AND c.relkind IN ('r', 'm', 'f')
                 AND c.oid NOT IN (SELECT relation FROM exclusively_locked)
            THEN pg_total_relation_size(c.oid)::float8 END AS "sizeBytes",
       CASE WHEN c.usable AND NOT c.locked AND c.relkind = 'p'
            THEN pg_get_partkeydef(c.oid) END AS "partitionKey",
       ${partitionColumns("c.oid")} AS "partitionColumns",
       CASE WHEN c.usable AND NOT c.locked AND c.relkind IN ('v', 'm')
            THEN pg_get_viewdef(c.oid, true) END AS "viewDefinition",
       coalesce(v.schemas, '{}') AS "readsSchemas", coalesce(v.names, '{}') AS "readsNames"
FROM candidates c
LEFT JOIN LATERAL (${viewReads("c")}) AS v ON c.usable AND c.relkind IN ('v', 'm')
WHERE (cardinality($1::text[]) = 0 OR EXISTS (
        SELECT 1 FROM unnest($1::text[]) AS p(re) WHERE c.qualified ~ p.re))
  AND NOT EXISTS (SELECT 1 FROM unnest($2::text[]) AS p(re) WHERE c.qualified ~ p.re)`;

export const columnsQuery = `
SELECT a.attrelid AS relid, a.attnum AS num, a.attname AS name,
       format_type(a.atttypid, a.atttypmod) AS type, a.atttypid AS "typeOid",
       a.attnotnull AS "notNull", a.attidentity AS identity,
       CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, d.adrelid, true) END AS "defaultExpr",
       CASE WHEN a.attgenerated <> '' THEN pg_get_expr(d.adbin, d.adrelid, true) END AS "generatedExpr",
       col_description(a.attrelid, a.attnum) AS comment
FROM pg_attribute a
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE a.attrelid = ANY($1::oid[]) AND a.attnum > 0 AND NOT a.attisdropped`;

/**
 * $1: the planned views. Each one's stored query (the action of its `_RETURN` rule) as
 * node-tree text, read for the origin of each output column (view-targets.ts).
 */
export const viewQueriesQuery = `
SELECT r.ev_class AS relid, r.ev_action::text AS action
FROM pg_rewrite r
WHERE r.ev_class = ANY($1::oid[]) AND r.rulename = '_RETURN'`;

/**
 * $1: the planned views. Every column their rules depend on, with its relation's schema and
 * name; a partition's column is named by its partitioned table, as in `viewReads`.
 */
export const viewColumnDependenciesQuery = `
SELECT DISTINCT d.refobjid AS relid, d.refobjsubid::int AS num, bn.nspname AS schema,
       b.relname AS name, a.attname AS column
FROM pg_rewrite r
JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid
  AND d.refclassid = 'pg_class'::regclass AND d.refobjid <> r.ev_class AND d.refobjsubid > 0
JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
JOIN pg_class b ON b.oid = ${treeRoot("d.refobjid")}
JOIN pg_namespace bn ON bn.oid = b.relnamespace
WHERE r.ev_class = ANY($1::oid[]) AND r.rulename = '_RETURN'`;

/** Domains and enums used by the planned columns. */
export const typesQuery = `
SELECT t.oid, t.typtype AS kind, format_type(t.oid, NULL) AS name,
       CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END AS "baseType",
       ARRAY(SELECT pg_get_expr(k.conbin, 0, true) FROM pg_constraint k
             WHERE k.contypid = t.oid AND k.contype = 'c' ORDER BY k.conname)::text[] AS checks,
       ARRAY(SELECT e.enumlabel::text FROM pg_enum e
             WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS "enumValues"
FROM pg_type t
WHERE t.typtype IN ('d', 'e') AND t.oid IN (
  SELECT a.atttypid FROM pg_attribute a
  WHERE a.attrelid = ANY($1::oid[]) AND a.attnum > 0 AND NOT a.attisdropped)`;

const columnNames = (keys: string, relation: string): string => `
  ARRAY(SELECT a.attname::text FROM unnest(${keys}) WITH ORDINALITY AS u(num, ord)
        JOIN pg_attribute a ON a.attrelid = ${relation} AND a.attnum = u.num
        ORDER BY u.ord)`;

/**
 * Keys and checks declared on the planned relations or on their partitions ($1 holds both),
 * and foreign keys to them. Constraints that PostgreSQL clones onto partitions (`conparentid <> 0`)
 * are left out: the parent's one says it. One declared on a partition itself (older schemas,
 * partition managers) belongs to the partition tree's root, `owner`; a foreign key to a
 * partition points at its root too, so that a partition never stands as a table of its own.
 */
export const constraintsQuery = `
SELECT k.conname AS name, k.contype AS kind, k.conrelid AS relid, o.oid AS "ownerRelid",
       rn.nspname AS "relSchema", o.relname AS "relName",
       coalesce(f.oid, 0) AS "refRelid", fn.nspname AS "refSchema", f.relname AS "refName",
       ${columnNames("k.conkey", "k.conrelid")} AS columns,
       ${columnNames("k.confkey", "k.confrelid")} AS "refColumns",
       k.confupdtype AS "onUpdate", k.confdeltype AS "onDelete",
       CASE WHEN k.contype = 'c' THEN pg_get_expr(k.conbin, k.conrelid, true) END AS expression
FROM pg_constraint k
JOIN pg_class o ON o.oid = ${treeRoot("k.conrelid")}
JOIN pg_namespace rn ON rn.oid = o.relnamespace
LEFT JOIN pg_class f ON k.confrelid <> 0 AND f.oid = ${treeRoot("k.confrelid")}
LEFT JOIN pg_namespace fn ON fn.oid = f.relnamespace
WHERE k.contype IN ('p', 'u', 'f', 'c') AND k.conparentid = 0 AND k.conrelid <> 0
  AND (k.conrelid = ANY($1::oid[]) OR (k.contype = 'f' AND f.oid = ANY($1::oid[])))`;

/**
 * Indexes of the planned relations and of their partitions ($1 holds both). An index that
 * PostgreSQL created on a partition for its parent's index (`relispartition`) is left out: the
 * parent's one says it. Key columns by name, or the expression for expression columns (`indkey`
 * entry 0).
 */
export const indexesQuery = `
SELECT i.indrelid AS relid, x.relname AS name, am.amname AS method,
       i.indisunique AS "isUnique", i.indisprimary AS "isPrimary",
       pg_get_indexdef(i.indexrelid) AS definition,
       pg_get_expr(i.indpred, i.indrelid, true) AS predicate,
       ARRAY(SELECT CASE WHEN i.indkey[s.k - 1] = 0 THEN pg_get_indexdef(i.indexrelid, s.k, true)
                         ELSE a.attname::text END
             FROM generate_series(1, i.indnkeyatts) AS s(k)
             LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[s.k - 1]
             ORDER BY s.k) AS columns
FROM pg_index i
JOIN pg_class x ON x.oid = i.indexrelid
JOIN pg_am am ON am.oid = x.relam
WHERE i.indrelid = ANY($1::oid[]) AND NOT x.relispartition`;

/** Every partition below the planned partitioned tables, sub-partitions included. */
export const partitionsQuery = `
WITH ${exclusivelyLocked}
SELECT r.root, t.relid::oid AS relid, t.parentrelid::oid AS "parentRelid", t.isleaf AS "isLeaf",
       n.nspname AS schema, c.relname AS name, pg_get_expr(c.relpartbound, c.oid, true) AS bound,
       c.reltuples::float8 AS reltuples, ${partitionColumns("c.oid")} AS "partitionColumns",
       CASE WHEN c.relkind IN ('r', 'f') AND c.oid NOT IN (SELECT relation FROM exclusively_locked)
            THEN pg_total_relation_size(c.oid)::float8 END AS "sizeBytes"
FROM unnest($1::oid[]) AS r(root)
CROSS JOIN LATERAL pg_partition_tree(r.root::regclass) AS t
JOIN pg_class c ON c.oid = t.relid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE t.level > 0`;

/**
 * Planner statistics per column. A partitioned table's statistics cover its partitions and are
 * stored as `inherited`; a plain table's are not.
 */
export const fieldStatsQuery = `
SELECT c.oid AS relid, s.attname::text AS name,
       s.null_frac::float8 AS "nullFraction", s.n_distinct::float8 AS "nDistinct"
FROM pg_stats s
JOIN pg_namespace n ON n.nspname = s.schemaname
JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = s.tablename
WHERE c.oid = ANY($1::oid[]) AND s.inherited = (c.relkind = 'p')`;

/** $1: the planned relations and all their partitions. */
export const usageQuery = `
SELECT u.relid, u.seq_scan::float8 AS "seqScans", u.idx_scan::float8 AS "idxScans",
       u.n_tup_ins::float8 AS inserts, u.n_tup_upd::float8 AS updates,
       u.n_tup_del::float8 AS deletes, u.n_live_tup::float8 AS "liveRows",
       u.n_dead_tup::float8 AS "deadRows",
       u.last_analyze AS "lastAnalyze", u.last_autoanalyze AS "lastAutoanalyze",
       u.last_vacuum AS "lastVacuum", u.last_autovacuum AS "lastAutovacuum"
FROM pg_stat_user_tables u
WHERE u.relid = ANY($1::oid[])`;

/**
 * Triggers of the planned relations and of their partitions ($1 holds both): not the internal
 * ones (a foreign key's), nor the copies PostgreSQL makes on each partition of a partitioned
 * table's trigger (`tgparentid`, PostgreSQL 13+; on 12 the copies are internal). Names, timing,
 * events and the function only: never the function's body.
 */
export const triggersQuery = `
SELECT t.tgrelid AS relid, t.tgname::text AS name, t.tgtype::int AS type,
       t.tgenabled::text AS enabled, pn.nspname::text AS "functionSchema",
       p.proname::text AS "functionName"
FROM pg_trigger t
JOIN pg_proc p ON p.oid = t.tgfoid
JOIN pg_namespace pn ON pn.oid = p.pronamespace
WHERE t.tgrelid = ANY($1::oid[]) AND NOT t.tgisinternal
  AND coalesce((to_jsonb(t) ->> 'tgparentid')::oid, 0) = 0`;
