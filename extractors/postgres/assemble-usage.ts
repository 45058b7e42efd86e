import type { DatasetUsage } from "../../src/model/index.js";
import type { UsageRow } from "./catalog-rows.js";
import { compact } from "../shared/order.js";

type Counter =
  "seqScans" | "idxScans" | "inserts" | "updates" | "deletes" | "liveRows" | "deadRows";
type Moment = "lastAnalyze" | "lastAutoanalyze" | "lastVacuum" | "lastAutovacuum";

const counters: Counter[] = [
  "seqScans",
  "idxScans",
  "inserts",
  "updates",
  "deletes",
  "liveRows",
  "deadRows",
];
const moments: Moment[] = ["lastAnalyze", "lastAutoanalyze", "lastVacuum", "lastAutovacuum"];

function total(rows: readonly UsageRow[], counter: Counter): number | undefined {
  const values = rows.map((row) => row[counter]).filter((value) => value !== null);
  return values.length === 0 ? undefined : values.reduce((sum, value) => sum + value, 0);
}

function latest(rows: readonly UsageRow[], moment: Moment): string | undefined {
  const times = rows.map((row) => row[moment]?.getTime()).filter((time) => time !== undefined);
  return times.length === 0 ? undefined : new Date(Math.max(...times)).toISOString();
}

/**
 * Activity counters of a table, or of a partitioned table with all its partitions (where the
 * rows really live): counters are summed, and the latest of each maintenance time is kept.
 */
export function assembleUsage(
  rows: readonly UsageRow[],
  statsReset: string | null,
): DatasetUsage | undefined {
  if (rows.length === 0) return undefined;
  const usage: DatasetUsage = { source: "pg_stat_user_tables" };
  usage.statsReset = statsReset ?? undefined;
  for (const counter of counters) usage[counter] = total(rows, counter);
  for (const moment of moments) usage[moment] = latest(rows, moment);
  return compact(usage);
}
