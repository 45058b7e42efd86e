import type { Dataset, DatasetStats } from "../../src/model/index.js";
import { newDataset } from "../../src/model/new-dataset.js";
import { assembleIndexes } from "./assemble-indexes.js";
import { failureReason } from "./errors.js";
import { collectionResource } from "./client.js";
import type { CollectionInfo, MongoCatalog } from "./mongo-catalog.js";
import { documentFacts } from "./validator-facts.js";

function statsOf(count: number, collStats: Record<string, unknown> | undefined): DatasetStats {
  if (collStats === undefined) return { rowEstimate: count, source: "estimatedDocumentCount" };
  const size = collStats.size ?? collStats.storageSize;
  const sizeBytes = typeof size === "number" ? size : Number(size);
  return Number.isFinite(sizeBytes)
    ? { rowEstimate: count, sizeBytes, source: "collStats" }
    : { rowEstimate: count, source: "estimatedDocumentCount" };
}

/**
 * One collection or view as a Dataset. A collection costs listIndexes (when denied, the indexes
 * are unobserved), estimatedDocumentCount and collStats (denied to many read-only users: then
 * the count alone); a view only its listCollections entry. A lost connection fails the
 * collection (it is thrown), whichever command it hits. Fields stay empty: the structure comes
 * from the sample.
 */
export async function readCollection(
  catalog: MongoCatalog,
  database: string,
  info: CollectionInfo,
  sourceResource: string,
): Promise<Dataset> {
  const isView = info.type === "view";
  const dataset = newDataset({
    ref: { database, name: info.name },
    kind: "document_collection",
    objectType: isView ? "view" : "collection",
    resource: collectionResource(sourceResource, database, info.name),
    document: documentFacts(info.type, info.options),
  });
  if (isView) return dataset;
  try {
    dataset.indexes = assembleIndexes(await catalog.indexes(database, info.name));
  } catch (error) {
    if (failureReason(error).kind === "connection_lost") throw error;
    // A user without listIndexes still gets the collection; its indexes are unknown this run.
    dataset.unobserved = [{ part: "indexes", reason: `listIndexes: ${failureReason(error).text}` }];
  }
  const count = await catalog.estimatedCount(database, info.name);
  dataset.stats = statsOf(count, await catalog.collStats(database, info.name));
  return dataset;
}
