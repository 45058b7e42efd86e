/**
 * How many rows a view's sample query would read, by the planner's plan (EXPLAIN FORMAT=JSON,
 * which does not run it). MariaDB gives no cost in that plan, and MySQL's `query_cost` does not
 * account for the LIMIT, so rows read are estimated from the per-table row estimates (`rows` on
 * MariaDB, `rows_examined_per_scan` on MySQL) on both: the same bound then holds on either.
 */
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Steps that need every row of their input before they return the first one. */
const blockingKeys = new Set([
  "filesort",
  "temporary_table",
  "grouping_operation",
  "duplicates_removal",
]);
/** Parts of a plan that are query blocks of their own, estimated separately. */
const nestedKeys = new Set(["query_block", "materialized", "query_specifications", "union_result"]);

interface BlockParts {
  tables: Json[];
  blocking: boolean;
  /** Derived tables (a view's own query) materialized in full before the outer read. */
  derived: { block: Json; rows: number }[];
  /** Unions under this block: every part read whole. */
  unions: Json[];
  subqueries: { block: Json; perRow: boolean }[];
}

function rowsOf(table: Json): number {
  const rows = table.rows ?? table.rows_examined_per_scan;
  return typeof rows === "number" && Number.isFinite(rows) ? Math.max(rows, 1) : 1;
}

function subqueryOf(item: unknown): { block: Json; perRow: boolean } | undefined {
  if (!isObject(item)) return undefined;
  const cache = item.expression_cache;
  const block = isObject(cache) ? cache.query_block : item.query_block;
  if (!isObject(block)) return undefined;
  // A correlated subquery runs once per row of its outer block (MariaDB caches it by value).
  const perRow = isObject(cache) || item.dependent === true || block.dependent === true;
  return { block, perRow };
}

function collect(node: unknown, parts: BlockParts): void {
  if (Array.isArray(node)) {
    for (const item of node) collect(item, parts);
    return;
  }
  if (!isObject(node)) return;
  if (node.using_filesort === true || node.using_temporary_table === true) parts.blocking = true;
  for (const [key, value] of Object.entries(node)) {
    if (blockingKeys.has(key)) parts.blocking = true;
    if (key === "table" && isObject(value)) {
      parts.tables.push(value);
      const inner = isObject(value.materialized) ? value.materialized.query_block : undefined;
      if (isObject(inner)) parts.derived.push({ block: inner, rows: rowsOf(value) });
    }
    if (key.endsWith("subqueries") && Array.isArray(value)) {
      for (const item of value) {
        const subquery = subqueryOf(item);
        if (subquery) parts.subqueries.push(subquery);
      }
      continue;
    }
    if (key === "union_result" && isObject(value)) parts.unions.push(value);
    if (nestedKeys.has(key)) continue;
    collect(value, parts);
  }
}

/** Rows one query block reads to return up to `limit` rows. */
function rowsRead(block: Json, limit: number): number {
  const parts: BlockParts = {
    tables: [],
    blocking: false,
    derived: [],
    unions: [],
    subqueries: [],
  };
  collect(block, parts);
  const joined = parts.tables.reduce((product, table) => product * rowsOf(table), 1);
  const produced = Math.min(joined, limit);
  let read = parts.blocking ? joined : produced;
  for (const derived of parts.derived) read += rowsRead(derived.block, derived.rows);
  for (const union of parts.unions) {
    const specifications = Array.isArray(union.query_specifications)
      ? union.query_specifications
      : [];
    for (const specification of specifications) {
      if (isObject(specification) && isObject(specification.query_block)) {
        read += rowsRead(specification.query_block, Number.POSITIVE_INFINITY);
      }
    }
  }
  for (const subquery of parts.subqueries) {
    read += rowsRead(subquery.block, Number.POSITIVE_INFINITY) * (subquery.perRow ? produced : 1);
  }
  return read;
}

/** The estimate from the one row of `EXPLAIN FORMAT=JSON`, or undefined when it has no plan. */
export function rowsReadEstimate(
  row: Record<string, unknown> | undefined,
  limit: number,
): number | undefined {
  const text = row?.EXPLAIN;
  const plan: unknown = typeof text === "string" ? JSON.parse(text) : text;
  if (!isObject(plan) || !isObject(plan.query_block)) return undefined;
  return rowsRead(plan.query_block, limit);
}

/**
 * The most rows a view's sample may read under `sample_views: auto`: twice the cap. A capped
 * projection of a table reads about the cap; an aggregate over a larger table, a sort of it or a
 * correlated subquery (one scan of its table per row) reads far more.
 */
export function viewRowBound(limit: number): number {
  return 2 * limit;
}
