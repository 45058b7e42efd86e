import type { Dataset } from "./dataset.js";

/**
 * A dataset with no keys, indexes, partitions or tags yet: the starting point for sources that
 * have few of them (document collections, key-value tables) and for tests.
 */
export function newDataset(
  init: Pick<Dataset, "ref" | "kind" | "objectType" | "resource"> & Partial<Dataset>,
): Dataset {
  return {
    fields: [],
    keys: [],
    foreignKeys: [],
    referencedBy: [],
    checks: [],
    indexes: [],
    partitions: [],
    tags: [],
    ...init,
  };
}
