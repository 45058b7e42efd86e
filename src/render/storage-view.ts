import type { EnrichedDataset, StorageFacts } from "../model/index.js";
import { inlineSource } from "../knowledge-file/markdown-text.js";
import { capitalise, code, codeList, formatDay } from "./format.js";

const dataFormatNames: Record<string, string> = {
  parquet: "Parquet",
  orc: "ORC",
  avro: "Avro",
  csv: "CSV",
  tsv: "TSV",
  json: "JSON",
  xml: "XML",
  ion: "Ion",
};

const tableFormatNames: Record<string, string> = {
  iceberg: "Iceberg table",
  delta: "Delta Lake table",
  hudi: "Hudi table",
  governed: "Lake Formation governed table",
  hive: "Hive table",
};

/** Delimiters such as `\u0001` are control characters: shown escaped, never raw. */
function visible(value: string): string {
  let shown = "";
  for (let index = 0; index < value.length; index++) {
    const point = value.charCodeAt(index);
    shown +=
      point < 0x20 || point === 0x7f
        ? `\\u${point.toString(16).padStart(4, "0")}`
        : value.charAt(index);
  }
  return shown;
}

function formatBullet(storage: StorageFacts): string | undefined {
  const data = storage.dataFormat
    ? (dataFormatNames[storage.dataFormat.toLowerCase()] ?? inlineSource(storage.dataFormat))
    : undefined;
  const table = storage.tableFormat
    ? (tableFormatNames[storage.tableFormat.toLowerCase()] ??
      `${inlineSource(storage.tableFormat)} table`)
    : undefined;
  if (data && table) return `Format ${data} (${table})`;
  if (data) return `Format ${data}`;
  return table ? `Format: ${table}` : undefined;
}

function serdeBullet(storage: StorageFacts): string | undefined {
  if (!storage.serde) return undefined;
  const parameters = Object.entries(storage.serdeParameters ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${code(key)} ${code(visible(value))}`);
  return parameters.length > 0
    ? `SerDe ${code(storage.serde)} (${parameters.join(", ")})`
    : `SerDe ${code(storage.serde)}`;
}

function classesBullet(storage: StorageFacts): string | undefined {
  const parts = [
    storage.inputFormat ? `input format ${code(storage.inputFormat)}` : undefined,
    storage.outputFormat ? `output format ${code(storage.outputFormat)}` : undefined,
  ].filter((part) => part !== undefined);
  if (parts.length === 0) return undefined;
  return capitalise(parts.join(", "));
}

/**
 * Bullets of the Storage section for tables over files (Glue, Spectrum): location, table and
 * data format, SerDe, compression, partition columns, last update. The update is a day, not a
 * time, so that nightly regeneration does not turn every write into a diff.
 */
export function storageBullets(dataset: EnrichedDataset): string[] {
  const storage = dataset.storage;
  if (!storage) return [];
  const bullets = [
    storage.location ? `Location ${code(storage.location)}` : undefined,
    formatBullet(storage),
    serdeBullet(storage),
    classesBullet(storage),
    storage.partitionKeys.length > 0
      ? `Partitioned by ${codeList(storage.partitionKeys)} (partition columns)`
      : undefined,
    storage.compressed ? "Compressed" : undefined,
    storage.updatedAt ? `Last updated ${formatDay(storage.updatedAt)}` : undefined,
  ];
  return bullets.filter((bullet) => bullet !== undefined);
}
