import type { Dataset, EnrichedDataset } from "../model/index.js";

export interface ProfileOptions {
  /** `--no-profile`: catalog facts only, no sampling. */
  enabled: boolean;
  /** Upper bound on sampled records (config `profile.sample_rows`). */
  sampleRows: number;
}

/**
 * Sampled values per field path, as strings, for the classifier's value rules. Bounded, kept in
 * memory for one dataset only, and never rendered.
 */
export type ValueSamples = ReadonlyMap<string, readonly string[]>;

export interface ProfiledDataset {
  dataset: EnrichedDataset;
  samples: ValueSamples;
}

/**
 * The profile stage. Today it passes catalog facts through; sampling the dataset's bounded
 * `sample()` into per-field profiles arrives with the profiler, behind this signature.
 */
export function profileDataset(dataset: Dataset, _options: ProfileOptions): Promise<ProfiledDataset> {
  return Promise.resolve({ dataset: { ...dataset, findings: [] }, samples: new Map() });
}
