import type { Column, ColumnStatistics, Table } from "@aws-sdk/client-glue";
import type { ExtractContext } from "../../../extractors/extractor.js";
import { glueExtractor } from "../../../extractors/glue/glue-extractor.js";
import { glueSourceSchema, type GlueSourceConfig } from "../../../extractors/glue/config-schema.js";
import type { Dataset } from "../../../src/model/index.js";
import { accountId } from "./fake-catalog.js";
import {
  extractDatasets,
  recordingContext,
  type Extracted,
} from "../../helpers/extract-datasets.js";

export const created = new Date("2025-06-02T08:15:00Z");
const updated = new Date("2026-11-20T03:41:27.512Z");

/** Parameters a Glue crawler writes on the tables it creates. */
export function crawlerParameters(
  classification: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    CrawlerSchemaDeserializerVersion: "1.0",
    CrawlerSchemaSerializerVersion: "1.0",
    UPDATED_BY_CRAWLER: "lake-crawler",
    averageRecordSize: "87",
    classification,
    compressionType: "none",
    objectCount: "48",
    recordCount: "1234567",
    sizeKey: "3456789012",
    typeOfData: "file",
    ...extra,
  };
}

/**
 * A crawler-made Parquet table as GetTables returns it: the storage descriptor with columns,
 * formats and SerDe, partition keys, the crawler's parameters in both places.
 */
export function parquetTable(
  database: string,
  name: string,
  columns: Column[] = [
    { Name: "event_id", Type: "string", Comment: "Unique id of the event" },
    { Name: "occurred_at", Type: "timestamp" },
  ],
  extra: Partial<Table> = {},
): Table {
  const parameters = crawlerParameters("parquet");
  return {
    Name: name,
    DatabaseName: database,
    Owner: "owner",
    CreateTime: created,
    UpdateTime: updated,
    LastAccessTime: updated,
    Retention: 0,
    StorageDescriptor: {
      Columns: columns,
      Location: `s3://acme-lake-prod/${database}/${name}/`,
      InputFormat: "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
      OutputFormat: "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
      Compressed: false,
      NumberOfBuckets: -1,
      SerdeInfo: {
        SerializationLibrary: "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe",
        Parameters: { "serialization.format": "1" },
      },
      BucketColumns: [],
      SortColumns: [],
      Parameters: parameters,
      StoredAsSubDirectories: false,
    },
    PartitionKeys: [],
    TableType: "EXTERNAL_TABLE",
    Parameters: parameters,
    CreatedBy: `arn:aws:sts::${accountId}:assumed-role/AWSGlueServiceRole-lake/AWS-Crawler`,
    IsRegisteredWithLakeFormation: false,
    CatalogId: accountId,
    VersionId: "4",
    ...extra,
  };
}

/** An Athena view: Presto's definition as base64 JSON in a comment, Hive types in the descriptor. */
/** A partitioned Parquet table of page views, with a comment, a nested struct and an array. */
export function pageViewsTable(database: string): Table {
  return parquetTable(
    database,
    "page_views",
    [
      { Name: "view_id", Type: "string", Comment: "Unique id of the page view" },
      { Name: "visitor_email", Type: "string" },
      { Name: "visitor", Type: "struct<id:string,geo:struct<country:string,city:string>>" },
      { Name: "items", Type: "array<struct<sku:string,price:decimal(10,2)>>" },
      { Name: "duration_ms", Type: "bigint" },
    ],
    {
      Description: "One row per page view, loaded hourly by the clickstream job.",
      PartitionKeys: [
        { Name: "year", Type: "string" },
        { Name: "month", Type: "string" },
      ],
    },
  );
}

export function athenaView(database: string, name: string, sql: string, columns: Column[]): Table {
  const presto = {
    originalSql: sql,
    catalog: "awsdatacatalog",
    schema: database,
    columns: columns.map((column) => ({ name: column.Name, type: column.Type })),
    owner: `arn:aws:iam::${accountId}:user/analyst`,
    runAsInvoker: false,
    properties: {},
  };
  const encoded = Buffer.from(JSON.stringify(presto)).toString("base64");
  return {
    Name: name,
    DatabaseName: database,
    Owner: `arn:aws:iam::${accountId}:user/analyst`,
    CreateTime: created,
    UpdateTime: created,
    LastAccessTime: created,
    Retention: 0,
    StorageDescriptor: {
      Columns: columns,
      Location: "",
      Compressed: false,
      NumberOfBuckets: 0,
      SerdeInfo: {},
      SortColumns: [],
      StoredAsSubDirectories: false,
    },
    PartitionKeys: [],
    ViewOriginalText: `/* Presto View: ${encoded} */`,
    ViewExpandedText: "/* Presto View */",
    TableType: "VIRTUAL_VIEW",
    Parameters: { comment: "Presto View", presto_view: "true" },
    CreatedBy: `arn:aws:iam::${accountId}:user/analyst`,
    IsRegisteredWithLakeFormation: false,
    CatalogId: accountId,
    VersionId: "0",
  };
}

/** String column statistics as Glue returns them (minimum and maximum are not part of strings). */
export function stringStatistics(
  column: string,
  figures: { nulls: number; distinct: number; averageLength: number; maximumLength?: number },
): ColumnStatistics {
  return {
    ColumnName: column,
    ColumnType: "string",
    AnalyzedTime: new Date("2026-11-19T22:00:00Z"),
    StatisticsData: {
      Type: "STRING",
      StringColumnStatisticsData: {
        MaximumLength: figures.maximumLength ?? 64,
        AverageLength: figures.averageLength,
        NumberOfNulls: figures.nulls,
        NumberOfDistinctValues: figures.distinct,
      },
    },
  };
}

/** A source config as the loader would give it (defaults filled in by the schema). */
export function sourceConfig(extra: Record<string, unknown> = {}): GlueSourceConfig {
  return glueSourceSchema.parse({ name: "lake", type: "glue", region: "eu-west-1", ...extra });
}

export { recordingContext as testContext };

export function extract(
  config: GlueSourceConfig,
  context: ExtractContext = recordingContext(),
): Promise<Extracted> {
  return extractDatasets(glueExtractor, config, context);
}

export function datasetNamed(datasets: readonly Dataset[], name: string): Dataset {
  const found = datasets.find((dataset) => dataset.ref.name === name);
  if (!found) throw new Error(`no dataset ${name}`);
  return found;
}
