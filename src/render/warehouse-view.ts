import type { EnrichedDataset, WarehouseFacts } from "../model/index.js";
import { code, codeList } from "./format.js";

/** Above these, Redshift's own advice is to run ANALYZE / VACUUM (SVV_TABLE_INFO docs). */
const statsOffLimit = 10;
const unsortedLimit = 20;

/**
 * A percentage in bands that nightly noise rarely crosses: `0%`, `under 1%`, whole percents up
 * to 10%, then steps of 5% (`about 35%`).
 */
export function percentBand(value: number): string {
  if (value <= 0) return "0%";
  if (value < 1) return "under 1%";
  if (value < 10) return `about ${String(Math.round(value))}%`;
  return `about ${String(Math.min(100, Math.round(value / 5) * 5))}%`;
}

function distribution(warehouse: WarehouseFacts): string | undefined {
  const { distStyle, distKey } = warehouse;
  if (distStyle !== undefined) {
    const key = distKey !== undefined && !distStyle.includes(distKey) ? ` on ${code(distKey)}` : "";
    return `Distribution style ${code(distStyle)}${key}.`;
  }
  return distKey === undefined ? undefined : `Distribution key ${code(distKey)}.`;
}

function sortKey(warehouse: WarehouseFacts): string | undefined {
  const columns = warehouse.sortKeys.length > 0 ? ` (${codeList(warehouse.sortKeys)})` : "";
  switch (warehouse.sortKeyStyle) {
    case "auto":
      return `Automatic sort key chosen by Redshift${columns}.`;
    case "interleaved":
      return `Interleaved sort key${columns}.`;
    case "compound":
      return `Compound sort key${columns}.`;
    default:
      return warehouse.distStyle !== undefined ? "No sort key." : undefined;
  }
}

function health(warehouse: WarehouseFacts): string[] {
  const bullets: string[] = [];
  const { unsortedPercent: unsorted, statsOffPercent: statsOff } = warehouse;
  if (unsorted !== undefined && warehouse.sortKeyStyle !== undefined) {
    const due = unsorted > unsortedLimit ? ": a `VACUUM SORT ONLY` is due" : "";
    bullets.push(`Unsorted rows: ${percentBand(unsorted)}${due}.`);
  }
  if (statsOff === 0) bullets.push("Planner statistics are up to date.");
  else if (statsOff !== undefined) {
    const due = statsOff > statsOffLimit ? ": an `ANALYZE` is due" : "";
    bullets.push(`Planner statistics out of date: ${percentBand(statsOff)}${due}.`);
  }
  return bullets;
}

/**
 * Bullets of the Storage section for warehouse tables (Redshift): distribution style and key,
 * sort keys, unsorted share, statistics staleness, skew. Volatile figures are in bands or two
 * significant digits, so a nightly run on a busy table does not become a diff.
 */
export function warehouseBullets(dataset: EnrichedDataset): string[] {
  const warehouse = dataset.warehouse;
  if (!warehouse) return [];
  const bullets = [distribution(warehouse), sortKey(warehouse)].filter(
    (bullet): bullet is string => bullet !== undefined,
  );
  if (warehouse.encoded !== undefined) {
    bullets.push(
      warehouse.encoded
        ? "Compression encoding on at least one column."
        : "No column has a compression encoding.",
    );
  }
  bullets.push(...health(warehouse));
  // A table copied to every node has no skew to speak of.
  if (warehouse.skewRows !== undefined && !/\bALL\b/i.test(warehouse.distStyle ?? "")) {
    bullets.push(
      `Row skew across slices: ${String(Number(warehouse.skewRows.toPrecision(2)))} (rows on the fullest slice per row on the emptiest).`,
    );
  }
  bullets.push(`Source: ${warehouse.source}.`);
  return bullets;
}
