import {
  GetColumnStatisticsForTableCommand,
  type Column,
  type ColumnStatistics,
} from "@aws-sdk/client-glue";
import { afterEach, describe, expect, it } from "vitest";
import { FakeGlueCatalog } from "./fake-catalog.js";
import { glue, mockCatalog } from "./mock-glue.js";
import {
  athenaView,
  datasetNamed,
  extract,
  parquetTable,
  sourceConfig,
  stringStatistics,
  testContext,
} from "./support.js";

afterEach(() => {
  glue.reset();
});

const analyzed = new Date("2026-11-19T22:00:00Z");

/** Statistics of every type Glue has; the minimum and maximum values must never be copied. */
const eventStatistics: ColumnStatistics[] = [
  stringStatistics("email", { nulls: 12_345, distinct: 1_100_000, averageLength: 23.4567 }),
  {
    ColumnName: "amount",
    ColumnType: "double",
    AnalyzedTime: analyzed,
    StatisticsData: {
      Type: "DOUBLE",
      DoubleColumnStatisticsData: {
        MinimumValue: -0.5,
        MaximumValue: 987_654.321,
        NumberOfNulls: 0,
        NumberOfDistinctValues: 48_211,
      },
    },
  },
  {
    ColumnName: "opted_in",
    ColumnType: "boolean",
    AnalyzedTime: analyzed,
    StatisticsData: {
      Type: "BOOLEAN",
      BooleanColumnStatisticsData: {
        NumberOfTrues: 600_000,
        NumberOfFalses: 0,
        NumberOfNulls: 634_567,
      },
    },
  },
  {
    ColumnName: "avatar",
    ColumnType: "binary",
    AnalyzedTime: analyzed,
    StatisticsData: {
      Type: "BINARY",
      BinaryColumnStatisticsData: { MaximumLength: 4096, AverageLength: 812.25, NumberOfNulls: 0 },
    },
  },
  {
    ColumnName: "born_on",
    ColumnType: "date",
    AnalyzedTime: analyzed,
    StatisticsData: {
      Type: "DATE",
      DateColumnStatisticsData: {
        MinimumValue: new Date("1931-04-17T00:00:00Z"),
        MaximumValue: new Date("2008-12-30T00:00:00Z"),
        NumberOfNulls: 1_234_567,
        NumberOfDistinctValues: 0,
      },
    },
  },
];

const eventColumns: Column[] = [
  { Name: "email", Type: "string" },
  { Name: "amount", Type: "double" },
  { Name: "opted_in", Type: "boolean" },
  { Name: "avatar", Type: "binary" },
  { Name: "born_on", Type: "date" },
  { Name: "payload", Type: "struct<a:int>" },
];

