import { setTimeout as sleep } from "node:timers/promises";
import { expect } from "vitest";
import { postgresSourceSchema, type PostgresSourceConfig } from "../../../src/config/schema.js";
import type { Dataset } from "../../../src/model/index.js";
import { postgresExtractor } from "../../../extractors/postgres/postgres-extractor.js";
import type { SourceExtraction } from "../../../extractors/extractor.js";
import type { TestDatabase } from "../../helpers/postgres-database.js";

/** A config as the loader would produce it, defaults included. */
export function postgresConfig(
  connection: string,
  overrides: Partial<Record<keyof PostgresSourceConfig, unknown>> = {},
): PostgresSourceConfig {
  return postgresSourceSchema.parse({ name: "test", type: "postgres", connection, ...overrides });
}

export interface ExtractionResult {
  extraction: SourceExtraction;
  datasets: Dataset[];
  progress: string[];
  dataset: (schema: string, name: string) => Dataset;
}

/** Opens, reads every dataset and closes, as the pipeline does. */
export async function extractAll(config: PostgresSourceConfig): Promise<ExtractionResult> {
  const progress: string[] = [];
  const extraction = await postgresExtractor.open(config, {
    profile: false,
    concurrency: 2,
    onProgress: (message) => progress.push(message),
  });
  const datasets: Dataset[] = [];
  try {
    for await (const dataset of extraction.datasets) datasets.push(dataset);
  } finally {
    await extraction.close();
  }
  return {
    extraction,
    datasets,
    progress,
    dataset: (schema, name) => {
      const found = datasets.find((d) => d.ref.schema === schema && d.ref.name === name);
      expect(found, `dataset ${schema}.${name}`).toBeDefined();
      return found as Dataset;
    },
  };
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
