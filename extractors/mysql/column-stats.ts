import type { FieldStats } from "../../src/model/index.js";
import { compact } from "../shared/order.js";
import { mariadbColumnStatsQuery, mysqlHistogramsQuery, type Scope } from "./catalog-queries.js";
import type { MysqlSession } from "./mysql-session.js";
import { numberOf, requiredText, textOf } from "./row-values.js";
import type { ServerFeatures } from "./server-flavour.js";

/** What the server keeps about one column; no data value (min, max, bucket bounds) is read. */
export interface ColumnStatsRow {
  tableName: string;
  columnName: string;
  nullFraction?: number;
  averageLength?: number;
  /** MariaDB: non-null rows per distinct value. */
  averageFrequency?: number;
  /** MySQL singleton histograms: one bucket per distinct value (of the sampled rows). */
  distinct?: number;
  source: string;
}

function mariadbRow(raw: Record<string, unknown>): ColumnStatsRow {
  return {
    tableName: requiredText(raw.tableName),
    columnName: requiredText(raw.columnName),
    nullFraction: numberOf(raw.nullsRatio),
    averageLength: numberOf(raw.avgLength),
    averageFrequency: numberOf(raw.avgFrequency),
    source: "mysql.column_stats",
  };
}

function histogramRow(raw: Record<string, unknown>): ColumnStatsRow {
  return {
    tableName: requiredText(raw.tableName),
    columnName: requiredText(raw.columnName),
    nullFraction: numberOf(raw.nullsRatio),
    distinct: textOf(raw.histogramType) === "singleton" ? numberOf(raw.buckets) : undefined,
    source: "information_schema.COLUMN_STATISTICS",
  };
}

/**
 * Column statistics where the server keeps them and the user may read them. They are optional:
 * a missing table or a permission error (mysql.column_stats needs SELECT on the mysql database)
 * means no statistics, never a failure.
 */
export async function readColumnStats(
  session: MysqlSession,
  scope: Scope,
  features: ServerFeatures,
): Promise<ColumnStatsRow[]> {
  const query = features.columnStats
    ? { statement: mariadbColumnStatsQuery(scope), row: mariadbRow }
    : features.histograms
      ? { statement: mysqlHistogramsQuery(scope), row: histogramRow }
      : undefined;
  if (!query) return [];
  try {
    const rows = await session.query(query.statement.sql, query.statement.values);
    return rows.map(query.row);
  } catch {
    return [];
  }
}

/** The model's FieldStats; undefined when the server said nothing useful. */
export function fieldStatsOf(
  row: ColumnStatsRow,
  rowEstimate: number | undefined,
): FieldStats | undefined {
  const nullFraction =
    row.nullFraction === undefined ? undefined : Math.min(1, Math.max(0, row.nullFraction));
  let distinct = row.distinct;
  if (
    distinct === undefined &&
    row.averageFrequency !== undefined &&
    row.averageFrequency > 0 &&
    rowEstimate !== undefined
  ) {
    distinct = Math.max(
      1,
      Math.round((rowEstimate * (1 - (nullFraction ?? 0))) / row.averageFrequency),
    );
    if (rowEstimate === 0 || nullFraction === 1) distinct = 0;
  }
  const stats = compact<FieldStats>({
    nullFraction,
    distinct,
    averageLength: row.averageLength,
    source: row.source,
  });
  return Object.keys(stats).length > 1 ? stats : undefined;
}
