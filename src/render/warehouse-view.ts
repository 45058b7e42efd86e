import type { EnrichedDataset } from "../model/index.js";

/**
 * Bullets of the Storage section for warehouse tables (Redshift): distribution style and key,
 * sort keys, unsorted share, statistics staleness, skew.
 */
export function warehouseBullets(dataset: EnrichedDataset): string[] {
  const warehouse = dataset.warehouse;
  if (!warehouse) return [];
  return [];
}
