import { GetDatabasesCommand, GetTablesCommand, type Table } from "@aws-sdk/client-glue";
import { afterEach, describe, expect, it } from "vitest";
import { accountId, FakeGlueCatalog, tokenFor } from "./fake-catalog.js";
import { glue, mockCatalog } from "./mock-glue.js";
import { extract, parquetTable, sourceConfig, testContext } from "./support.js";

afterEach(() => {
  glue.reset();
});

const names = (count: number, prefix: string) =>
  Array.from({ length: count }, (_, index) => `${prefix}${String(index).padStart(4, "0")}`);

function tablesOf(database: string, tableNames: readonly string[]): Table[] {
  return tableNames.map((name) => parquetTable(database, name));
}

describe("listing a Glue catalog (aws-sdk-client-mock)", () => {
  it("follows the NextToken chains of GetDatabases and of GetTables over 2,000 tables", async () => {
    const emptyDatabases = Object.fromEntries(names(150, "db_").map((name) => [name, []]));
    const tableNames = names(2_000, "event_");
    mockCatalog(
      new FakeGlueCatalog({
        databases: { ...emptyDatabases, analytics: tablesOf("analytics", tableNames.toReversed()) },
      }),
    );
    const context = testContext();
    const { extraction, datasets, failures } = await extract(
      sourceConfig({ column_statistics: false }),
      context,
    );

    const databasePages = glue.commandCalls(GetDatabasesCommand).map((call) => call.args[0].input);
    expect(databasePages.map((input) => input.NextToken)).toEqual([
      undefined,
      tokenFor("databases", 100),
    ]);
    const tablePages = glue
      .commandCalls(GetTablesCommand, { DatabaseName: "analytics" })
      .map((call) => call.args[0].input);
    expect(tablePages.map((input) => input.NextToken)).toEqual([
      undefined,
      ...Array.from({ length: 19 }, (_, page) => tokenFor("tables:analytics", (page + 1) * 100)),
    ]);
    expect(tablePages.every((input) => input.MaxResults === 100)).toBe(true);

    expect(extraction.refs).toHaveLength(2_000);
    expect(datasets.map((dataset) => dataset.ref.name)).toEqual(tableNames);
    expect(datasets.every((dataset) => dataset.ref.database === "analytics")).toBe(true);
    expect(failures).toEqual([]);
    // 2 GetDatabases pages, one GetTables page per empty database, 20 for analytics.
    expect(extraction.requestCount()).toBe(2 + 150 + 20);
    expect(extraction.resource).toBe(`arn:aws:glue:eu-west-1:${accountId}:catalog`);
    expect(context.lines).toContain(
      "lake: 2000 tables and views in 151 databases of the Glue Data Catalog in eu-west-1 (172 catalog calls so far)",
    );
  });

  it("reads only the databases its globs select, and filters tables by <database>.<table>", async () => {
    mockCatalog(
      new FakeGlueCatalog({
        databases: {
          analytics_prod: tablesOf("analytics_prod", ["events", "tmp_events", "sessions"]),
          analytics_dev: tablesOf("analytics_dev", ["events"]),
          finance: tablesOf("finance", ["ledger"]),
          scratch: tablesOf("scratch", ["x"]),
        },
      }),
    );
    const { extraction, datasets } = await extract(
      sourceConfig({
        databases: ["analytics_*", "finance"],
        exclude: ["*.tmp_*", "analytics_dev.*"],
        column_statistics: false,
      }),
    );
    const read = glue.commandCalls(GetTablesCommand).map((call) => call.args[0].input.DatabaseName);
    expect(read.sort()).toEqual(["analytics_dev", "analytics_prod", "finance"]);
    expect(datasets.map((dataset) => `${dataset.ref.database ?? ""}.${dataset.ref.name}`)).toEqual([
      "analytics_prod.events",
      "analytics_prod.sessions",
      "finance.ledger",
    ]);
    expect(extraction.refs).toEqual(datasets.map((dataset) => dataset.ref));
  });

  it("passes catalog_id on every call and names that catalog in the ARNs", async () => {
    const other = "210987654321";
    mockCatalog(
      new FakeGlueCatalog({
        databases: { shared: [{ ...parquetTable("shared", "orders"), CatalogId: other }] },
      }),
    );
    const { extraction, datasets } = await extract(
      sourceConfig({ catalog_id: other, column_statistics: false }),
    );
    for (const call of glue.calls()) {
      expect(call.args[0].input).toMatchObject({ CatalogId: other });
    }
    expect(extraction.resource).toBe(`arn:aws:glue:eu-west-1:${other}:catalog`);
    expect(datasets[0]?.resource).toBe(`arn:aws:glue:eu-west-1:${other}:table/shared/orders`);
  });

  it("says which databases pattern matched nothing and goes on with the others", async () => {
    mockCatalog(new FakeGlueCatalog({ databases: { sales: tablesOf("sales", ["orders"]) } }));
    const context = testContext();
    const { datasets, failures } = await extract(
      sourceConfig({ databases: ["sales", "salse_*"], column_statistics: false }),
      context,
    );
    expect(datasets.map((dataset) => dataset.ref.name)).toEqual(["orders"]);
    expect(failures).toEqual([]);
    expect(context.lines).toContain(
      "lake: no database in the Glue Data Catalog in eu-west-1 matches `salse_*`",
    );
  });

  it("reports patterns that match no database at all for the whole source, reading nothing", async () => {
    mockCatalog(
      new FakeGlueCatalog({
        databases: { sales: tablesOf("sales", ["orders"]), finance: [] },
      }),
    );
    const { datasets, failures } = await extract(sourceConfig({ databases: ["analytcs_*"] }));
    expect(datasets).toEqual([]);
    expect(glue.commandCalls(GetTablesCommand)).toHaveLength(0);
    expect(failures).toEqual([
      {
        message: "No database of the catalog matches the databases patterns analytcs_*.",
        hint: "Fix `databases` of this source; the catalog has 2 databases, e.g. finance, sales.",
      },
    ]);
  });

  it("gives an empty catalog no datasets and no failure", async () => {
    mockCatalog(new FakeGlueCatalog({ databases: {} }));
    const { extraction, datasets, failures } = await extract(sourceConfig());
    expect(datasets).toEqual([]);
    expect(failures).toEqual([]);
    expect(extraction.requestCount()).toBe(1);
  });

  it("stops when the service hands back a NextToken it already gave", async () => {
    glue
      .on(GetDatabasesCommand)
      .resolves({ DatabaseList: [{ Name: "loop", CatalogId: accountId }] });
    glue
      .on(GetTablesCommand)
      .resolvesOnce({ TableList: [parquetTable("loop", "a")], NextToken: "same" })
      .resolves({
        TableList: [parquetTable("loop", "a"), parquetTable("loop", "b")],
        NextToken: "same",
      });
    const { datasets, failures } = await extract(sourceConfig({ column_statistics: false }));
    expect(glue.commandCalls(GetTablesCommand)).toHaveLength(2);
    expect(datasets.map((dataset) => dataset.ref.name)).toEqual(["a", "b"]);
    expect(failures).toEqual([]);
  });
});
