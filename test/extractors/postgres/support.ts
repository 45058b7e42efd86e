import { setTimeout as sleep } from "node:timers/promises";
import {
  postgresSourceSchema,
  type PostgresSourceConfig,
} from "../../../extractors/postgres/config-schema.js";
import { postgresExtractor } from "../../../extractors/postgres/postgres-extractor.js";
import type { TestDatabase } from "../../helpers/postgres-database.js";
import { extractAllBy, type ExtractionResult } from "../../helpers/extract-datasets.js";

/** A config as the loader would produce it, defaults included. */
export function postgresConfig(
  connection: string,
  overrides: Partial<Record<keyof PostgresSourceConfig, unknown>> = {},
): PostgresSourceConfig {
  return postgresSourceSchema.parse({ name: "test", type: "postgres", connection, ...overrides });
}

export type { ExtractionResult };

/** Opens, reads every dataset and closes, as the pipeline does. */
export function extractAll(config: PostgresSourceConfig): Promise<ExtractionResult> {
  return extractAllBy(postgresExtractor, config, "schema");
}

/**
 * Activity counters reach pg_stat_user_tables a moment after the writing session ends; waits
 * until `table` shows `inserts` inserted rows.
 */
export async function waitForInsertCounter(
  db: TestDatabase,
  table: string,
  inserts: number,
): Promise<void> {
  if (db.engine === "pglite") return; // PGlite keeps no activity counters.
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const [row] = await db.admin<{ n: string }>(
      "SELECT n_tup_ins AS n FROM pg_stat_user_tables WHERE relname = $1",
      [table],
    );
    if (Number(row?.n) >= inserts) return;
    await sleep(50);
  }
  throw new Error(`pg_stat_user_tables never showed ${inserts} inserts into ${table}`);
}
