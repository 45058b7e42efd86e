/**
 * `npm run bench`: how `okf extract` scales with the number of tables. Builds synthetic
 * databases in the local PostgreSQL, extracts each twice (in a child process per size, so peak
 * memory belongs to that size alone) and prints one table row per run. The catalog query count
 * and peak memory should stay flat as the table count grows; the second run should write nothing.
 *
 *   npm run bench                                   # 200 and 2,000 tables of 20 columns
 *   npm run bench -- --tables 500 --columns 8 --no-compare
 *   npm run bench -- --url postgresql://postgres@127.0.0.1:5432/postgres --rows 50 --no-profile
 */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs, promisify } from "node:util";
import type { Measurement } from "./measure-extract.js";
import {
  createSyntheticDatabase,
  dropSyntheticDatabase,
  type SyntheticShape,
} from "./synthetic-database.js";

const run = promisify(execFile);
const measureScript = fileURLToPath(new URL("measure-extract.ts", import.meta.url));

const { values } = parseArgs({
  options: {
    tables: { type: "string", default: "2000" },
    columns: { type: "string", default: "20" },
    rows: { type: "string", default: "20" },
    url: { type: "string", default: "postgresql://postgres@127.0.0.1:5432/postgres" },
    compare: { type: "boolean", default: true },
    "no-compare": { type: "boolean", default: false },
    "no-profile": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
});

function positive(text: string, flag: string, minimum = 1): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < minimum) {
    throw new Error(`--${flag} must be a whole number of at least ${minimum}, not "${text}".`);
  }
  return value;
}

const tables = positive(values.tables, "tables");
const shape = {
  columns: positive(values.columns, "columns", 4),
  rows: positive(values.rows, "rows"),
};
const compare = values.compare && !values["no-compare"];
const sizes = compare && tables >= 20 ? [Math.round(tables / 10), tables] : [tables];
const progress = (line: string): void => void process.stderr.write(`${line}\n`);

async function measure(url: string): Promise<Measurement> {
  // Re-use the loader this process runs under (tsx), so the child runs the TypeScript directly.
  const args = [...process.execArgv, measureScript, "--url", url];
  if (values["no-profile"]) args.push("--no-profile");
  const { stdout } = await run(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 });
  const line = stdout.trim().split("\n").at(-1) ?? "";
  return JSON.parse(line) as Measurement;
}

function rows(size: SyntheticShape, measurement: Measurement): string[] {
  return measurement.runs.map((r, index) =>
    [
      size.tables.toLocaleString("en-US"),
      size.columns,
      index === 0 ? "1st (creates)" : "2nd (unchanged)",
      r.datasets.toLocaleString("en-US"),
      r.wallSeconds.toFixed(1),
      r.requestCount,
      r.peakHeapMb.toFixed(0),
      r.peakRssMb.toFixed(0),
      r.filesWritten.toLocaleString("en-US"),
      r.exitCode,
    ].join(" | "),
  );
}

const header = [
  "| tables | columns | run | datasets | wall s | catalog queries | peak heap MB | peak RSS MB | files written | exit |",
  "|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|",
];
const lines: string[] = [];
const summaries: string[] = [];
for (const size of sizes) {
  const database = `okf_bench_${size}`;
  const synthetic: SyntheticShape = { tables: size, ...shape };
  progress(`Creating ${database}: ${size} tables × ${shape.columns} columns × ${shape.rows} rows`);
  const setupStarted = performance.now();
  const url = await createSyntheticDatabase(values.url, database, synthetic, progress);
  progress(
    `  ready in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s; extracting twice`,
  );
  try {
    const measurement = await measure(url);
    lines.push(...rows(synthetic, measurement).map((row) => `| ${row} |`));
    summaries.push(
      `${size} tables: process baseline RSS ${measurement.baselineRssMb.toFixed(0)} MB, lifetime max RSS ${measurement.maxRssMb.toFixed(0)} MB`,
    );
  } finally {
    if (!values.keep) await dropSyntheticDatabase(values.url, database);
  }
}
process.stdout.write(`${[...header, ...lines].join("\n")}\n\n${summaries.join("\n")}\n`);
