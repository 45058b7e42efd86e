import type { Table } from "@aws-sdk/client-glue";
import { afterEach, describe, expect, it } from "vitest";
import { accountId } from "./fake-catalog.js";
import { extractLakeTables, lakeTableArn } from "./lake-tables.js";
import { glue } from "./mock-glue.js";
import { athenaView, created, datasetNamed, parquetTable } from "./support.js";

afterEach(() => {
  glue.reset();
});

describe("Glue views, resource links and odd tables (aws-sdk-client-mock)", () => {
  it("decodes Athena views to their SQL and keeps Hive and Spark view text as written", async () => {
    const sql =
      "SELECT view_id, visitor.geo.country AS country\nFROM lake.page_views\nWHERE year = '2026'";
    const athena = athenaView("lake", "views_by_country", sql, [
      { Name: "view_id", Type: "string" },
      { Name: "country", Type: "string" },
    ]);
    const hive: Table = {
      ...athenaView("lake", "hive_view", "unused", [{ Name: "n", Type: "bigint" }]),
      ViewOriginalText: "select count(*) as n from lake.page_views",
      ViewExpandedText: "select count(*) as `n` from `lake`.`page_views`",
      Parameters: {},
    };
    const broken: Table = {
      ...athenaView("lake", "broken_view", "unused", []),
      ViewOriginalText: "/* Presto View: bm90IGpzb24= */",
    };
    const multiDialect: Table = {
      ...athenaView("lake", "catalog_view", "unused", [{ Name: "n", Type: "bigint" }]),
      ViewOriginalText: undefined,
      ViewExpandedText: undefined,
      ViewDefinition: {
        IsProtected: true,
        Definer: `arn:aws:iam::${accountId}:role/GDCViewDefiner`,
        Representations: [
          { Dialect: "REDSHIFT", DialectVersion: "1.0", ViewOriginalText: "SELECT 1 AS n;" },
          { Dialect: "ATHENA", DialectVersion: "3", ViewOriginalText: "SELECT 1 AS n" },
        ],
      },
    };
    const datasets = await extractLakeTables([athena, hive, broken, multiDialect]);
    const view = datasetNamed(datasets, "views_by_country");
    expect(view).toMatchObject({
      kind: "view",
      objectType: "view",
      viewDefinition: sql,
      resource: lakeTableArn("views_by_country"),
    });
    expect(view.fields.map((field) => field.path)).toEqual(["view_id", "country"]);
    expect(view.storage).toBeUndefined();
    expect(datasetNamed(datasets, "hive_view").viewDefinition).toBe(
      "select count(*) as n from lake.page_views",
    );
    expect(datasetNamed(datasets, "broken_view").viewDefinition).toBe(
      "/* Presto View: bm90IGpzb24= */",
    );
    expect(datasetNamed(datasets, "catalog_view").viewDefinition).toBe("SELECT 1 AS n");
  });

  it("copes with a table without storage descriptor, a resource link and odd columns", async () => {
    const bare: Table = {
      Name: "bare",
      DatabaseName: "lake",
      CreateTime: created,
      TableType: "EXTERNAL_TABLE",
      Parameters: { numRows: "-1", totalSize: "2048" },
      CatalogId: accountId,
    };
    const link: Table = {
      Name: "shared_orders",
      DatabaseName: "lake",
      CreateTime: created,
      UpdateTime: created,
      TargetTable: {
        CatalogId: "210987654321",
        DatabaseName: "sales",
        Name: "orders",
        Region: "eu-west-1",
      },
      IsRegisteredWithLakeFormation: false,
      CatalogId: accountId,
    };
    const odd = parquetTable("lake", "odd", [
      { Name: "ok", Type: "int" },
      { Name: "weird", Type: "struct<a:int,b:" },
      { Name: "", Type: "string" },
      { Name: "ok", Type: "int" },
    ]);
    const datasets = await extractLakeTables([bare, link, odd]);

    expect(datasetNamed(datasets, "bare")).toMatchObject({
      kind: "external_table",
      objectType: "external table",
      fields: [],
      stats: { sizeBytes: 2048, source: "Glue table parameters" },
      storage: { tableFormat: "hive", partitionKeys: [], source: "GetTables" },
    });
    expect(datasetNamed(datasets, "bare").stats?.rowEstimate).toBeUndefined();

    const shared = datasetNamed(datasets, "shared_orders");
    expect(shared).toMatchObject({
      kind: "external_table",
      objectType: "resource link",
      comment: "Resource link to the table sales.orders (catalog 210987654321, region eu-west-1).",
      resource: lakeTableArn("shared_orders"),
      fields: [],
    });
    expect(shared.storage).toBeUndefined();

    expect(datasetNamed(datasets, "odd").fields).toEqual([
      { name: "ok", path: "ok", position: 1, type: "int" },
      { name: "weird", path: "weird", position: 2, type: "struct<a:int,b:" },
    ]);
  });
});
