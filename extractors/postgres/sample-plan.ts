import pg from "pg";
import type { SampleViews } from "../shared/config-keys.js";
import type { Dataset } from "../../src/model/index.js";
import { sampleColumns, type SampleColumns } from "./sample-columns.js";
import { viewCostBound } from "./view-cost.js";

/** TABLESAMPLE SYSTEM is asked for about this many times the cap, so it rarely falls short. */
const oversampling = 2;
/** A fixed seed: the same table gives the same sample on every run. */
const sampleSeed = 20_261_128;

export type SamplePlan =
  | { read: false; reason: string }
  | {
      read: true;
      query: string;
      method: string;
      columns: SampleColumns;
      /** Read only when EXPLAIN estimates `query` at most this (views under `auto`). */
      costBound?: number;
      /** No sampling fraction: fewer rows than the cap are the whole relation (CursorPlan). */
      whole?: boolean;
    };

function count(value: number): string {
  return value.toLocaleString("en-US");
}

/**
 * The sampling percentage, rounded up to two significant digits: small changes in the row
 * estimate do not change the query (or the sample), and the method reads cleanly.
 */
export function samplePercent(rowEstimate: number, limit: number): number {
  const exact = (100 * oversampling * limit) / rowEstimate;
  if (exact >= 100) return 100;
  const step = 10 ** (Math.floor(Math.log10(exact)) - 1);
  const rounded = Number((Math.ceil(exact / step - 1e-9) * step).toPrecision(2));
  return Math.min(100, Math.max(rounded, 1e-6));
}

/**
 * How to sample one relation within the cap. Tables and materialized views are always read with
 * TABLESAMPLE SYSTEM at a fixed seed: a sample scan, unlike a plain read, does not count as a
 * sequential scan in pg_stat_user_tables, so okf's own reads never show up in the Usage figures
 * of the next run (a view's read does count: sample-rows.ts). Above the cap (by the planner's estimate) the percentage is chosen for about
 * twice the cap, so the cost stays flat as tables grow, and the rows are ordered by a hash of
 * their physical address before the cap is applied, so the sample spreads over the whole table
 * rather than its first blocks. Small and never-analysed tables are read at 100% up to the cap.
 * Views cannot be TABLESAMPLEd and are read up to the cap, by default only when the planner
 * estimates the read as cheap (see viewCostBound; `sample_views`). Foreign tables are not read at all:
 * each row would come from a remote server.
 */
export function planSample(
  dataset: Dataset,
  limit: number,
  sampleViews: SampleViews = "auto",
): SamplePlan {
  if (!Number.isSafeInteger(limit) || limit <= 0) {
    throw new RangeError(`The sample cap must be a positive whole number, not ${String(limit)}.`);
  }
  if (dataset.kind === "external_table") {
    return {
      read: false,
      reason: "foreign table (each row would be fetched from the remote server)",
    };
  }
  if (dataset.kind === "view" && sampleViews === "never") {
    return { read: false, reason: "a view (the source sets `sample_views: never`)" };
  }
  const columns = sampleColumns(dataset.fields);
  const schema = pg.escapeIdentifier(dataset.ref.schema ?? "public");
  const select = `SELECT ${columns.selectList} FROM ${schema}.${pg.escapeIdentifier(dataset.ref.name)}`;
  const capped = `capped at ${count(limit)} rows`;
  const cap = `LIMIT ${String(limit)}`;
  if (dataset.kind === "view") {
    const method = `a read ${capped} (a view cannot be sampled with TABLESAMPLE)`;
    const query = `${select} ${cap}`;
    if (sampleViews === "always") return { read: true, query, method, columns, whole: true };
    return { read: true, query, method, columns, whole: true, costBound: viewCostBound(limit) };
  }
  const rowEstimate = dataset.stats?.rowEstimate;
  const percent = rowEstimate === undefined ? 100 : samplePercent(rowEstimate, limit);
  const sample = `${select} TABLESAMPLE SYSTEM (${String(percent)}) REPEATABLE (${String(sampleSeed)})`;
  const method = `TABLESAMPLE SYSTEM (${String(percent)}%) REPEATABLE, ${capped}`;
  const spread = `ORDER BY md5(tableoid::text || ctid::text) COLLATE "C" ${cap}`;
  if (percent === 100 && rowEstimate !== undefined && rowEstimate > limit) {
    // Between one and two times the cap: read whole (a bounded read, as the percentage is chosen
    // for about twice the cap) and spread by the same hash, not the first rows in block order.
    return {
      read: true,
      query: `${sample} ${spread}`,
      method: `${method} (spread over the whole table)`,
      columns,
    };
  }
  if (percent === 100) {
    // Without an ORDER BY the cap bounds the read even when the estimate is missing or stale.
    const why =
      rowEstimate === undefined
        ? "never analysed, row count unknown: the first rows in physical order"
        : "the whole table";
    return {
      read: true,
      query: `${sample} ${cap}`,
      method: `${method} (${why})`,
      columns,
      whole: true,
    };
  }
  return { read: true, query: `${sample} ${spread}`, method, columns };
}
