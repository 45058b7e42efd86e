/**
 * Runs an extraction the way the pipeline does (open, then each dataset and its whole sample in
 * turn) and keeps what a fault must leave behind: every dataset yielded, each sample's
 * outcome, the unobserved parts, the failures and every progress line.
 */
import type { Extractor } from "../../extractors/extractor.js";
import type { SourceConfig } from "../../src/config/schema.js";
import type { ExtractionFailure, SampleOutcome, UnobservedFacts } from "../../src/model/index.js";
import { outcomeText, recordingContext } from "../helpers/extract-datasets.js";

interface SampledObject {
  /** `schema.name`, `database.name`, or the name alone (DynamoDB). */
  key: string;
  records: number;
  /** Absent when the source offers no sample of the dataset. */
  outcome?: SampleOutcome;
  /** The reason of a `failed` outcome; undefined when the sample was read or not read on purpose. */
  failure?: string;
  unobserved: UnobservedFacts[];
}

export interface FaultRun {
  objects: SampledObject[];
  failures: ExtractionFailure[];
  progress: string[];
  /** Everything okf said: sample outcomes, failure reasons, failures and progress, one per line. */
  allText(): string;
  object(key: string): SampledObject;
}

export interface FaultRunOptions {
  sampleRows?: number;
  /** Called before the sample of the dataset at `index` (0-based) is read. */
  beforeSample?: (index: number) => void | Promise<void>;
}

export async function runWithSamples<C extends SourceConfig>(
  extractor: Extractor<C>,
  config: C,
  options: FaultRunOptions = {},
): Promise<FaultRun> {
  const context = recordingContext({ profile: true, concurrency: 1 });
  const extraction = await extractor.open(config, context);
  const objects: SampledObject[] = [];
  const failures: ExtractionFailure[] = [];
  try {
    let index = 0;
    for await (const item of extraction.items) {
      if (!("dataset" in item)) {
        failures.push(item.failure);
        continue;
      }
      const { dataset } = item;
      await options.beforeSample?.(index);
      index += 1;
      const scope = dataset.ref.schema ?? dataset.ref.database;
      const key = scope === undefined ? dataset.ref.name : `${scope}.${dataset.ref.name}`;
      const sample = extraction.sample?.(dataset, options.sampleRows ?? 100);
      let records = 0;
      if (sample) for await (const _record of sample) records += 1;
      const outcome = sample?.outcome();
      objects.push({
        key,
        records,
        outcome,
        failure: outcome?.status === "failed" ? outcome.reason : undefined,
        unobserved: dataset.unobserved ?? [],
      });
    }
  } finally {
    await extraction.close();
  }
  const progress = context.lines;
  return {
    objects,
    failures,
    progress,
    allText: () =>
      [
        ...objects.flatMap((object) => [
          object.outcome ? outcomeText(object.outcome) : "",
          object.failure ?? "",
          ...object.unobserved.map((fact) => fact.reason),
        ]),
        ...failures.flatMap((failure) => [failure.message, failure.hint ?? ""]),
        ...progress,
      ].join("\n"),
    object: (key) => {
      const found = objects.find((object) => object.key === key);
      if (!found)
        throw new Error(`${key} was not yielded (got ${objects.map((o) => o.key).join(", ")})`);
      return found;
    },
  };
}

/** An email-shaped value built at run time, so that the repository holds no such literal. */
export const emailShapedValue = ["jane.fault", "example.org"].join("@");
