import type { EnrichedDataset } from "../model/index.js";
import type { ValueSamples } from "../profiler/profile-dataset.js";

/** Extra rules and allow-lists from `classification:` in the config. */
export type ClassificationOptions = Record<string, unknown>;

/**
 * The classify stage. Today it finds nothing; name and value rules producing SensitiveFindings
 * arrive with the classifier, behind this signature.
 */
export function classifyDataset(
  dataset: EnrichedDataset,
  _samples: ValueSamples,
  _options: ClassificationOptions,
): EnrichedDataset {
  return dataset;
}
