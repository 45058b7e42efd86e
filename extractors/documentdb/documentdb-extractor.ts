import type { DocumentdbSourceConfig } from "./config-schema.js";
import type {
  Dataset,
  DatasetRef,
  ExtractionFailure,
  RecordSample,
  SourceVocabulary,
} from "../../src/model/index.js";
import type { ExtractContext, ExtractionItem, Extractor } from "../extractor.js";
import { compareText } from "../shared/order.js";
import { readAhead } from "../shared/read-ahead.js";
import { createMongoClient, sourceResource } from "./client.js";
import { collectionFilter } from "./collection-filter.js";
import {
  collectionFailure,
  connectError,
  databaseFailure,
  listDatabasesError,
  lostCollectionFailure,
} from "./errors.js";
import { LostServer } from "./lost-server.js";
import { MongoCatalog, type CollectionInfo } from "./mongo-catalog.js";
import { readCollection } from "./read-collection.js";
import { documentSampler } from "./sample-documents.js";

export const documentdbVocabulary: SourceVocabulary = {
  engine: "DocumentDB",
  system: "documentdb",
  fieldWord: "field",
  kindTitles: { document_collection: "Collection" },
  catalogTitle: "listCollections, listIndexes, collStats, a $sample",
};

interface Planned {
  database: string;
  info: CollectionInfo;
}

interface Reader {
  config: DocumentdbSourceConfig;
  context: ExtractContext;
  catalog: MongoCatalog;
  resource: string;
  sampleCommands: { count: number };
  lostServer: LostServer;
}

/** Never rejects: a collection that cannot be read becomes a failure and the others go on. */
async function readOutcome(reader: Reader, planned: Planned): Promise<ExtractionItem> {
  const { catalog } = reader;
  const { database, info } = planned;
  if (reader.lostServer.isLost) {
    return { failure: lostCollectionFailure(database, info.name, "not tried after it was lost") };
  }
  try {
    return { dataset: await readCollection(catalog, database, info, reader.resource) };
  } catch (error) {
    reader.lostServer.note(error);
    return { failure: collectionFailure(database, info.name, error) };
  }
}

/** Collections are read `concurrency` at a time, a bounded window ahead, yielded in plan order. */
function itemsOf(
  reader: Reader,
  plan: readonly Planned[],
  databaseFailures: readonly ExtractionFailure[],
): AsyncIterable<ExtractionItem> {
  return {
    async *[Symbol.asyncIterator]() {
      for (const failure of databaseFailures) yield { failure };
      yield* readAhead(plan, reader.context.concurrency, (planned) => readOutcome(reader, planned));
    },
  };
}

/** Collections only: a view's documents are its pipeline's output, which okf does not run. */
function sampleOf(reader: Reader, dataset: Dataset, limit: number): RecordSample | undefined {
  const { config, context, catalog } = reader;
  const database = dataset.ref.database;
  if (dataset.objectType !== "collection" || database === undefined) return undefined;
  const collection = catalog.client.db(database).collection(dataset.ref.name);
  return documentSampler(collection, `${database}.${dataset.ref.name}`, {
    maxDocuments: config.profile.sample_documents,
    report: (line) => {
      context.onProgress(`${config.name}: ${line}`);
    },
    onCommand: () => {
      reader.sampleCommands.count += 1;
    },
    lostServer: reader.lostServer,
  })(limit);
}

async function planCollections(
  catalog: MongoCatalog,
  config: DocumentdbSourceConfig,
  databases: readonly string[],
  failures: ExtractionFailure[],
): Promise<Planned[]> {
  const matches = collectionFilter(config.include, config.exclude);
  const plan: Planned[] = [];
  for (const database of databases) {
    try {
      const infos = await catalog.collections(database);
      for (const info of infos) if (matches(database, info.name)) plan.push({ database, info });
    } catch (error) {
      failures.push(databaseFailure(database, error));
    }
  }
  return plan.sort(
    (a, b) => compareText(a.database, b.database) || compareText(a.info.name, b.info.name),
  );
}

export const documentdbExtractor: Extractor<DocumentdbSourceConfig> = {
  vocabulary: documentdbVocabulary,
  sampleLimit: (config) => config.profile.sample_documents,
  async open(config, context) {
    const resource = sourceResource(config.connection);
    const client = createMongoClient(config);
    const catalog = new MongoCatalog(client);
    let databases: string[];
    try {
      await client.connect();
    } catch (error) {
      await client.close().catch(() => undefined);
      throw connectError(error, resource);
    }
    try {
      databases = [...(config.databases ?? (await catalog.databaseNames()))].sort(compareText);
    } catch (error) {
      await client.close().catch(() => undefined);
      throw listDatabasesError(error, resource);
    }
    const databaseFailures: ExtractionFailure[] = [];
    const plan = await planCollections(catalog, config, databases, databaseFailures);
    context.onProgress(
      `${config.name}: ${String(plan.length)} collections and views in ${String(databases.length)} databases at ${resource}`,
    );
    const reader: Reader = {
      config,
      context,
      catalog,
      resource,
      sampleCommands: { count: 0 },
      lostServer: new LostServer(),
    };
    const refs: DatasetRef[] = plan.map(({ database, info }) => ({ database, name: info.name }));
    return {
      refs,
      items: itemsOf(reader, plan, databaseFailures),
      sample: context.profile ? (dataset, limit) => sampleOf(reader, dataset, limit) : undefined,
      resource,
      requestCount: () => catalog.callCount(),
      close: () => client.close(),
    };
  },
};
