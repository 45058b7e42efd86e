import * as catalog from "../postgres/catalog-queries.js";

/**
 * The PostgreSQL catalog queries split so that no Data API response outgrows its 1 MiB limit:
 * the relation list is read in keyset pages by oid, and each query that selects relations by
 * `$1::oid[]` runs once per page of those oids. The number of calls grows with the number of
 * relations divided by the page size, never with one call per table.
 */

export type Rows = Record<string, unknown>[];
export type RunStatement = (text: string, values: readonly unknown[]) => Promise<Rows>;

const byOidPages = new Set<string>([
  catalog.columnsQuery,
  catalog.typesQuery,
  catalog.constraintsQuery,
  catalog.indexesQuery,
  catalog.partitionsQuery,
  catalog.fieldStatsQuery,
  catalog.usageQuery,
  catalog.viewQueriesQuery,
  catalog.viewColumnDependenciesQuery,
  catalog.triggersQuery,
]);

/** The relations query, unchanged inside, one keyset page at a time ($3: last oid, $4: size). */
const relationsPage = `SELECT r.* FROM (${catalog.relationsQuery}) AS r
WHERE r.oid > $3::oid ORDER BY r.oid LIMIT $4`;

export function isPagedCatalogQuery(text: string): boolean {
  return text === catalog.relationsQuery || byOidPages.has(text);
}

async function relationPages(
  values: readonly unknown[],
  size: number,
  run: RunStatement,
): Promise<Rows> {
  const rows: Rows = [];
  let after = 0;
  for (;;) {
    const page = await run(relationsPage, [values[0], values[1], after, size]);
    rows.push(...page);
    const last = page.at(-1)?.oid;
    if (page.length < size || typeof last !== "number") return rows;
    after = last;
  }
}

/**
 * A foreign key between relations on two pages, or a domain used on two pages, comes back from
 * both; a row equal to one from an earlier page is that same object and is kept once. An empty
 * oid list selects nothing, so it costs no call.
 */
async function oidPages(
  text: string,
  values: readonly unknown[],
  size: number,
  run: RunStatement,
): Promise<Rows> {
  const [oids, ...rest] = values;
  if (!Array.isArray(oids)) throw new TypeError("A paged catalog query takes an oid[] first.");
  const rows: Rows = [];
  const earlier = new Set<string>();
  for (let start = 0; start < oids.length; start += size) {
    const page = await run(text, [oids.slice(start, start + size), ...rest]);
    const keys = page.map((row) => JSON.stringify(row));
    page.forEach((row, index) => {
      if (!earlier.has(keys[index] ?? "")) rows.push(row);
    });
    for (const key of keys) earlier.add(key);
  }
  return rows;
}

/** Runs one of the catalog queries page by page, `size` relations at a time. */
export function runPaged(
  text: string,
  values: readonly unknown[],
  size: number,
  run: RunStatement,
): Promise<Rows> {
  return text === catalog.relationsQuery
    ? relationPages(values, size, run)
    : oidPages(text, values, size, run);
}
