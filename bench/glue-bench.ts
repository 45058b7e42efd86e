/**
 * `npm run bench` (Glue part): extraction of a mocked Glue Data Catalog of 10,000 tables (20
 * databases of 500) at the default concurrency against concurrency 1. The catalog is served by
 * the test suite's Glue HTTP double, so the real `@aws-sdk/client-glue` stack runs (signing,
 * JSON serialisation, retries); every call is held `--latency` ms first, like a round trip to a
 * region. Catalog only (GetDatabases, GetTables pages), then with column statistics (one
 * GetColumnStatisticsForTable call per table), the latter at concurrency 1 on the first
 * `--stats-databases` databases only, since one call per table at 20 ms takes minutes alone.
 *
 *   npx tsx bench/glue-bench.ts
 *   npx tsx bench/glue-bench.ts --databases 20 --tables 500 --latency 20 --stats-databases 2
 */
import { parseArgs } from "node:util";
import type { Column, ColumnStatistics, Table } from "@aws-sdk/client-glue";
import { glueExtractor } from "../extractors/glue/glue-extractor.js";
import { glueSourceSchema } from "../extractors/glue/config-schema.js";
import { FakeGlueCatalog } from "../test/extractors/glue/fake-catalog.js";
import { startGlueDouble } from "../test/extractors/glue/glue-double.js";
import { parquetTable, stringStatistics } from "../test/extractors/glue/support.js";

const { values } = parseArgs({
  options: {
    databases: { type: "string", default: "20" },
    tables: { type: "string", default: "500" },
    latency: { type: "string", default: "20" },
    "stats-databases": { type: "string", default: "2" },
  },
});
const databaseCount = Number(values.databases);
const tablesPerDatabase = Number(values.tables);
const latency = Number(values.latency);
const statsDatabases = Number(values["stats-databases"]);
const defaultConcurrency = 4;
const progress = (line: string): void => void process.stderr.write(`${line}\n`);

const columns: Column[] = [
  { Name: "event_id", Type: "string", Comment: "Unique id of the event" },
  { Name: "occurred_at", Type: "timestamp" },
  { Name: "visitor", Type: "struct<id:string,geo:struct<country:string,city:string>>" },
  { Name: "items", Type: "array<struct<sku:string,price:decimal(10,2)>>" },
  { Name: "amount", Type: "decimal(12,2)" },
  { Name: "status", Type: "string" },
];

const databaseName = (index: number) => `db_${String(index).padStart(2, "0")}`;

function buildCatalog(): FakeGlueCatalog {
  const databases: Record<string, Table[]> = {};
  const statistics: Record<string, ColumnStatistics[]> = {};
  for (let d = 0; d < databaseCount; d++) {
    const database = databaseName(d);
    databases[database] = Array.from({ length: tablesPerDatabase }, (_, t) => {
      const name = `table_${String(t).padStart(4, "0")}`;
      statistics[`${database}.${name}`] = [
        stringStatistics("event_id", { nulls: 0, distinct: 1_000_000, averageLength: 36 }),
        stringStatistics("status", { nulls: 12, distinct: 4, averageLength: 7 }),
      ];
      return parquetTable(database, name, columns, {
        PartitionKeys: [{ Name: "day", Type: "string" }],
      });
    });
  }
  return new FakeGlueCatalog({ databases, statistics });
}

interface Measured {
  tables: number;
  calls: number;
  seconds: number;
}

async function measure(
  endpoint: string,
  concurrency: number,
  columnStatistics: boolean,
  databases?: string[],
): Promise<Measured> {
  const config = glueSourceSchema.parse({
    name: "bench",
    type: "glue",
    region: "eu-west-1",
    endpoint,
    column_statistics: columnStatistics,
    ...(databases ? { databases } : {}),
  });
  const started = performance.now();
  const extraction = await glueExtractor.open(config, {
    profile: true,
    concurrency,
    onProgress: () => undefined,
  });
  let tables = 0;
  for await (const item of extraction.items) {
    if ("dataset" in item && item.dataset.fields.length > 0) tables += 1;
  }
  const calls = extraction.requestCount();
  await extraction.close();
  return { tables, calls, seconds: (performance.now() - started) / 1000 };
}

const catalog = buildCatalog();
const double = await startGlueDouble(catalog, { delayMs: latency });
const lines = [
  "| mode | tables | concurrency | Glue calls | seconds | tables/s |",
  "|---|---:|---:|---:|---:|---:|",
];
const row = (mode: string, concurrency: number, measured: Measured): void => {
  const label =
    concurrency === defaultConcurrency ? `${String(concurrency)} (default)` : String(concurrency);
  lines.push(
    `| ${mode} | ${measured.tables.toLocaleString("en-US")} | ${label} | ${measured.calls.toLocaleString("en-US")} | ${measured.seconds.toFixed(2)} | ${Math.round(measured.tables / measured.seconds).toLocaleString("en-US")} |`,
  );
  progress(lines.at(-1) ?? "");
};
try {
  progress(
    `Glue double: ${String(databaseCount)} databases × ${String(tablesPerDatabase)} tables, ${String(latency)} ms per call`,
  );
  for (const concurrency of [defaultConcurrency, 1]) {
    row("catalog only", concurrency, await measure(double.endpoint, concurrency, false));
  }
  row(
    "with column statistics",
    defaultConcurrency,
    await measure(double.endpoint, defaultConcurrency, true),
  );
  const subset = Array.from({ length: statsDatabases }, (_, index) => databaseName(index));
  for (const concurrency of [defaultConcurrency, 1]) {
    row(
      `with column statistics, ${String(statsDatabases)} databases`,
      concurrency,
      await measure(double.endpoint, concurrency, true, subset),
    );
  }
} finally {
  await double.stop();
}
process.stdout.write(
  `${lines.join("\n")}\nLatency ${String(latency)} ms per Glue call (HTTP double, real SDK client).\n`,
);
