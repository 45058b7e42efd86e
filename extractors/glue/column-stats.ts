import type { ColumnStatistics, ColumnStatisticsData } from "@aws-sdk/client-glue";
import type { Dataset, FieldStats } from "../../src/model/index.js";
import { compact } from "../shared/order.js";
import { awsFailureReason, errorName } from "../shared/aws-errors.js";
import type { GlueApi } from "./glue-api.js";

const columnStatisticsSource = "Glue column statistics";

interface Figures {
  NumberOfNulls?: number;
  NumberOfDistinctValues?: number;
  AverageLength?: number;
}

/**
 * The counts of whichever typed member is set. Minimum and maximum values are never read: they
 * are raw values and could be personal data (docs/classification.md).
 */
function figuresOf(data: ColumnStatisticsData | undefined): Figures | undefined {
  if (!data) return undefined;
  const typed =
    data.StringColumnStatisticsData ??
    data.LongColumnStatisticsData ??
    data.DoubleColumnStatisticsData ??
    data.DecimalColumnStatisticsData ??
    data.DateColumnStatisticsData ??
    data.BooleanColumnStatisticsData ??
    data.BinaryColumnStatisticsData;
  if (!typed) return undefined;
  return {
    NumberOfNulls: typed.NumberOfNulls,
    NumberOfDistinctValues:
      "NumberOfDistinctValues" in typed ? typed.NumberOfDistinctValues : undefined,
    AverageLength: "AverageLength" in typed ? typed.AverageLength : undefined,
  };
}

const count = (value: number | undefined): number | undefined =>
  value !== undefined && Number.isFinite(value) && value >= 0 ? value : undefined;

/** Nulls become a fraction of the table's record count; without one, they are left out. */
function fieldStatsOf(
  statistics: ColumnStatistics,
  recordCount: number | undefined,
): FieldStats | undefined {
  const figures = figuresOf(statistics.StatisticsData);
  if (!figures) return undefined;
  const nulls = count(figures.NumberOfNulls);
  const nullFraction =
    nulls !== undefined && recordCount !== undefined && recordCount > 0
      ? Math.min(1, nulls / recordCount)
      : undefined;
  const stats = compact({
    nullFraction,
    distinct: count(figures.NumberOfDistinctValues),
    averageLength: count(figures.AverageLength),
    source: columnStatisticsSource,
  });
  return Object.keys(stats).length > 1 ? stats : undefined;
}

/** The dataset with each top-level column's statistics, where Glue has any. */
function withColumnStatistics(dataset: Dataset, statistics: ColumnStatistics[]): Dataset {
  const byColumn = new Map(statistics.map((entry) => [entry.ColumnName, entry]));
  const recordCount = dataset.stats?.rowEstimate;
  const fields = dataset.fields.map((field) => {
    const entry = field.path === field.name ? byColumn.get(field.name) : undefined;
    const stats = entry ? fieldStatsOf(entry, recordCount) : undefined;
    return stats ? { ...field, stats } : field;
  });
  return { ...dataset, fields };
}

/** Columns worth asking about: data columns of tables (views and resource links have none). */
function statisticsColumns(dataset: Dataset): string[] {
  if (dataset.kind === "view" || dataset.storage === undefined) return [];
  const partitions = new Set(dataset.storage.partitionKeys);
  return dataset.fields
    .filter((field) => field.path === field.name && !partitions.has(field.name))
    .map((field) => field.name);
}

/**
 * Reads the statistics of one table. A table that has none (EntityNotFoundException) just has
 * none. A call that is denied (AccessDeniedException, often Lake Formation), throttled past the
 * SDK's retries or fails otherwise does not fail the table: its statistics are unobserved this
 * run, so the pipeline keeps the last observed ones and reports the table as partly read. The
 * error is also returned for the summary line.
 */
export async function readColumnStatistics(
  api: GlueApi,
  dataset: Dataset,
): Promise<{ dataset: Dataset; error?: unknown }> {
  const columns = statisticsColumns(dataset);
  const { database } = dataset.ref;
  if (columns.length === 0 || database === undefined) return { dataset };
  try {
    const statistics = await api.columnStatistics(database, dataset.ref.name, columns);
    return { dataset: withColumnStatistics(dataset, statistics) };
  } catch (error) {
    if (errorName(error) === "EntityNotFoundException") return { dataset };
    const reason = `GetColumnStatisticsForTable: ${awsFailureReason(error).text}`;
    const unobserved = [...(dataset.unobserved ?? []), { part: "statistics" as const, reason }];
    return { dataset: { ...dataset, unobserved }, error };
  }
}
