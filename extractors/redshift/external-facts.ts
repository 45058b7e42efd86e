import type { DatasetStats, LinkedConcept, StorageFacts } from "../../src/model/index.js";
import { compact } from "../shared/order.js";
import type { ExternalSchemaRow, ExternalTableRow, PartitionKeyRow } from "./catalog-rows.js";

/** svv_external_schemas.eskind of a schema over the AWS Glue Data Catalog. */
const glueCatalogKind = 1;
/** Federated queries to Aurora/RDS PostgreSQL (3) and MySQL (8). */
const federatedKinds = new Set([3, 8]);

/** svv_external_tables keeps table and SerDe properties as JSON object text. */
export function parseProperties(text: string | null): Record<string, string> {
  if (text === null || text.trim() === "") return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter(
        (entry): entry is [string, string] => typeof entry[1] === "string",
      ),
    );
  } catch {
    return {};
  }
}

function tableFormat(row: ExternalTableRow, parameters: Record<string, string>): string {
  const declared = parameters.table_type?.toLowerCase();
  if (declared === "iceberg") return "iceberg";
  if (/hudi|hoodie/i.test(row.inputFormat ?? "")) return "hudi";
  if (parameters["spark.sql.sources.provider"]?.toLowerCase() === "delta") return "delta";
  return "hive";
}

/** Hive's `transient_lastDdlTime` is seconds since the epoch. */
function lastDdlTime(parameters: Record<string, string>): string | undefined {
  const seconds = Number(parameters.transient_lastDdlTime);
  return Number.isSafeInteger(seconds) && seconds > 0
    ? new Date(seconds * 1000).toISOString()
    : undefined;
}

const blank = (value: string | null): string | undefined =>
  value === null || value.trim() === "" ? undefined : value.trim();

/**
 * Where and how the files behind a Spectrum table are stored; no data values. A federated
 * table has no files, and so no storage facts.
 */
export function storageFacts(
  row: ExternalTableRow,
  partitionKeys: readonly PartitionKeyRow[],
): StorageFacts | undefined {
  if (blank(row.location) === undefined && blank(row.inputFormat) === undefined) return undefined;
  const parameters = parseProperties(row.parameters);
  const serdeParameters = parseProperties(row.serdeParameters);
  return compact<StorageFacts>({
    location: blank(row.location),
    tableFormat: tableFormat(row, parameters),
    dataFormat: parameters.classification?.toLowerCase(),
    inputFormat: blank(row.inputFormat),
    outputFormat: blank(row.outputFormat),
    serde: blank(row.serde),
    serdeParameters: Object.keys(serdeParameters).length > 0 ? serdeParameters : undefined,
    compressed: row.compressed === null ? undefined : row.compressed === 1,
    partitionKeys: [...partitionKeys]
      .sort((a, b) => a.position - b.position)
      .map((key) => key.column),
    updatedAt: lastDdlTime(parameters),
    source: "svv_external_tables",
  });
}

/** The `numRows` table property, when someone set it for the planner. */
export function externalStats(row: ExternalTableRow): DatasetStats | undefined {
  const rows = parseProperties(row.parameters).numRows ?? "";
  return /^\d+$/.test(rows)
    ? { rowEstimate: Number(rows), source: "svv_external_tables (numRows table property)" }
    : undefined;
}

export function externalObjectType(schema: ExternalSchemaRow | undefined): string {
  return schema !== undefined && federatedKinds.has(schema.kind)
    ? "federated table"
    : "external table";
}

/** A Spectrum table over the Glue Data Catalog reads the Glue table of the same name. */
export function glueLink(
  schema: ExternalSchemaRow | undefined,
  table: string,
  glueSource: string | undefined,
): LinkedConcept[] | undefined {
  const database = schema?.externalDatabase?.trim();
  if (glueSource === undefined || schema?.kind !== glueCatalogKind || !database) return undefined;
  return [{ source: glueSource, ref: { database, name: table }, relation: "reads the Glue table" }];
}
