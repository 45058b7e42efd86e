import { expect } from "vitest";
import { SourceError } from "../../../src/errors.js";
import { mysqlSourceSchema } from "../../../src/config/sources/mysql-source.js";
import type { MysqlSourceConfig } from "../../../src/config/schema.js";
import type { Dataset, DatasetProfile } from "../../../src/model/index.js";
import { profileDataset } from "../../../src/profiler/profile-dataset.js";
import type { SourceExtraction } from "../../../extractors/extractor.js";
import { mysqlExtractor } from "../../../extractors/mysql/mysql-extractor.js";

/** A config as the loader would produce it, defaults included. */
export function mysqlConfig(
  connection: string,
  overrides: Partial<Record<keyof MysqlSourceConfig, unknown>> = {},
): MysqlSourceConfig {
  return mysqlSourceSchema.parse({ name: "test", type: "mysql", connection, ...overrides });
}

export interface ExtractionResult {
  extraction: SourceExtraction;
  datasets: Dataset[];
  progress: string[];
  dataset: (database: string, name: string) => Dataset;
}

/** Opens, reads every dataset and closes, as the pipeline does. */
export async function extractAll(config: MysqlSourceConfig): Promise<ExtractionResult> {
  const progress: string[] = [];
  const extraction = await mysqlExtractor.open(config, {
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
    dataset: (database, name) => {
      const found = datasets.find((d) => d.ref.database === database && d.ref.name === name);
      expect(found, `dataset ${database}.${name}`).toBeDefined();
      return found as Dataset;
    },
  };
}

export interface Sampled {
  profiles: Map<string, DatasetProfile | undefined>;
  progress: string[];
  requestCount: number;
}

/** Extracts with profiling on and profiles every dataset, as the pipeline does. */
export async function sampleAll(config: MysqlSourceConfig, sampleRows: number): Promise<Sampled> {
  const progress: string[] = [];
  const extraction = await mysqlExtractor.open(config, {
    profile: true,
    concurrency: 1,
    onProgress: (line) => progress.push(line),
  });
  const result: Sampled = { profiles: new Map(), progress, requestCount: 0 };
  try {
    for await (const dataset of extraction.datasets) {
      const profiled = await profileDataset(dataset, { enabled: true, sampleRows });
      result.profiles.set(dataset.ref.name, profiled.dataset.profile);
    }
  } finally {
    result.requestCount = extraction.requestCount();
    await extraction.close();
  }
  return result;
}

export async function rejection(promise: Promise<unknown>): Promise<Error> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

export async function sourceError(promise: Promise<unknown>): Promise<SourceError> {
  const error = await rejection(promise);
  if (!(error instanceof SourceError)) throw new Error(`expected a SourceError: ${error.message}`);
  return error;
}
