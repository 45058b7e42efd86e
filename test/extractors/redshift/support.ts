import { readFileSync } from "node:fs";
import { expect } from "vitest";
import { redshiftExtractor } from "../../../extractors/redshift/redshift-extractor.js";
import type { SourceExtraction } from "../../../extractors/extractor.js";
import {
  redshiftSourceSchema,
  type RedshiftSourceConfig,
} from "../../../extractors/redshift/config-schema.js";
import type { Dataset, ExtractionFailure, SampleOutcome } from "../../../src/model/index.js";
import { readSample } from "../../helpers/extract-datasets.js";
import {
  createTestDatabase,
  loadChinook,
  postgresServerAvailable,
  type TestDatabase,
} from "../../helpers/postgres-database.js";

const fixture = (name: string) =>
  readFileSync(new URL(`fixtures/${name}`, import.meta.url), "utf8");

/** The system-view stand-ins alone; tests add their own objects and literal layout rows. */
const catalogSql = fixture("redshift-catalog.sql");
/** Chinook plus a small warehouse on it (see fixtures/warehouse.sql). */
const warehouseSql = fixture("warehouse.sql");

/**
 * The stand-ins are found through the database's search_path, which PostgreSQL reads when a
 * connection starts; PGlite runs every connection in one backend that started before, so these
 * tests need a real server.
 */
export const serverUp = await postgresServerAvailable();
if (!serverUp) console.warn("Skipping Redshift extractor tests: no PostgreSQL server answers.");

/** A fresh database with the stand-ins and, unless `empty`, Chinook and the warehouse. */
export async function createRedshiftDatabase(
  prefix: string,
  options: { empty?: boolean } = {},
): Promise<TestDatabase> {
  const db = await createTestDatabase(prefix);
  // Chinook first: its unqualified CREATE TABLEs would land in the first schema of the
  // search_path that the stand-ins set for new connections.
  if (!options.empty) await loadChinook(db.url);
  await db.admin(catalogSql);
  if (!options.empty) await db.admin(warehouseSql);
  return db;
}

/** A config as the loader would produce it, defaults included. */
export function redshiftConfig(
  connection: string,
  overrides: Partial<Record<keyof RedshiftSourceConfig, unknown>> = {},
): RedshiftSourceConfig {
  return redshiftSourceSchema.parse({
    name: "warehouse",
    type: "redshift",
    connection,
    ...overrides,
  });
}

interface SampleResult {
  records: Record<string, unknown>[];
  outcome: SampleOutcome;
}

export interface ExtractionResult {
  extraction: SourceExtraction;
  datasets: Dataset[];
  failures: ExtractionFailure[];
  progress: string[];
  dataset: (schema: string, name: string) => Dataset;
  /** Each dataset's sample, read while the extraction was open (with `sampleRows` only). */
  sample: (schema: string, name: string) => SampleResult;
}

/**
 * Opens, reads every dataset and closes, as the pipeline does. With `sampleRows`, each
 * dataset's sample is read in turn while the connection is open, as the profiler does.
 */
export async function extractAll(
  config: RedshiftSourceConfig,
  options: { sampleRows?: number } = {},
): Promise<ExtractionResult> {
  const progress: string[] = [];
  const extraction = await redshiftExtractor.open(config, {
    profile: options.sampleRows !== undefined,
    concurrency: 2,
    onProgress: (message) => progress.push(message),
  });
  const datasets: Dataset[] = [];
  const failures: ExtractionFailure[] = [];
  const samples = new Map<Dataset, SampleResult>();
  try {
    for await (const item of extraction.items) {
      if (!("dataset" in item)) {
        failures.push(item.failure);
        continue;
      }
      const { dataset } = item;
      datasets.push(dataset);
      if (options.sampleRows !== undefined) {
        // Read whole, as the profiler would.
        const { records, outcome } = await readSample(extraction, dataset, options.sampleRows);
        samples.set(dataset, { records, outcome });
      }
    }
  } finally {
    await extraction.close();
  }
  const dataset = (schema: string, name: string) => {
    const found = datasets.find((d) => d.ref.schema === schema && d.ref.name === name);
    expect(found, `dataset ${schema}.${name}`).toBeDefined();
    return found as Dataset;
  };
  return {
    extraction,
    datasets,
    failures,
    progress,
    dataset,
    sample: (schema, name) => {
      const found = samples.get(dataset(schema, name));
      if (!found) throw new Error(`${schema}.${name} was not sampled`);
      return found;
    },
  };
}
