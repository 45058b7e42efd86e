import { OkfError } from "../errors.js";
import type { Dataset, EnrichedDataset, RecordSample } from "../model/index.js";
import { MapKeys } from "./map-keys.js";
import { RecordProfiler } from "./record-profiler.js";
import { RecordVariantFinder } from "./record-variants.js";

/**
 * Records held back until the map paths are decided from them, so that every record, these
 * included, is profiled with the same paths. The default document sample fits in it whole.
 */
const mapWarmupRecords = 1_000;
/** Relational rows are not schemaless: their top-level keys are columns, never map keys. */
const schemaless: readonly Dataset["kind"][] = ["nosql_table", "document_collection"];

export interface ProfileOptions {
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
 * The profile stage, the same for every source: reads at most `sampleRows` records of the
 * dataset's sample (the extraction's `sample(dataset)`) and profiles every field path found in
 * them. Without a sample (the source cannot sample, or `--no-profile`), nothing is read and the
 * dataset has no profile.
 *
 * Statistics first: the profile says what the engine's statistics cannot (type mix, shapes,
 * lengths, ranges, valid values). Where a field also has planner statistics (`field.stats`),
 * those remain the figures for null rates and distinct counts; the renderer picks them first.
 *
 * When the records are of several kinds (single-table key prefixes, a `type` attribute), each
 * kind is profiled again on its own, without values, into `profile.variants`.
 *
 * Objects used as maps (ids or dates as keys) give one `<key>` path instead of one per key;
 * the first `mapWarmupRecords` records decide which, before any is profiled (see `MapKeys`).
 */
export async function profileDataset(
  dataset: Dataset,
  sample: RecordSample | undefined,
  options: ProfileOptions,
): Promise<ProfiledDataset> {
  const enriched: EnrichedDataset = { ...dataset, findings: [] };
  if (sample === undefined) return { dataset: enriched, samples: new Map() };
  const nativeType = sample.nativeType?.bind(sample);
  const mapKeys = new MapKeys({ collapseTopLevel: schemaless.includes(dataset.kind) });
  const profiler = new RecordProfiler({ nativeType, mapKeys });
  const variantFinder = new RecordVariantFinder(dataset, { nativeType, mapKeys });
  const warmup: Record<string, unknown>[] = [];
  const profileWarmup = (): void => {
    mapKeys.freeze();
    for (const record of warmup) {
      profiler.add(record);
      variantFinder.add(record);
    }
    warmup.length = 0;
  };
  let read = 0;
  try {
    if (options.sampleRows > 0) {
      for await (const record of sample) {
        read += 1;
        if (read <= mapWarmupRecords) {
          warmup.push(record);
          mapKeys.observe(record);
          if (read === mapWarmupRecords) profileWarmup();
        } else {
          profiler.add(record);
          variantFinder.add(record);
        }
        if (read >= options.sampleRows) break;
      }
    }
  } catch (error) {
    // Samplers report what they could not read through their outcome; one that throws a typed
    // error anyway costs this dataset its profile, not the run.
    if (!(error instanceof OkfError)) throw error;
    return notSampled(enriched, error.message);
  }
  const outcome = sample.outcome();
  // A sample that failed part-way is not a sample of the dataset: its records are dropped.
  if (outcome.status === "failed") return unobservedSample(enriched, outcome.reason);
  if (outcome.status === "not_read") return notSampled(enriched, outcome.reason);
  profileWarmup();
  const { profile, samples } = profiler.finish(outcome.method);
  if (read < options.sampleRows && outcome.complete) profile.complete = true;
  const variants = variantFinder.variants(profiler.sampled);
  if (variants) profile.variants = variants;
  return { dataset: { ...enriched, profile }, samples };
}

/**
 * A sample that was meant to be read and could not be says nothing about the data: no profile,
 * and the dataset says its sample is unobserved, so that the merge keeps what was last known.
 */
function unobservedSample(dataset: EnrichedDataset, reason: string): ProfiledDataset {
  const unobserved = [...(dataset.unobserved ?? []), { part: "sample" as const, reason }];
  return { dataset: { ...dataset, unobserved }, samples: new Map() };
}

function notSampled(dataset: EnrichedDataset, reason: string): ProfiledDataset {
  return {
    dataset: {
      ...dataset,
      profile: { sampling: { status: "not_read", reason }, sampled: 0, fields: [] },
    },
    samples: new Map(),
  };
}
