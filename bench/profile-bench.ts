/**
 * `npm run bench` (second part): the cost of profiling against table size. Creates two
 * UNLOGGED tables with the same columns in the local PostgreSQL (100k and 10M rows by default),
 * analyses them, then samples and profiles each several times with the pipeline's own code
 * (the extractor's sampler, then `profileDataset`) and prints the times. Sampling is bounded
 * (TABLESAMPLE SYSTEM with a row cap), so the larger table should take at most 1.5× the smaller.
 *
 *   npx tsx bench/profile-bench.ts
 *   npx tsx bench/profile-bench.ts --small 50000 --large 2000000 --runs 3 --keep
 */
import { samplingText } from "../src/render/sampling-text.js";
import { parseArgs } from "node:util";
import pg from "pg";
import { postgresExtractor } from "../extractors/postgres/postgres-extractor.js";
import { postgresSourceSchema } from "../extractors/postgres/config-schema.js";
import type { DatasetProfile } from "../src/model/index.js";
import { profileDataset } from "../src/profiler/profile-dataset.js";
import { dropSyntheticDatabase } from "./synthetic-database.js";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "postgresql://postgres@127.0.0.1:5432/postgres" },
    small: { type: "string", default: "100000" },
    large: { type: "string", default: "10000000" },
    runs: { type: "string", default: "5" },
    "sample-rows": { type: "string", default: "10000" },
    keep: { type: "boolean", default: false },
  },
});

function positive(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new Error(`--${flag} must be a positive whole number, not "${text}".`);
  }
  return value;
}

const database = "okf_profile_bench";
const runs = positive(values.runs, "runs");
const sampleRows = positive(values["sample-rows"], "sample-rows");
const tables = [
  { name: "orders_small", rows: positive(values.small, "small") },
  { name: "orders_large", rows: positive(values.large, "large") },
];
const progress = (line: string): void => void process.stderr.write(`${line}\n`);

/** The same columns in both tables: a PII-looking email, a category, amounts, times, text. */
function createTableSql(name: string, rows: number): string {
  return `
    CREATE UNLOGGED TABLE ${name} (
      id bigint, email text, status text, amount numeric(12,2), created_at timestamptz, note text);
    INSERT INTO ${name}
      SELECT g, 'user' || g || '@example.com', (ARRAY['new', 'active', 'closed'])[1 + g % 3],
             (g % 100000) / 100.0, timestamptz '2020-01-01 00:00+00' + g * interval '1 second',
             'note ' || (g % 1000)
      FROM generate_series(1, ${String(rows)}) AS g;
    ANALYZE ${name};`;
}

function databaseUrl(): string {
  const url = new URL(values.url);
  url.pathname = `/${database}`;
  return url.toString();
}

async function setUp(): Promise<void> {
  const admin = new pg.Client(values.url);
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${database}`);
  } finally {
    await admin.end();
  }
  const client = new pg.Client(databaseUrl());
  await client.connect();
  try {
    for (const table of tables) {
      const started = performance.now();
      await client.query(createTableSql(table.name, table.rows));
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      progress(`  ${table.name}: ${table.rows.toLocaleString("en-US")} rows in ${seconds} s`);
    }
  } finally {
    await client.end();
  }
}

interface Timing {
  ms: number;
  profile: DatasetProfile | undefined;
}

/** Samples and profiles one table; the catalog read before it is not timed. */
async function profileOnce(table: string): Promise<Timing> {
  const config = postgresSourceSchema.parse({
    name: "bench",
    type: "postgres",
    connection: databaseUrl(),
    include: [`public.${table}`],
  });
  const extraction = await postgresExtractor.open(config, {
    profile: true,
    concurrency: 1,
    onProgress: () => undefined,
  });
  try {
    for await (const item of extraction.items) {
      if (!("dataset" in item)) continue;
      const { dataset } = item;
      const started = performance.now();
      const sample = extraction.sample?.(dataset, sampleRows);
      const profiled = await profileDataset(dataset, sample, { sampleRows });
      return { ms: performance.now() - started, profile: profiled.dataset.profile };
    }
    throw new Error(`table ${table} not found`);
  } finally {
    await extraction.close();
  }
}

const median = (numbers: readonly number[]): number => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

progress(`Creating ${database}`);
await setUp();
try {
  const times = new Map<string, number[]>(tables.map((table) => [table.name, []]));
  const profiles = new Map<string, DatasetProfile | undefined>();
  for (let run = 0; run < runs; run += 1) {
    // Alternate the order, so neither table always runs on a warmer cache.
    const order = run % 2 === 0 ? tables : [...tables].reverse();
    for (const table of order) {
      const timing = await profileOnce(table.name);
      times.get(table.name)?.push(timing.ms);
      profiles.set(table.name, timing.profile);
    }
    progress(`  run ${String(run + 1)} of ${String(runs)} done`);
  }
  const lines = [
    `| table | rows | sampled | method | runs (ms) | median ms |`,
    `|---|---:|---:|---|---|---:|`,
    ...tables.map((table) => {
      const profile = profiles.get(table.name);
      const runTimes = times.get(table.name) ?? [];
      return [
        table.name,
        table.rows.toLocaleString("en-US"),
        (profile?.sampled ?? 0).toLocaleString("en-US"),
        profile ? samplingText(profile.sampling) : "",
        runTimes.map((ms) => ms.toFixed(0)).join(", "),
        median(runTimes).toFixed(0),
      ].join(" | ");
    }),
  ].map((line) => (line.startsWith("|") ? line : `| ${line} |`));
  const [small, large] = tables.map((table) => median(times.get(table.name) ?? []));
  const ratio = (large ?? 0) / (small ?? 1);
  process.stdout.write(
    `${lines.join("\n")}\n\nlarger / smaller (medians): ${ratio.toFixed(2)}× ` +
      `(target ≤ 1.5×: ${ratio <= 1.5 ? "met" : "NOT met"})\n`,
  );
} finally {
  if (!values.keep) await dropSyntheticDatabase(values.url, database);
}
