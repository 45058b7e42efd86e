import { expect } from "vitest";
import type { ExtractContext, Extractor, SourceExtraction } from "../../extractors/extractor.js";
import type { SourceConfig } from "../../src/config/schema.js";
import type {
  Dataset,
  ExtractionFailure,
  RecordSample,
  SampleOutcome,
} from "../../src/model/index.js";

/** An extract context that keeps every progress line in `lines`. */
export function recordingContext(
  overrides: Partial<ExtractContext> = {},
): ExtractContext & { lines: string[] } {
  const lines: string[] = [];
  return {
    profile: true,
    concurrency: 4,
    onProgress: (line) => {
      lines.push(line);
    },
    lines,
    ...overrides,
  };
}

export interface Drained {
  datasets: Dataset[];
  failures: ExtractionFailure[];
}

export interface Extracted extends Drained {
  extraction: SourceExtraction;
}

/** Every item of one pass over the extraction, split into datasets and failures. */
export async function drain(extraction: SourceExtraction): Promise<Drained> {
  const drained: Drained = { datasets: [], failures: [] };
  for await (const item of extraction.items) {
    if ("dataset" in item) drained.datasets.push(item.dataset);
    else drained.failures.push(item.failure);
  }
  return drained;
}

/** The extraction's sample of `dataset`; the test fails when the source offers none. */
export function sampleOf(
  extraction: SourceExtraction,
  dataset: Dataset,
  limit: number,
): RecordSample {
  const sample = extraction.sample?.(dataset, limit);
  expect(sample, `a sample of ${dataset.ref.name}`).toBeDefined();
  return sample as RecordSample;
}

export interface ReadSample {
  records: Record<string, unknown>[];
  outcome: SampleOutcome;
  /** The outcome as a file says it: the method, or `not sampled: <reason>`. */
  method: string;
  nativeType?: (value: unknown) => string;
}

/** Every record of the extraction's sample of `dataset`, and its outcome once read. */
export async function readSample(
  extraction: SourceExtraction,
  dataset: Dataset,
  limit: number,
): Promise<ReadSample> {
  const sample = sampleOf(extraction, dataset, limit);
  const records: Record<string, unknown>[] = [];
  for await (const record of sample) records.push(record);
  const outcome = sample.outcome();
  return {
    records,
    outcome,
    method: outcomeText(outcome),
    nativeType: sample.nativeType?.bind(sample),
  };
}

/** A sample's outcome as a file would say it. */
export function outcomeText(outcome: SampleOutcome): string {
  return outcome.status === "read" ? outcome.method : `not sampled: ${outcome.reason}`;
}

/** Opens, reads every dataset and closes, as the pipeline does. */
export async function extractDatasets<C extends SourceConfig>(
  extractor: Extractor<C>,
  config: C,
  context: ExtractContext,
): Promise<Extracted> {
  const extraction = await extractor.open(config, context);
  try {
    return { extraction, ...(await drain(extraction)) };
  } finally {
    await extraction.close();
  }
}

export interface ExtractionResult extends Extracted {
  progress: string[];
  /** The dataset of that schema (or database) and name; the test fails when there is none. */
  dataset: (scope: string, name: string) => Dataset;
}

/** Extracts without profiling, two at a time, keeping progress lines and datasets by scope. */
export async function extractAllBy<C extends SourceConfig>(
  extractor: Extractor<C>,
  config: C,
  scope: "schema" | "database",
): Promise<ExtractionResult> {
  const context = recordingContext({ profile: false, concurrency: 2 });
  const { extraction, datasets, failures } = await extractDatasets(extractor, config, context);
  return {
    extraction,
    datasets,
    failures,
    progress: context.lines,
    dataset: (scopeName, name) => {
      const found = datasets.find((d) => d.ref[scope] === scopeName && d.ref.name === name);
      expect(found, `dataset ${scopeName}.${name}`).toBeDefined();
      return found as Dataset;
    },
  };
}
