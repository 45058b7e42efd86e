import pg from "pg";
import { vi } from "vitest";
import { postgresExtractor } from "../../../extractors/postgres/postgres-extractor.js";
import type { PostgresSourceConfig } from "../../../extractors/postgres/config-schema.js";
import type { Dataset, DatasetProfile, FieldProfile } from "../../../src/model/index.js";
import { profileDataset } from "../../../src/profiler/profile-dataset.js";

/** The default `profile.sample_rows`. */
export const cap = 10_000;

export interface Sampled {
  profiles: Map<string, DatasetProfile | undefined>;
  /** Why a sample that was meant to be read could not be (a `failed` `SampleOutcome`). */
  failures: Map<string, string>;
  datasets: Map<string, Dataset>;
  samples: Map<string, ReadonlyMap<string, readonly string[]>>;
  progress: string[];
  requestCount: number;
}

/** Extracts with profiling on and profiles every dataset, as the pipeline does. */
export async function sampleAll(config: PostgresSourceConfig, sampleRows = cap): Promise<Sampled> {
  const progress: string[] = [];
  const extraction = await postgresExtractor.open(config, {
    profile: true,
    concurrency: 1,
    onProgress: (line) => progress.push(line),
  });
  const result: Sampled = {
    profiles: new Map(),
    failures: new Map(),
    datasets: new Map(),
    samples: new Map(),
    progress,
    requestCount: 0,
  };
  try {
    for await (const item of extraction.items) {
      if (!("dataset" in item)) continue;
      const { dataset } = item;
      const key = `${dataset.ref.schema ?? ""}.${dataset.ref.name}`;
      const sample = extraction.sample?.(dataset, sampleRows);
      const profiled = await profileDataset(dataset, sample, { sampleRows });
      result.profiles.set(key, profiled.dataset.profile);
      const failed = profiled.dataset.unobserved?.find((fact) => fact.part === "sample");
      if (failed) result.failures.set(key, failed.reason);
      result.datasets.set(key, dataset);
      result.samples.set(key, profiled.samples);
    }
  } finally {
    result.requestCount = extraction.requestCount();
    await extraction.close();
  }
  return result;
}

export function profileOf(sampled: Sampled, key: string): DatasetProfile {
  const profile = sampled.profiles.get(key);
  if (!profile) throw new Error(`no profile for ${key}`);
  return profile;
}

export function fieldOf(profile: DatasetProfile, path: string): FieldProfile {
  const field = profile.fields.find((f) => f.path === path);
  if (!field) throw new Error(`no field ${path}`);
  return field;
}

/** `client.query` takes the text, or a config object that holds it. */
function statementText(sent: unknown): string {
  if (typeof sent === "string") return sent;
  const text: unknown = typeof sent === "object" && sent !== null ? Reflect.get(sent, "text") : "";
  return typeof text === "string" ? text : "";
}

/** The SQL texts sent through `pg` while `work` runs. */
export async function sqlSentDuring(work: () => Promise<unknown>): Promise<string[]> {
  const query = vi.spyOn(pg.Client.prototype, "query");
  try {
    await work();
    return query.mock.calls.map(([sent]) => statementText(sent));
  } finally {
    query.mockRestore();
  }
}
