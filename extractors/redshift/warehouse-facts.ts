import type { DatasetStats, WarehouseFacts } from "../../src/model/index.js";
import { compact } from "../shared/order.js";
import type { KeyColumnRow, TableInfoRow } from "./catalog-rows.js";

/** svv_table_info counts size in 1 MB blocks. */
const blockBytes = 1024 * 1024;

/** `KEY(customer_id)` or `AUTO(KEY(customer_id))` → `customer_id`. */
export function distKeyOf(diststyle: string | null | undefined): string | undefined {
  return /KEY\((.+?)\)+$/.exec(diststyle ?? "")?.[1];
}

function sortKeyStyle(
  keys: readonly KeyColumnRow[],
  sortkey1: string | null | undefined,
): WarehouseFacts["sortKeyStyle"] {
  if (sortkey1?.toUpperCase().startsWith("AUTO(SORTKEY")) return "auto";
  if (keys.some((key) => key.sortKeyOrder < 0)) return "interleaved";
  if (keys.some((key) => key.sortKeyOrder > 0)) return "compound";
  return undefined;
}

/** Percentages Redshift reports as numeric(5,2); anything else is not a percentage. */
function percent(value: number | null | undefined): number | undefined {
  return value === null || value === undefined || value < 0 || value > 100 ? undefined : value;
}

/**
 * Distribution and sort keys come from pg_attribute, so they are known for every table; the
 * layout's style and health (sort order, statistics, skew, encoding) from svv_table_info, which
 * lists only tables holding rows and only to roles allowed to read it.
 */
export function warehouseFacts(
  keys: readonly KeyColumnRow[],
  info: TableInfoRow | undefined,
): WarehouseFacts | undefined {
  if (keys.length === 0 && info === undefined) return undefined;
  const sortKeys = keys
    .filter((key) => key.sortKeyOrder !== 0)
    .sort((a, b) => Math.abs(a.sortKeyOrder) - Math.abs(b.sortKeyOrder))
    .map((key) => key.column);
  const sources = [info ? "svv_table_info" : "", keys.length > 0 ? "pg_attribute" : ""];
  return compact<WarehouseFacts>({
    distStyle: info?.diststyle?.trim() || undefined,
    distKey: keys.find((key) => key.distKey)?.column ?? distKeyOf(info?.diststyle),
    sortKeys,
    sortKeyStyle: sortKeyStyle(keys, info?.sortkey1),
    unsortedPercent: percent(info?.unsorted),
    statsOffPercent: percent(info?.statsOff),
    skewRows: info?.skewRows ?? undefined,
    encoded: info?.encoded ? info.encoded.trim().toUpperCase().startsWith("Y") : undefined,
    source: sources.filter(Boolean).join(", "),
  });
}

/**
 * Row count and size from svv_table_info. A table it does not list holds no row (the view
 * leaves empty tables out), as long as the role may read the view at all.
 */
export function tableStats(
  info: TableInfoRow | undefined,
  tableInfoReadable: boolean,
): DatasetStats | undefined {
  if (!tableInfoReadable) return undefined;
  if (info === undefined) return { rowEstimate: 0, sizeBytes: 0, source: "svv_table_info" };
  return compact<DatasetStats>({
    rowEstimate: info.visibleRows ?? info.tblRows ?? undefined,
    sizeBytes: info.size === null ? undefined : info.size * blockBytes,
    source: "svv_table_info",
  });
}
