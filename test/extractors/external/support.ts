import { join } from "node:path";
import { externalExtractor } from "../../../extractors/external/external-extractor.js";
import type { ExtractContext, SourceExtraction } from "../../../extractors/extractor.js";
import type { SourceConfigOf } from "../../../extractors/config-schemas.js";
import { sourceSchema } from "../../../src/config/schema.js";
import type { Dataset } from "../../../src/model/index.js";

export const fixtures = join(import.meta.dirname, "fixtures");
export const printDatasets = join(fixtures, "print-datasets.mjs");

/** An external source of `keys` (command or file, and any other key), parsed as the config would. */
function externalSource(keys: Record<string, unknown>): SourceConfigOf<"external"> {
  const source = sourceSchema.parse({ name: "ring", type: "external", ...keys });
  if (source.type !== "external") throw new Error("not an external source");
  return source;
}

/** The fixture program in `mode`, run through node. */
export const fixtureCommand = (mode = "ok") => [process.execPath, printDatasets, mode];

export async function openSource(
  keys: Record<string, unknown>,
): Promise<{ extraction: SourceExtraction; progress: string[] }> {
  const progress: string[] = [];
  const context: ExtractContext = {
    profile: true,
    concurrency: 1,
    onProgress: (line) => progress.push(line),
  };
  const extraction = await externalExtractor.open(externalSource(keys), context);
  return { extraction, progress };
}

export async function itemsOf(extraction: SourceExtraction) {
  const items = [];
  for await (const item of extraction.items) items.push(item);
  return items;
}

export function datasetNamed(items: Awaited<ReturnType<typeof itemsOf>>, name: string): Dataset {
  for (const item of items)
    if ("dataset" in item && item.dataset.ref.name === name) return item.dataset;
  throw new Error(`no dataset ${name}`);
}
