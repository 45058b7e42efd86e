import pg from "pg";
import { commentsSql } from "./comments-sql.js";
import { dataSql } from "./data-sql.js";
import { schemaSql } from "./schema-sql.js";
import { viewsSql } from "./views-sql.js";

/**
 * ANALYZE fills pg_class.reltuples and pg_stats. The demo tables are far below the 30,000-row
 * sample ANALYZE takes at the default statistics target, so it reads every row and its results
 * do not depend on the engine's random seed.
 */
const analyzeSql = "ANALYZE;";

/** The demo CRM's SQL in the order it must run; each entry is one multi-statement batch. */
const demoSeedBatches: readonly string[] = [schemaSql, dataSql, viewsSql, commentsSql, analyzeSql];

/** The schemas the seed creates (the demo source covers exactly these). */
export const demoSchemas = ["sales", "finance", "legacy"] as const;

/** Creates and fills the demo CRM in an empty database, in one transaction. */
export async function seedDemoDatabase(connectionString: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("BEGIN");
    for (const batch of demoSeedBatches) await client.query(batch);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
