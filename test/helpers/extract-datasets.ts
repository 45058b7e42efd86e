import { expect } from "vitest";
import type { ExtractContext, Extractor, SourceExtraction } from "../../extractors/extractor.js";
import type { SourceConfig } from "../../src/config/schema.js";
import type { Dataset } from "../../src/model/index.js";

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

export interface Extracted {
  extraction: SourceExtraction;
  datasets: Dataset[];
}

/** Opens, reads every dataset and closes, as the pipeline does. */
export async function extractDatasets<C extends SourceConfig>(
  extractor: Extractor<C>,
  config: C,
  context: ExtractContext,
): Promise<Extracted> {
  const extraction = await extractor.open(config, context);
  const datasets: Dataset[] = [];
  try {
    for await (const dataset of extraction.datasets) datasets.push(dataset);
  } finally {
    await extraction.close();
  }
  return { extraction, datasets };
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
  const { extraction, datasets } = await extractDatasets(extractor, config, context);
  return {
    extraction,
    datasets,
    progress: context.lines,
    dataset: (scopeName, name) => {
      const found = datasets.find((d) => d.ref[scope] === scopeName && d.ref.name === name);
      expect(found, `dataset ${scopeName}.${name}`).toBeDefined();
      return found as Dataset;
    },
  };
}