describe("column statistics (aws-sdk-client-mock)", () => {
  it("maps nulls, distinct counts and average lengths, never minimum or maximum values", async () => {
    mockCatalog(
      new FakeGlueCatalog({
        databases: {
          lake: [
            parquetTable("lake", "events", eventColumns, {
              PartitionKeys: [{ Name: "day", Type: "string" }],
            }),
          ],
        },
        statistics: { "lake.events": eventStatistics },
      }),
    );
    const { datasets } = await extract(sourceConfig());
    const stats = Object.fromEntries(
      datasetNamed(datasets, "events").fields.map((field) => [field.path, field.stats]),
    );
    const source = "Glue column statistics";
    expect(stats).toEqual({
      email: {
        nullFraction: 12_345 / 1_234_567,
        distinct: 1_100_000,
        averageLength: 23.4567,
        source,
      },
      amount: { nullFraction: 0, distinct: 48_211, source },
      opted_in: { nullFraction: 634_567 / 1_234_567, source },
      avatar: { nullFraction: 0, averageLength: 812.25, source },
      born_on: { nullFraction: 1, distinct: 0, source },
      payload: undefined,
      "payload.a": undefined,
      day: undefined,
    });
    const text = JSON.stringify(datasets);
    for (const raw of ["987654.321", "-0.5", "1931", "2008"]) expect(text).not.toContain(raw);

    // Data columns only: partition columns and nested paths are not asked about.
    const asked = glue
      .commandCalls(GetColumnStatisticsForTableCommand)
      .flatMap((call) => call.args[0].input.ColumnNames ?? []);
    expect(asked).toEqual(["email", "amount", "opted_in", "avatar", "born_on", "payload"]);
  });

  it("asks for at most 100 columns per call", async () => {
    const columns = Array.from({ length: 250 }, (_, index) => ({
      Name: `c${String(index).padStart(3, "0")}`,
      Type: "string",
    }));
    mockCatalog(
      new FakeGlueCatalog({
        databases: { lake: [parquetTable("lake", "wide", columns)] },
        statistics: {
          "lake.wide": [stringStatistics("c249", { nulls: 0, distinct: 7, averageLength: 3 })],
        },
      }),
    );
    const { extraction, datasets } = await extract(sourceConfig());
    const batches = glue
      .commandCalls(GetColumnStatisticsForTableCommand)
      .map((call) => call.args[0].input.ColumnNames ?? []);
    expect(batches.map((batch) => batch.length)).toEqual([100, 100, 50]);
    expect(batches.flat()).toEqual(columns.map((column) => column.Name));
    const wide = datasetNamed(datasets, "wide");
    expect(wide.fields.find((field) => field.name === "c249")?.stats?.distinct).toBe(7);
    expect(wide.fields.filter((field) => field.stats !== undefined)).toHaveLength(1);
    // GetDatabases, GetTables, three statistics batches.
    expect(extraction.requestCount()).toBe(5);
  });

  it("marks statistics that cannot be read as unobserved, without failing the table", async () => {
    const withoutCount = parquetTable("lake", "no_count", [{ Name: "email", Type: "string" }], {
      Parameters: { classification: "parquet" },
    });
    mockCatalog(
      new FakeGlueCatalog({
        databases: {
          lake: [
            parquetTable("lake", "denied", [{ Name: "email", Type: "string" }]),
            parquetTable("lake", "allowed", [{ Name: "email", Type: "string" }]),
            withoutCount,
            athenaView("lake", "a_view", "SELECT 1", [{ Name: "email", Type: "string" }]),
          ],
        },
        statistics: {
          "lake.denied": [stringStatistics("email", { nulls: 1, distinct: 2, averageLength: 20 })],
          "lake.allowed": [stringStatistics("email", { nulls: 0, distinct: 9, averageLength: 21 })],
          "lake.no_count": [
            stringStatistics("email", { nulls: 5, distinct: 4, averageLength: 22 }),
          ],
        },
        deniedStatistics: ["lake.denied"],
      }),
    );
    const context = testContext();
    const { datasets, failures } = await extract(sourceConfig(), context);
    expect(failures).toEqual([]);
    expect(datasetNamed(datasets, "denied").fields[0]?.stats).toBeUndefined();
    expect(datasetNamed(datasets, "denied").unobserved).toEqual([
      {
        part: "statistics",
        reason: "GetColumnStatisticsForTable: access denied (AccessDeniedException)",
      },
    ]);
    expect(datasetNamed(datasets, "allowed").fields[0]?.stats?.distinct).toBe(9);
    expect(datasetNamed(datasets, "allowed").unobserved).toBeUndefined();
    // Without a record count, nulls cannot become a fraction; the other figures stay.
    expect(datasetNamed(datasets, "no_count").fields[0]?.stats).toEqual({
      distinct: 4,
      averageLength: 22,
      source: "Glue column statistics",
    });
    // Views have no statistics to ask for.
    const askedTables = glue
      .commandCalls(GetColumnStatisticsForTableCommand)
      .map((call) => call.args[0].input.TableName);
    expect(askedTables.sort()).toEqual(["allowed", "denied", "no_count"]);
    expect(context.lines).toContain(
      "lake: column statistics could not be read for 1 table (first: AccessDeniedException); those tables keep their last observed statistics (set column_statistics: false if this identity may never read them)",
    );
  });

  it("makes no statistics call when column_statistics is off", async () => {
    mockCatalog(
      new FakeGlueCatalog({
        databases: { lake: [parquetTable("lake", "events", eventColumns)] },
        statistics: { "lake.events": eventStatistics },
      }),
    );
    const { extraction, datasets } = await extract(sourceConfig({ column_statistics: false }));
    expect(glue.commandCalls(GetColumnStatisticsForTableCommand)).toHaveLength(0);
    expect(datasets[0]?.fields.every((field) => field.stats === undefined)).toBe(true);
    expect(extraction.vocabulary?.catalogTitle).toBe(
      "AWS Glue Data Catalog (GetDatabases, GetTables)",
    );
  });
});
