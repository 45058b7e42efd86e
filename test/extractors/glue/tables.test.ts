import type { Table } from "@aws-sdk/client-glue";
import { afterEach, describe, expect, it } from "vitest";
import { extractLake, extractLakeTables, lakeTableArn } from "./lake-tables.js";
import { glue } from "./mock-glue.js";
import { crawlerParameters, datasetNamed, parquetTable } from "./support.js";

afterEach(() => {
  glue.reset();
});

describe("Glue tables as datasets (aws-sdk-client-mock)", () => {
  it("reads a crawler's partitioned Parquet table: columns, nested fields, storage, counts", async () => {
    const table = parquetTable(
      "lake",
      "page_views",
      [
        { Name: "view_id", Type: "string", Comment: "Unique id of the page view" },
        { Name: "visitor", Type: "struct<id:string,geo:struct<country:string,city:string>>" },
        { Name: "items", Type: "array<struct<sku:string,price:decimal(10,2)>>" },
      ],
      {
        Description: "One row per page view.\n\nLoaded hourly by the clickstream job.",
        PartitionKeys: [
          { Name: "year", Type: "string" },
          { Name: "month", Type: "string", Comment: "Two digits" },
        ],
      },
    );
    const {
      extraction,
      datasets: [dataset],
    } = await extractLake([table]);
    expect(dataset).toEqual({
      ref: { database: "lake", name: "page_views" },
      kind: "external_table",
      objectType: "external table",
      comment: "One row per page view.\n\nLoaded hourly by the clickstream job.",
      resource: lakeTableArn("page_views"),
      fields: [
        {
          name: "view_id",
          path: "view_id",
          position: 1,
          type: "string",
          comment: "Unique id of the page view",
        },
        {
          name: "visitor",
          path: "visitor",
          position: 2,
          type: "struct<id:string,geo:struct<country:string,city:string>>",
        },
        { name: "id", path: "visitor.id", position: 2, type: "string" },
        {
          name: "geo",
          path: "visitor.geo",
          position: 2,
          type: "struct<country:string,city:string>",
        },
        { name: "country", path: "visitor.geo.country", position: 2, type: "string" },
        { name: "city", path: "visitor.geo.city", position: 2, type: "string" },
        {
          name: "items",
          path: "items",
          position: 3,
          type: "array<struct<sku:string,price:decimal(10,2)>>",
        },
        { name: "sku", path: "items[].sku", position: 3, type: "string" },
        { name: "price", path: "items[].price", position: 3, type: "decimal(10,2)" },
        { name: "year", path: "year", position: 4, type: "string" },
        { name: "month", path: "month", position: 5, type: "string", comment: "Two digits" },
      ],
      keys: [],
      foreignKeys: [],
      referencedBy: [],
      checks: [],
      indexes: [],
      partitions: [],
      tags: [],
      stats: { rowEstimate: 1_234_567, sizeBytes: 3_456_789_012, source: "Glue table parameters" },
      storage: {
        location: "s3://acme-lake-prod/lake/page_views/",
        tableFormat: "hive",
        dataFormat: "parquet",
        inputFormat: "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
        outputFormat: "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
        serde: "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe",
        serdeParameters: { "serialization.format": "1" },
        partitionKeys: ["year", "month"],
        updatedAt: "2026-11-20T03:41:27Z",
        source: "GetTables",
      },
    });
    if (!dataset) throw new Error("no dataset");
    expect(extraction.sample?.(dataset, 1000)).toBeUndefined();
  });

  it("recognises Iceberg, Delta Lake, Hudi, governed and managed tables", async () => {
    const iceberg: Table = {
      ...parquetTable("lake", "orders_iceberg", [
        {
          Name: "order_id",
          Type: "bigint",
          Parameters: {
            "iceberg.field.current": "true",
            "iceberg.field.id": "1",
            "iceberg.field.optional": "false",
          },
        },
        {
          Name: "legacy_code",
          Type: "string",
          Parameters: {
            "iceberg.field.current": "false",
            "iceberg.field.id": "2",
            "iceberg.field.optional": "true",
          },
        },
        {
          Name: "note",
          Type: "string",
          Parameters: {
            "iceberg.field.current": "true",
            "iceberg.field.id": "3",
            "iceberg.field.optional": "true",
          },
        },
      ]),
      Parameters: {
        table_type: "ICEBERG",
        metadata_location:
          "s3://acme-lake-prod/lake/orders_iceberg/metadata/00004-0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b.metadata.json",
      },
    };
    if (iceberg.StorageDescriptor) {
      iceberg.StorageDescriptor.InputFormat = "org.apache.hadoop.mapred.FileInputFormat";
      iceberg.StorageDescriptor.OutputFormat = "org.apache.hadoop.mapred.FileOutputFormat";
      iceberg.StorageDescriptor.SerdeInfo = {
        SerializationLibrary: "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe",
      };
      iceberg.StorageDescriptor.Parameters = {};
    }
    const delta = {
      ...parquetTable("lake", "orders_delta"),
      Parameters: { "spark.sql.sources.provider": "delta", classification: "delta" },
    };
    const athenaDelta = {
      ...parquetTable("lake", "orders_delta_athena"),
      Parameters: { table_type: "DELTA" },
    };
    const hudi = parquetTable("lake", "orders_hudi");
    if (hudi.StorageDescriptor) {
      hudi.StorageDescriptor.InputFormat = "org.apache.hudi.hadoop.HoodieParquetInputFormat";
    }
    hudi.Parameters = { classification: "hudi" };
    const governed = { ...parquetTable("lake", "orders_governed"), TableType: "GOVERNED" };
    const managed = { ...parquetTable("lake", "orders_managed"), TableType: "MANAGED_TABLE" };

    const datasets = await extractLakeTables([
      iceberg,
      delta,
      athenaDelta,
      hudi,
      governed,
      managed,
    ]);
    const facts = (name: string) => {
      const dataset = datasetNamed(datasets, name);
      return [
        dataset.kind,
        dataset.objectType,
        dataset.storage?.tableFormat,
        dataset.storage?.dataFormat,
      ];
    };
    expect(facts("orders_iceberg")).toEqual([
      "external_table",
      "Iceberg table",
      "iceberg",
      "parquet",
    ]);
    expect(facts("orders_delta")).toEqual([
      "external_table",
      "Delta Lake table",
      "delta",
      "parquet",
    ]);
    expect(facts("orders_delta_athena")).toEqual([
      "external_table",
      "Delta Lake table",
      "delta",
      "parquet",
    ]);
    expect(facts("orders_hudi")).toEqual(["external_table", "Hudi table", "hudi", "parquet"]);
    expect(facts("orders_governed")).toEqual(["table", "governed table", "governed", "parquet"]);
    expect(facts("orders_managed")).toEqual(["table", "table", "hive", "parquet"]);

    // Athena keeps dropped Iceberg columns, marked not current; they are not the table's.
    const icebergFields = datasetNamed(datasets, "orders_iceberg").fields;
    expect(icebergFields.map((field) => [field.path, field.nullable])).toEqual([
      ["order_id", false],
      ["note", true],
    ]);
    // No recordCount/sizeKey parameters: no counts, rather than made-up ones.
    expect(datasetNamed(datasets, "orders_iceberg").stats).toBeUndefined();
  });

  it("keeps only layout SerDe parameters of a CSV table and notes its compression", async () => {
    const csv = parquetTable("lake", "customers_csv", [{ Name: "id", Type: "int" }], {
      Parameters: crawlerParameters("csv", {
        compressionType: "gzip",
        "skip.header.line.count": "1",
      }),
    });
    if (csv.StorageDescriptor) {
      csv.StorageDescriptor.InputFormat = "org.apache.hadoop.mapred.TextInputFormat";
      csv.StorageDescriptor.OutputFormat =
        "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat";
      csv.StorageDescriptor.SerdeInfo = {
        SerializationLibrary: "org.apache.hadoop.hive.serde2.OpenCSVSerde",
        Parameters: {
          separatorChar: ",",
          quoteChar: '"',
          escapeChar: "\\",
          "aws.secret.access.key": "not-a-real-secret-but-never-copied",
          password: "hunter2-never-copied",
        },
      };
    }
    const [dataset] = await extractLakeTables([csv]);
    expect(dataset?.storage).toMatchObject({
      dataFormat: "csv",
      serde: "org.apache.hadoop.hive.serde2.OpenCSVSerde",
      serdeParameters: { escapeChar: "\\", quoteChar: '"', separatorChar: "," },
      compressed: true,
    });
    expect(JSON.stringify(dataset)).not.toContain("never-copied");
  });
});
