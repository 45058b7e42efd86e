import { GlueClient } from "@aws-sdk/client-glue";
import type { GlueSourceConfig } from "./config-schema.js";
import type { Dataset, ExtractionFailure, SourceVocabulary } from "../../src/model/index.js";
import { awsClientOptions, clientRegion, type WithRegion } from "../shared/aws-client-options.js";
import { errorDetail } from "../shared/aws-errors.js";
import { readAhead } from "../shared/read-ahead.js";
import type { ExtractContext, ExtractionItem, Extractor } from "../extractor.js";
import { readColumnStatistics } from "./column-stats.js";
import { GlueApi } from "./glue-api.js";
import { readCatalog } from "./read-catalog.js";

const catalogCalls = "GetDatabases, GetTables";

const glueVocabulary: SourceVocabulary = {
  engine: "Glue",
  system: "glue",
  fieldWord: "column",
  kindTitles: { table: "Table", external_table: "Table", view: "View" },
  catalogTitle: `AWS Glue Data Catalog (${catalogCalls}, GetColumnStatisticsForTable)`,
};

/** Where the catalog is, for messages: the endpoint's origin (never its user info) or the region. */
function describeTarget(config: WithRegion<GlueSourceConfig>): string {
  const catalog = config.catalog_id === undefined ? "" : ` (catalog ${config.catalog_id})`;
  if (config.endpoint === undefined) return `the Glue Data Catalog in ${config.region}${catalog}`;
  return `the Glue Data Catalog at ${new URL(config.endpoint).origin}${catalog}`;
}

/**
 * The failures found while reading the catalog come first. Column statistics are read
 * `concurrency` tables at a time, a bounded window ahead of the
 * consumer; datasets are yielded in catalog order whatever answer comes first. A table whose
 * statistics could not be read is yielded with them unobserved; one summary line says how many.
 */
function withStatistics(
  api: GlueApi,
  config: GlueSourceConfig,
  context: ExtractContext,
  failures: readonly ExtractionFailure[],
  datasets: readonly Dataset[],
): AsyncIterable<ExtractionItem> {
  return {
    async *[Symbol.asyncIterator]() {
      for (const failure of failures) yield { failure };
      if (!config.column_statistics) {
        for (const dataset of datasets) yield { dataset };
        return;
      }
      const errors: unknown[] = [];
      const read = readAhead(datasets, context.concurrency, (dataset) =>
        readColumnStatistics(api, dataset),
      );
      for await (const settled of read) {
        if (settled.error !== undefined) errors.push(settled.error);
        yield { dataset: settled.dataset };
      }
      if (errors.length > 0) {
        context.onProgress(
          `${config.name}: column statistics could not be read for ${String(errors.length)} ` +
            `table${errors.length === 1 ? "" : "s"} (first: ${errorDetail(errors[0])}); ` +
            "those tables keep their last observed statistics " +
            "(set column_statistics: false if this identity may never read them)",
        );
      }
    },
  };
}

/**
 * One source is one Glue Data Catalog (an account's, in one region). `open` reads every
 * selected database's tables, so every ref is known before the first dataset; column
 * statistics are read while the pipeline consumes them. Glue holds no data: nothing is sampled.
 */
export const glueExtractor: Extractor<GlueSourceConfig> = {
  vocabulary: glueVocabulary,
  // Glue holds no data and yields no sample; the limit is only what the profiler is handed.
  sampleLimit: (config) => config.profile.sample_rows,
  async open(source, context) {
    const api = new GlueApi(new GlueClient(awsClientOptions(source)), source.catalog_id);
    let config: WithRegion<GlueSourceConfig>;
    try {
      config = { ...source, region: await clientRegion(source, () => api.region()) };
    } catch (error) {
      api.close();
      throw error;
    }
    const target = describeTarget(config);
    let catalog: Awaited<ReturnType<typeof readCatalog>>;
    try {
      catalog = await readCatalog(api, config, context.concurrency, target);
    } catch (error) {
      api.close();
      throw error;
    }
    for (const glob of catalog.unmatched) {
      context.onProgress(`${config.name}: no database in ${target} matches \`${glob}\``);
    }
    context.onProgress(
      `${config.name}: ${String(catalog.datasets.length)} tables and views in ` +
        `${String(catalog.databaseCount)} databases of ${target} ` +
        `(${String(api.callCount())} catalog calls so far)`,
    );
    return {
      refs: catalog.datasets.map((dataset) => dataset.ref),
      items: withStatistics(api, config, context, catalog.failures, catalog.datasets),
      resource: `arn:aws:glue:${config.region}:${catalog.catalogId ?? ""}:catalog`,
      vocabulary: config.column_statistics
        ? glueVocabulary
        : { ...glueVocabulary, catalogTitle: `AWS Glue Data Catalog (${catalogCalls})` },
      requestCount: () => api.callCount(),
      close: () => {
        api.close();
        return Promise.resolve();
      },
    };
  },
};
