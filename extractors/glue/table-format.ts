import type { Table } from "@aws-sdk/client-glue";
import type { DatasetKind } from "../../src/model/index.js";

const openTableFormats = ["iceberg", "delta", "hudi"] as const;

/** Glue parameter names are case-sensitive, their values are not always lower-case. */
function parameter(table: Table, key: string): string | undefined {
  return table.Parameters?.[key]?.trim().toLowerCase() || undefined;
}

/**
 * The open table format, from what each writer leaves in the table: `table_type` (Athena and
 * the Iceberg/Delta Glue integrations: `ICEBERG`, `DELTA`), Spark's data source provider, Hudi's
 * input format; `governed` for Lake Formation governed tables; `hive` for plain Hive tables.
 */
export function tableFormatOf(table: Table): string | undefined {
  if (table.TableType === "VIRTUAL_VIEW" || table.TargetTable) return undefined;
  if (table.TableType === "GOVERNED") return "governed";
  const signals = [
    parameter(table, "table_type"),
    parameter(table, "spark.sql.sources.provider"),
    parameter(table, "classification"),
  ];
  const declared = openTableFormats.find((format) => signals.includes(format));
  if (declared) return declared;
  const inputFormat = table.StorageDescriptor?.InputFormat?.toLowerCase() ?? "";
  if (inputFormat.includes("hudi") || inputFormat.includes("hoodie")) return "hudi";
  return "hive";
}

/** Class names of the usual Hive input formats and SerDes, and the data format they read. */
const formatHints: Array<[RegExp, string]> = [
  [/parquet/i, "parquet"],
  [/\borc/i, "orc"],
  [/avro/i, "avro"],
  [/json/i, "json"],
  [/opencsv|csvserde/i, "csv"],
];

/**
 * The data format: Glue's `classification` parameter (set by crawlers and Athena), else what the
 * input format or SerDe class names say. A table format in `classification` is not a data format.
 */
export function dataFormatOf(table: Table): string | undefined {
  const classification = parameter(table, "classification");
  if (classification && !(openTableFormats as readonly string[]).includes(classification)) {
    return classification;
  }
  const descriptor = table.StorageDescriptor;
  const classes = [descriptor?.InputFormat, descriptor?.SerdeInfo?.SerializationLibrary];
  for (const className of classes) {
    const hint = formatHints.find(([pattern]) => className && pattern.test(className));
    if (hint) return hint[1];
  }
  const writeFormat = parameter(table, "write.format.default");
  return writeFormat ?? (tableFormatOf(table) === "iceberg" ? "parquet" : undefined);
}

/** A resource link reads as a table whose data is held elsewhere: an external table. */
export function kindOf(table: Table): DatasetKind {
  if (table.TableType === "VIRTUAL_VIEW") return "view";
  if (table.TargetTable) return "external_table";
  if (table.TableType === "EXTERNAL_TABLE") return "external_table";
  return "table";
}

const formatWords: Record<string, string> = {
  iceberg: "Iceberg table",
  delta: "Delta Lake table",
  hudi: "Hudi table",
  governed: "governed table",
};

/** What the table is, in words: "external table", "Iceberg table", "view", "resource link". */
export function objectTypeOf(table: Table): string {
  if (table.TargetTable) return "resource link";
  if (table.TableType === "VIRTUAL_VIEW") return "view";
  const word = formatWords[tableFormatOf(table) ?? ""];
  if (word) return word;
  return table.TableType === "EXTERNAL_TABLE" ? "external table" : "table";
}

/**
 * SerDe parameters that say how the files are laid out. An allow-list, because SerDe parameters
 * are free-form and some SerDes (JDBC, custom ones) take connection settings or credentials.
 */
const layoutParameters = new Set([
  "field.delim",
  "line.delim",
  "collection.delim",
  "colelction.delim",
  "mapkey.delim",
  "escape.delim",
  "serialization.format",
  "serialization.null.format",
  "serialization.encoding",
  "separatorChar",
  "quoteChar",
  "escapeChar",
  "skip.header.line.count",
  "input.regex",
  "timestamp.formats",
  "ignore.malformed.json",
  "dots.in.keys",
  "case.insensitive",
  "paths",
  "parquet.compression",
  "orc.compress",
]);

export function layoutSerdeParameters(
  parameters: Record<string, string> | undefined,
): Record<string, string> | undefined {
  const kept = Object.entries(parameters ?? {})
    .filter(([key]) => layoutParameters.has(key))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}
