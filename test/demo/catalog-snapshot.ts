import pg from "pg";

/**
 * Everything an extractor may read about the demo schemas from the catalog and the statistics
 * views, plus a digest of each table's rows in physical order (which drives samples).
 */
const snapshotQueries = {
  relations: `
    SELECT n.nspname, c.relname, c.relkind, c.oid::bigint AS oid, c.reltuples, c.relpages,
      c.relallvisible, pg_total_relation_size(c.oid) AS total_bytes,
      pg_relation_size(c.oid) AS heap_bytes, obj_description(c.oid, 'pg_class') AS comment
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname IN ('sales', 'finance', 'legacy')
    ORDER BY 1, 2`,
  columns: `
    SELECT table_schema, table_name, ordinal_position, column_name, data_type, udt_name,
      is_nullable, column_default, is_identity, is_generated, generation_expression
    FROM information_schema.columns
    WHERE table_schema IN ('sales', 'finance', 'legacy')
    ORDER BY 1, 2, 3`,
  descriptions: `
    SELECT d.objoid::bigint AS objoid, d.classoid::regclass::text AS catalog, d.objsubid,
      d.description
    FROM pg_description d
    JOIN pg_class c ON c.oid = d.objoid AND d.classoid = 'pg_class'::regclass
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname IN ('sales', 'finance', 'legacy')
    ORDER BY 1, 3`,
  constraints: `
    SELECT conrelid::regclass::text AS relation, conname, contype, pg_get_constraintdef(oid) AS def
    FROM pg_constraint
    WHERE connamespace IN (SELECT oid FROM pg_namespace WHERE nspname IN ('sales', 'finance', 'legacy'))
    ORDER BY 1, 2`,
  indexes: `
    SELECT schemaname, tablename, indexname, indexdef FROM pg_indexes
    WHERE schemaname IN ('sales', 'finance', 'legacy') ORDER BY 1, 2, 3`,
  plannerStats: `
    SELECT * FROM pg_stats WHERE schemaname IN ('sales', 'finance', 'legacy')
    ORDER BY schemaname, tablename, attname`,
  tableActivity: `
    SELECT * FROM pg_stat_user_tables WHERE schemaname IN ('sales', 'finance', 'legacy')
    ORDER BY schemaname, relname`,
  indexActivity: `
    SELECT * FROM pg_stat_user_indexes WHERE schemaname IN ('sales', 'finance', 'legacy')
    ORDER BY schemaname, relname, indexrelname`,
} as const;

export type CatalogSnapshot = Record<keyof typeof snapshotQueries | "rowDigests", unknown[]>;

export async function takeCatalogSnapshot(connectionString: string): Promise<CatalogSnapshot> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const snapshot: Partial<CatalogSnapshot> = {};
    for (const [name, sql] of Object.entries(snapshotQueries)) {
      snapshot[name as keyof typeof snapshotQueries] = (await client.query(sql)).rows;
    }
    snapshot.rowDigests = await rowDigests(client);
    return snapshot as CatalogSnapshot;
  } finally {
    await client.end();
  }
}

async function rowDigests(client: pg.Client): Promise<unknown[]> {
  const tables = await client.query<{ name: string }>(`
    SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables
    WHERE schemaname IN ('sales', 'finance', 'legacy') ORDER BY 1`);
  const digests: unknown[] = [];
  for (const { name } of tables.rows) {
    // `name` comes from format('%I.%I'), so it is a quoted identifier.
    const result = await client.query(
      `SELECT count(*) AS rows, md5(string_agg(t::text, E'\\n' ORDER BY t.ctid)) AS digest
       FROM ${name} AS t`,
    );
    digests.push({ name, ...result.rows[0] });
  }
  return digests;
}
