import type { Table } from "@aws-sdk/client-glue";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runExtract, type ExtractResult } from "../../../src/pipeline/run-extract.js";
import { validateBundle } from "../../../src/read/validate/index.js";
import { expectGolden } from "../../helpers/golden.js";
import { writeProjectConfig } from "../../helpers/project-config.js";
import { tempDir } from "../../helpers/run-cli.js";
import { FakeGlueCatalog } from "./fake-catalog.js";
import { glue, mockCatalog } from "./mock-glue.js";
import {
  athenaView,
  crawlerParameters,
  pageViewsTable,
  parquetTable,
  stringStatistics,
} from "./support.js";

function rawLogs(): Table {
  const table = parquetTable("analytics", "raw_logs", [{ Name: "line", Type: "string" }], {
    Parameters: crawlerParameters("csv", { compressionType: "gzip" }),
  });
  if (table.StorageDescriptor) {
    table.StorageDescriptor.InputFormat = "org.apache.hadoop.mapred.TextInputFormat";
    table.StorageDescriptor.SerdeInfo = {
      SerializationLibrary: "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe",
      Parameters: { "field.delim": "\u0001", "serialization.format": "\u0001" },
    };
  }
  return table;
}

const catalog = () =>
  new FakeGlueCatalog({
    databases: {
      analytics: [
        pageViewsTable("analytics"),
        rawLogs(),
        athenaView(
          "analytics",
          "views_by_country",
          "SELECT visitor.geo.country AS country, count(*) AS views\nFROM analytics.page_views\nGROUP BY 1",
          [
            { Name: "country", Type: "string" },
            { Name: "views", Type: "bigint" },
          ],
        ),
      ],
      finance: [parquetTable("finance", "ledger")],
    },
    statistics: {
      "analytics.page_views": [
        stringStatistics("view_id", { nulls: 0, distinct: 1_230_000, averageLength: 36 }),
        stringStatistics("visitor_email", {
          nulls: 61_000,
          distinct: 310_000,
          averageLength: 24.6,
        }),
        {
          ColumnName: "duration_ms",
          ColumnType: "bigint",
          AnalyzedTime: new Date("2026-11-19T22:00:00Z"),
          StatisticsData: {
            Type: "LONG",
            LongColumnStatisticsData: {
              MinimumValue: 0,
              MaximumValue: 7_200_000,
              NumberOfNulls: 4_321,
              NumberOfDistinctValues: 95_000,
            },
          },
        },
      ],
    },
    deniedDatabases: ["finance"],
  });

let dir: string;
let first: ExtractResult;
let second: ExtractResult;

beforeAll(async () => {
  mockCatalog(catalog());
  dir = tempDir("okf-glue-");
  writeProjectConfig(dir, [
    "  - name: lake",
    "    type: glue",
    "    region: eu-west-1",
    "    domain: analytics",
  ]);
  const now = new Date("2026-11-27T02:00:00Z");
  first = await runExtract({ cwd: dir, env: {}, now });
  second = await runExtract({ cwd: dir, env: {}, now: new Date("2026-11-28T02:00:00Z") });
});

afterAll(() => {
  glue.reset();
});

const read = (path: string) => readFileSync(join(dir, "knowledge", path), "utf8");

describe("glue through the whole pipeline (aws-sdk-client-mock)", () => {
  it("writes <source>/<database>/<table>.md and reports the denied database", () => {
    const outcome = first.sources[0];
    expect(outcome?.status).toBe("partial");
    expect(first.exitCode).toBe(3);
    expect(outcome?.created.sort()).toEqual([
      "lake/analytics/page_views.md",
      "lake/analytics/raw_logs.md",
      "lake/analytics/views_by_country.md",
    ]);
    expect(outcome?.failures).toEqual([
      expect.objectContaining({
        scope: "finance.*",
        message: expect.stringContaining(
          "Access denied while listing the tables of database finance",
        ) as unknown,
      }),
    ]);
  });

  it("renders a table like the golden file", () => {
    expectGolden("glue_page_views.md", read("lake/analytics/page_views.md"));
  });

  it("writes views with their decoded SQL and control-character delimiters escaped", () => {
    const view = read("lake/analytics/views_by_country.md");
    expect(view).toContain("type: Glue View");
    expect(view).toContain("kind: view");
    expect(view).toContain("```sql\nSELECT visitor.geo.country AS country, count(*) AS views\n");
    const logs = read("lake/analytics/raw_logs.md");
    expect(logs).toContain(
      "- SerDe `org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe` (`field.delim` `\\u0001`, `serialization.format` `\\u0001`)",
    );
    expect(logs).toContain("- Compressed");
    expect(logs).not.toContain("\u0001");
  });

  it("gives a bundle that okf validate accepts", async () => {
    const report = await validateBundle(join(dir, "knowledge"), {
      now: new Date("2026-11-28T03:00:00Z"),
    });
    expect(report.findings.filter((finding) => finding.severity === "error")).toEqual([]);
    expect(report.files).toBeGreaterThanOrEqual(3);
  });

  it("writes nothing on a re-run over the same catalog", () => {
    expect(second.sources[0]?.unchanged).toHaveLength(3);
    expect(second.filesWritten).toBe(0);
  });
});
