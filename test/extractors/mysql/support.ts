import {
  mysqlSourceSchema,
  type MysqlSourceConfig,
} from "../../../extractors/mysql/config-schema.js";
import type { DatasetProfile } from "../../../src/model/index.js";
import { profileDataset } from "../../../src/profiler/profile-dataset.js";
import { openMysqlExtraction } from "../../../extractors/mysql/mysql-extraction.js";
import { mysqlExtractor } from "../../../extractors/mysql/mysql-extractor.js";
import type { MysqlSession } from "../../../extractors/mysql/mysql-session.js";
import { extractAllBy, type ExtractionResult } from "../../helpers/extract-datasets.js";

/** A config as the loader would produce it, defaults included. */
export function mysqlConfig(
  connection: string,
  overrides: Partial<Record<keyof MysqlSourceConfig, unknown>> = {},
): MysqlSourceConfig {
  return mysqlSourceSchema.parse({ name: "test", type: "mysql", connection, ...overrides });
}

export type { ExtractionResult };

/** Opens, reads every dataset and closes, as the pipeline does. */
export function extractAll(config: MysqlSourceConfig): Promise<ExtractionResult> {
  return extractAllBy(mysqlExtractor, config, "database");
}

export interface Sampled {
  profiles: Map<string, DatasetProfile | undefined>;
  /** Why a sample that was meant to be read could not be (a `failed` `SampleOutcome`). */
  failures: Map<string, string>;
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
  const result: Sampled = { profiles: new Map(), failures: new Map(), progress, requestCount: 0 };
  try {
    for await (const item of extraction.items) {
      if (!("dataset" in item)) continue;
      const { dataset } = item;
      const sample = extraction.sample?.(dataset, sampleRows);
      const profiled = await profileDataset(dataset, sample, { sampleRows });
      result.profiles.set(dataset.ref.name, profiled.dataset.profile);
      const failed = profiled.dataset.unobserved?.find((fact) => fact.part === "sample");
      if (failed) result.failures.set(dataset.ref.name, failed.reason);
    }
  } finally {
    result.requestCount = extraction.requestCount();
    await extraction.close();
  }
  return result;
}

/** An extraction of `database` alone through `session` (a real one, wrapped), profiling on. */
export function openThroughSession(
  session: MysqlSession,
  database: string,
): ReturnType<typeof openMysqlExtraction> {
  return openMysqlExtraction(
    session,
    { name: "t", include: [], exclude: [], databases: [database] },
    { profile: true, concurrency: 1, onProgress: () => undefined },
  );
}
