import type { DocumentdbSourceConfig } from "./config-schema.js";
import type {
  Dataset,
  DatasetRef,
  ExtractionFailure,
  SourceVocabulary,
} from "../../src/model/index.js";
import type { ExtractContext, Extractor } from "../extractor.js";
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

type Outcome = { dataset: Dataset } | { failure: ExtractionFailure };

interface Reader {
  config: DocumentdbSourceConfig;
  context: ExtractContext;
  catalog: MongoCatalog;
  resource: string;
  failures: ExtractionFailure[];
  sampleCommands: { count: number };
  lostServer: LostServer;
}

/** Never rejects: a collection that cannot be read becomes a failure and the others go on. */
async function readOutcome(reader: Reader, planned: Planned): Promise<Outcome> {
  const { config, context, catalog } = reader;
  const { database, info } = planned;
  if (reader.lostServer.isLost) {
    return { failure: lostCollectionFailure(database, info.name, "not tried after it was lost") };
  }
  try {
    const dataset = await readCollection(catalog, database, info, reader.resource);
    if (context.profile && dataset.objectType === "collection") {
      const collection = catalog.client.db(database).collection(info.name);
      dataset.sample = documentSampler(collection, `${database}.${info.name}`, {
        maxDocuments: config.profile.sample_documents,
        report: (line) => {
          context.onProgress(`${config.name}: ${line}`);
        },
        onCommand: () => {
          reader.sampleCommands.count += 1;
        },
        lostServer: reader.lostServer,
      });
    }
    return { dataset };
  } catch (error) {
    reader.lostServer.note(error);
    return { failure: collectionFailure(database, info.name, error) };
  }
}

/** Collections are read `concurrency` at a time, a bounded window ahead, yielded in plan order. */
function datasetsOf(
  reader: Reader,
  plan: readonly Planned[],
  databaseFailures: readonly ExtractionFailure[],
): AsyncIterable<Dataset> {
  return {
    async *[Symbol.asyncIterator]() {
      reader.failures.splice(0, reader.failures.length, ...databaseFailures);
      const outcomes = readAhead(plan, reader.context.concurrency, (planned) =>
        readOutcome(reader, planned),
      );
      for await (const settled of outcomes) {
        if ("dataset" in settled) yield settled.dataset;
        else reader.failures.push(settled.failure);
      }
    },
  };
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
    const failures: ExtractionFailure[] = [...databaseFailures];
    const reader: Reader = {
      config,
      context,
      catalog,
      resource,
      failures,
      sampleCommands: { count: 0 },
      lostServer: new LostServer(),
    };
    const refs: DatasetRef[] = plan.map(({ database, info }) => ({ database, name: info.name }));
    return {
      refs,
      datasets: datasetsOf(reader, plan, databaseFailures),
      failures,
      resource,
      requestCount: () => catalog.callCount(),
      close: () => client.close(),
    };
  },
};
