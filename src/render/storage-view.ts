import type { EnrichedDataset } from "../model/index.js";

/**
 * Bullets of the Storage section for tables over files (Glue, Spectrum): location, table and
 * data format, SerDe, compression, partition columns, last update.
 */
export function storageBullets(dataset: EnrichedDataset): string[] {
  const storage = dataset.storage;
  if (!storage) return [];
  return [];
}
