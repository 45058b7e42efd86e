import { describe, expect, it } from "vitest";
import type { EnrichedDataset, StorageFacts } from "../../../src/model/index.js";
import { newDataset } from "../../../src/model/new-dataset.js";
import { qualityBullets } from "../../../src/render/facts-view.js";
import { profileText } from "../../../src/render/profile-view.js";
import { storageBullets } from "../../../src/render/storage-view.js";

function withStorage(storage: StorageFacts | undefined): EnrichedDataset {
  return {
    ...newDataset({
      ref: { database: "lake", name: "events" },
      kind: "external_table",
      objectType: "Iceberg table",
      resource: "arn:aws:glue:eu-west-1:123456789012:table/lake/events",
    }),
    ...(storage ? { storage } : {}),
    findings: [],
  };
}

describe("the Storage section", () => {
  it("lists location, formats, SerDe, partitions, compression and the day of the last update", () => {
    const bullets = storageBullets(
      withStorage({
        location: "s3://acme-lake-prod/lake/events/",
        tableFormat: "iceberg",
        dataFormat: "parquet",
        inputFormat: "org.apache.hadoop.mapred.FileInputFormat",
        outputFormat: "org.apache.hadoop.mapred.FileOutputFormat",
        serde: "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe",
        serdeParameters: { "serialization.format": "\u0001", "field.delim": "\t" },
        compressed: true,
        partitionKeys: ["year", "month"],
        updatedAt: "2026-11-20T23:59:59Z",
        source: "GetTables",
      }),
    );
    expect(bullets).toEqual([
      "Location `s3://acme-lake-prod/lake/events/`",
      "Format Parquet (Iceberg table)",
      "SerDe `org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe` (`field.delim` `\\u0009`, `serialization.format` `\\u0001`)",
      "Input format `org.apache.hadoop.mapred.FileInputFormat`, output format `org.apache.hadoop.mapred.FileOutputFormat`",
      "Partitioned by `year`, `month` (partition columns)",
      "Compressed",
      "Last updated 2026-11-20",
    ]);
  });

  it("says only what it knows, and nothing for datasets without storage facts", () => {
    expect(storageBullets(withStorage(undefined))).toEqual([]);
    expect(storageBullets(withStorage({ partitionKeys: [], source: "GetTables" }))).toEqual([]);
    expect(
      storageBullets(withStorage({ tableFormat: "delta", partitionKeys: [], source: "GetTables" })),
    ).toEqual(["Format: Delta Lake table"]);
    expect(
      storageBullets(
        withStorage({ dataFormat: "xlsx", partitionKeys: [], source: "svv_external_tables" }),
      ),
    ).toEqual(["Format xlsx"]);
  });
});

describe("the Profile cell with column statistics", () => {
  it("adds the average length, rounded to two significant digits and marked so", () => {
    const stats = {
      nullFraction: 0.0494,
      distinct: 310_000,
      averageLength: 24.6,
      source: "Glue column statistics",
    };
    expect(profileText({ stats }, undefined, { sensitive: false })).toBe(
      "distinct ≈ 310K; null 4.9%; avg length ≈25",
    );
    expect(profileText({ stats }, undefined, { sensitive: true })).toBe("sensitive: not profiled");
  });
});

describe("Data Quality of a table without counts", () => {
  it("says why a count is missing only when the extractor can tell (PostgreSQL: never analysed)", () => {
    const managed = {
      ...withStorage({ partitionKeys: [], source: "GetTables" }),
      kind: "table" as const,
    };
    expect(qualityBullets(managed)).toEqual([]);
    const { storage: _storage, ...relational } = managed;
    expect(qualityBullets(relational)).toEqual([]);
    const postgres = {
      ...relational,
      stats: {
        source: "pg_class",
        missingCountNote: "No planner statistics yet: the table has never been analysed.",
      },
    };
    expect(qualityBullets(postgres)).toEqual([
      "No planner statistics yet: the table has never been analysed.",
    ]);
  });
});
