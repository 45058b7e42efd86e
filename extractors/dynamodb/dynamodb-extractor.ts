import type { DynamodbSourceConfig } from "./config-schema.js";
import type { SourceVocabulary } from "../../src/model/index.js";
import { clientRegion, type WithRegion } from "../shared/aws-client-options.js";
import type { ExtractContext, ExtractionItem, Extractor } from "../extractor.js";
import { compareText } from "../shared/order.js";
import { readAhead } from "../shared/read-ahead.js";
import { assembleDataset } from "./assemble-dataset.js";
import { createDynamoClient, describeTarget } from "./client.js";
import { DynamoApi } from "./dynamo-api.js";
import { listTablesError, tableFailure } from "./errors.js";
import { readTable } from "./read-table.js";
import { itemSampler } from "./sample-items.js";
import { tableFilter } from "./table-filter.js";

export const dynamodbVocabulary: SourceVocabulary = {
  engine: "DynamoDB",
  system: "dynamodb",
  fieldWord: "attribute",
  kindTitles: { nosql_table: "Table" },
  catalogTitle: "DescribeTable, DescribeTimeToLive, DescribeContinuousBackups, ListTagsOfResource",
};

type TableOutcome = ExtractionItem;

interface TableReader {
  config: WithRegion<DynamodbSourceConfig>;
  context: ExtractContext;
  api: DynamoApi;
}

/** Never rejects: a table that cannot be read becomes a failure and the others go on. */
async function readOutcome(reader: TableReader, name: string): Promise<TableOutcome> {
  const { api, config } = reader;
  try {
    return { dataset: assembleDataset(await readTable(api, name), name, config.region) };
  } catch (error) {
    return { failure: tableFailure(name, error) };
  }
}

/**
 * Tables are described `concurrency` at a time, a bounded window ahead of the consumer, and
 * yielded in name order, so the output does not depend on which answer came first.
 */
function itemsOf(
  reader: TableReader,
  names: readonly string[],
  first: Promise<TableOutcome> | undefined,
): AsyncIterable<ExtractionItem> {
  // The first table was read by `open`; a later pass reads it again like the others.
  let early = first;
  return {
    async *[Symbol.asyncIterator]() {
      const firstRead = early;
      early = undefined;
      const outcomes = readAhead(names, reader.context.concurrency, (name, index) =>
        index === 0 && firstRead ? firstRead : readOutcome(reader, name),
      );
      yield* outcomes;
    },
  };
}

/** `arn:aws:dynamodb:<region>:<account>:table/*`, the account taken from a table's own ARN. */
function sourceResource(region: string, first: TableOutcome | undefined): string {
  const arn = first && "dataset" in first ? first.dataset.resource : undefined;
  const [, , , arnRegion, account] = arn?.split(":") ?? [];
  return `arn:aws:dynamodb:${arnRegion ?? region}:${account ?? ""}:table/*`;
}

/**
 * One source is one region of one account (or a local engine at `endpoint`). `open` lists the
 * tables, so every ref is known before the first dataset; the tables themselves are described
 * while the pipeline consumes them.
 */
export const dynamodbExtractor: Extractor<DynamodbSourceConfig> = {
  vocabulary: dynamodbVocabulary,
  sampleLimit: (config) => config.profile.sample_items,
  async open(source, context) {
    const matches = tableFilter(source.include, source.exclude);
    const api = new DynamoApi(createDynamoClient(source));
    let config: WithRegion<DynamodbSourceConfig>;
    try {
      config = { ...source, region: await clientRegion(source, () => api.region()) };
    } catch (error) {
      api.close();
      throw error;
    }
    let names: string[];
    try {
      names = (await api.listTableNames()).filter(matches).sort(compareText);
    } catch (error) {
      api.close();
      throw listTablesError(error, describeTarget(config));
    }
    const reader: TableReader = { config, context, api };
    // The first table's ARN names the account, for the source's own resource.
    const firstName = names[0];
    const first = firstName === undefined ? undefined : readOutcome(reader, firstName);
    const resource = sourceResource(config.region, await first);
    context.onProgress(
      `${config.name}: ${String(names.length)} tables in ${describeTarget(config)} ` +
        `(${String(api.catalogCount())} catalog calls so far)`,
    );
    return {
      refs: names.map((name) => ({ name })),
      items: itemsOf(reader, names, first),
      // Without --no-profile only, like every source: no Scan can be sent when profiling is off.
      sample: context.profile
        ? (dataset, limit) =>
            dataset.keyValue &&
            itemSampler(api, dataset.ref.name, dataset.keyValue, {
              maxItems: config.profile.sample_items,
              concurrency: context.concurrency,
              report: (line) => {
                context.onProgress(`${config.name}: ${line}`);
              },
            })(limit)
        : undefined,
      resource,
      requestCount: () => api.catalogCount(),
      close: () => {
        api.close();
        return Promise.resolve();
      },
    };
  },
};
