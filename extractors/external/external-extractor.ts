import type { ExternalSourceConfig } from "./config-schema.js";
import type { Dataset, SourceVocabulary } from "../../src/model/index.js";
import { nameFilter } from "../shared/name-filter.js";
import type { Extractor, ExtractionItem } from "../extractor.js";
import { inlineSample } from "./inline-sample.js";
import type { HeaderLine, InlineSample } from "./line-schema.js";
import { parseDatasetLines, refKey, refName } from "./parse-lines.js";
import { readDatasetLines } from "./read-lines.js";

const externalVocabulary: SourceVocabulary = {
  engine: "External",
  system: "external",
  fieldWord: "field",
  kindTitles: {
    table: "Table",
    view: "View",
    materialized_view: "Materialized View",
    external_table: "External Table",
    nosql_table: "Table",
    document_collection: "Collection",
  },
  catalogTitle: "External catalog (external)",
};

/** The header's vocabulary over the defaults; the catalog title follows the engine it names. */
function vocabularyOf(header: HeaderLine): SourceVocabulary {
  const given = header.vocabulary ?? {};
  const engine = given.engine ?? externalVocabulary.engine;
  return {
    ...externalVocabulary,
    ...given,
    kindTitles: { ...externalVocabulary.kindTitles, ...given.kindTitles },
    catalogTitle: given.catalogTitle ?? `${engine} catalog (external)`,
  };
}

/**
 * A system okf has no extractor for, described by a program (or a file) in okf's dataset-lines
 * format. Everything is read and checked in `open`, so a bad line fails the source before any
 * file is written; samples are the records the lines carry.
 */
export const externalExtractor: Extractor<ExternalSourceConfig> = {
  vocabulary: externalVocabulary,
  sampleLimit: (config) => config.profile.sample_rows,
  async open(config, context) {
    const { header, items } = parseDatasetLines(await readDatasetLines(config, context));
    const selected = nameFilter(config.include, config.exclude, '["sales.*.*", "*.orders"]');
    const kept: ExtractionItem[] = [];
    const samples = new Map<string, InlineSample>();
    for (const item of items) {
      if ("failure" in item) {
        const scope = item.failure.scope;
        if (scope === undefined || scope.name === "*" || selected(refName(scope))) kept.push(item);
        continue;
      }
      if (!selected(refName(item.dataset.ref))) continue;
      kept.push({ dataset: item.dataset });
      if (item.sample !== undefined) samples.set(refKey(item.dataset.ref), item.sample);
    }
    const datasets = kept.flatMap((item): Dataset[] => ("dataset" in item ? [item.dataset] : []));
    context.onProgress(
      `${config.name}: ${String(datasets.length)} datasets and ` +
        `${String(kept.length - datasets.length)} failures read (${String(items.length - kept.length)} left out by include/exclude)`,
    );
    return {
      refs: datasets.map((dataset) => dataset.ref),
      catalogInMemory: true,
      items: {
        async *[Symbol.asyncIterator]() {
          for (const item of kept) yield await Promise.resolve(item);
        },
      },
      sample(dataset, limit) {
        const sample = samples.get(refKey(dataset.ref));
        return sample === undefined ? undefined : inlineSample(sample, limit);
      },
      resource: header.resource,
      vocabulary: vocabularyOf(header),
      requestCount: () => 1,
      close: () => Promise.resolve(),
    };
  },
};
