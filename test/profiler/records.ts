import { EJSON } from "bson";
import type {
  Dataset,
  DatasetProfile,
  FieldProfile,
  RecordSample,
  SampleOutcome,
} from "../../src/model/index.js";
import { newDataset } from "../../src/model/new-dataset.js";
import { profileDataset } from "../../src/profiler/profile-dataset.js";
import {
  sampleCollectionLines,
  type SampleCollection,
} from "../helpers/sample-collections/index.js";

export interface CountingSample {
  dataset: Dataset;
  /** The dataset's sample, handing out the records (as an in-memory sampler would). */
  sample: RecordSample;
  /** Records the profiler pulled from the sample. */
  pulled(): number;
}

/** A dataset and a sample of it that hands out `records`, ending with `outcome`. */
export function datasetWithSample(
  records: readonly Record<string, unknown>[],
  outcome: SampleOutcome = { status: "read", method: "all records (test)", complete: false },
): CountingSample {
  let pulled = 0;
  const dataset: Dataset = newDataset({
    ref: { database: "test", name: "things" },
    kind: "document_collection",
    objectType: "collection",
    resource: "test://things",
  });
  const sample: RecordSample = {
    outcome: () => outcome,
    async *[Symbol.asyncIterator]() {
      for (const record of records) {
        pulled += 1;
        await Promise.resolve();
        yield record;
      }
    },
  };
  return { dataset, sample, pulled: () => pulled };
}

/** Documents of a generated sample collection, in relaxed EJSON (Dates, ObjectIds, numbers). */
export function mongoDocuments(
  collection: SampleCollection,
  count?: number,
): Record<string, unknown>[] {
  return sampleCollectionLines(collection)
    .slice(0, count)
    .map((line) => EJSON.parse(line, { relaxed: true }) as Record<string, unknown>);
}

/** Profiles `records` with profiling on; fails the test when there is no profile. */
export async function profileOf(
  records: readonly Record<string, unknown>[],
  sampleRows = 10_000,
): Promise<{ profile: DatasetProfile; samples: ReadonlyMap<string, readonly string[]> }> {
  const { dataset, sample } = datasetWithSample(records);
  const result = await profileDataset(dataset, sample, { sampleRows });
  if (!result.dataset.profile) throw new Error("no profile");
  return { profile: result.dataset.profile, samples: result.samples };
}

export function field(profile: DatasetProfile, path: string): FieldProfile {
  const found = profile.fields.find((f) => f.path === path);
  if (!found)
    throw new Error(`no profile for ${path}: ${profile.fields.map((f) => f.path).join(", ")}`);
  return found;
}
