import type { Column, Table } from "@aws-sdk/client-glue";
import type { Dataset, DatasetStats, Field, StorageFacts } from "../../src/model/index.js";
import { newDataset } from "../../src/model/new-dataset.js";
import { compact } from "../shared/order.js";
import { columnFields, isCurrentColumn } from "./column-fields.js";
import {
  dataFormatOf,
  kindOf,
  layoutSerdeParameters,
  objectTypeOf,
  tableFormatOf,
} from "./table-format.js";
import { viewDefinitionOf } from "./view-text.js";

/** Where the table lives: its catalog's region and account, for the ARN. */
export interface CatalogLocation {
  region: string;
  /** `catalog_id` from the config, used when a table does not name its own catalog. */
  catalogId?: string;
}

/** `arn:aws:glue:<region>:<account>:table/<database>/<table>`, Glue's own resource ARN. */
function tableArn(where: CatalogLocation, table: Table, database: string): string {
  const account = table.CatalogId ?? where.catalogId ?? "";
  return `arn:aws:glue:${where.region}:${account}:table/${database}/${table.Name ?? ""}`;
}

/** A count Glue keeps as a string parameter; crawlers write `-1` when they do not know. */
function countParameter(table: Table, ...keys: string[]): number | undefined {
  for (const key of keys) {
    const text = table.Parameters?.[key]?.trim();
    if (text === undefined || !/^\d+(\.\d+)?$/.test(text)) continue;
    const value = Number(text);
    if (Number.isFinite(value)) return value;
  }
  return undefined;
}

/** Crawlers write `recordCount` and `sizeKey`; Hive and Spark `numRows` and `totalSize`. */
function statsOf(table: Table): DatasetStats | undefined {
  const rowEstimate = countParameter(table, "recordCount", "numRows");
  const sizeBytes = countParameter(table, "sizeKey", "totalSize");
  if (rowEstimate === undefined && sizeBytes === undefined) return undefined;
  return compact({ rowEstimate, sizeBytes, source: "Glue table parameters" });
}

/** ISO 8601 in UTC to the second, like every timestamp okf writes. */
function isoSeconds(date: Date | undefined): string | undefined {
  if (date === undefined || Number.isNaN(date.getTime())) return undefined;
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

function storageOf(table: Table, partitionKeys: string[]): StorageFacts | undefined {
  if (table.TableType === "VIRTUAL_VIEW" || table.TargetTable) return undefined;
  const descriptor = table.StorageDescriptor;
  const compression = table.Parameters?.compressionType?.trim().toLowerCase();
  const compressed =
    descriptor?.Compressed === true || (compression !== undefined && compression !== "none");
  return compact({
    location: descriptor?.Location?.trim() || undefined,
    tableFormat: tableFormatOf(table),
    dataFormat: dataFormatOf(table),
    inputFormat: descriptor?.InputFormat?.trim() || undefined,
    outputFormat: descriptor?.OutputFormat?.trim() || undefined,
    serde: descriptor?.SerdeInfo?.SerializationLibrary?.trim() || undefined,
    serdeParameters: layoutSerdeParameters(descriptor?.SerdeInfo?.Parameters),
    compressed: compressed ? true : undefined,
    partitionKeys,
    updatedAt: isoSeconds(table.UpdateTime),
    source: "GetTables",
  });
}

/** Data columns, then partition columns (Hive lists them apart; queries see them as columns). */
function fieldsOf(columns: Column[], partitionColumns: Column[]): Field[] {
  const fields: Field[] = [];
  const seen = new Set<string>();
  for (const column of [...columns, ...partitionColumns]) {
    const name = column.Name?.trim();
    if (!name || seen.has(name)) continue;
    seen.add(name);
    fields.push(...columnFields(column, name, seen.size));
  }
  return fields;
}

/** A resource link points at a table of another (or the same) catalog; it has no schema itself. */
function resourceLinkSentence(table: Table): string | undefined {
  const target = table.TargetTable;
  if (!target) return undefined;
  const name = [target.DatabaseName, target.Name].filter(Boolean).join(".");
  const where = [
    target.CatalogId ? `catalog ${target.CatalogId}` : undefined,
    target.Region ? `region ${target.Region}` : undefined,
  ].filter(Boolean);
  return `Resource link to the table ${name}${where.length > 0 ? ` (${where.join(", ")})` : ""}.`;
}

/** One Glue table, view or resource link as a Dataset (column statistics come later). */
export function assembleTable(table: Table, database: string, where: CatalogLocation): Dataset {
  const columns = (table.StorageDescriptor?.Columns ?? []).filter(isCurrentColumn);
  const partitionColumns = table.PartitionKeys ?? [];
  const fields = fieldsOf(columns, partitionColumns);
  const partitionKeys = partitionColumns
    .map((column) => column.Name?.trim() ?? "")
    .filter((name) => name !== "");
  const comment = [table.Description?.trim(), resourceLinkSentence(table)]
    .filter(Boolean)
    .join("\n\n");
  return newDataset(
    compact({
      ref: { database, name: table.Name ?? "" },
      kind: kindOf(table),
      objectType: objectTypeOf(table),
      comment: comment || undefined,
      resource: tableArn(where, table, database),
      fields,
      viewDefinition: table.TableType === "VIRTUAL_VIEW" ? viewDefinitionOf(table) : undefined,
      stats: statsOf(table),
      storage: storageOf(table, partitionKeys),
    }),
  );
}
