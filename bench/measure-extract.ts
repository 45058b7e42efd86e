/**
 * The measuring side of the benchmark, run in a child process per database size so that peak
 * memory figures belong to one size alone. Runs `runExtract` twice into a fresh folder and
 * prints one JSON line: the first run writes every file, the second should write none.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { runExtract } from "../src/pipeline/run-extract.js";

export interface RunMeasurement {
  wallSeconds: number;
  requestCount: number;
  filesWritten: number;
  datasets: number;
  exitCode: number;
  peakHeapMb: number;
  peakRssMb: number;
}

export interface Measurement {
  baselineRssMb: number;
  runs: RunMeasurement[];
  /** Process-lifetime peak resident set size (getrusage). */
  maxRssMb: number;
}

const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;

async function measureRun(dir: string, url: string, profile: boolean): Promise<RunMeasurement> {
  let peakHeap = 0;
  let peakRss = 0;
  const sample = (): void => {
    const usage = process.memoryUsage();
    peakHeap = Math.max(peakHeap, usage.heapUsed);
    peakRss = Math.max(peakRss, usage.rss);
  };
  const sampler = setInterval(sample, 20);
  const started = performance.now();
  try {
    const result = await runExtract({
      cwd: dir,
      profile,
      env: { ...process.env, OKF_BENCH_DATABASE_URL: url },
    });
    sample();
    const source = result.sources[0];
    return {
      wallSeconds: Math.round((performance.now() - started) / 100) / 10,
      requestCount: source?.requestCount ?? 0,
      filesWritten: result.filesWritten,
      datasets: source
        ? source.created.length + source.changed.length + source.unchanged.length
        : 0,
      exitCode: result.exitCode,
      peakHeapMb: mb(peakHeap),
      peakRssMb: mb(peakRss),
    };
  } finally {
    clearInterval(sampler);
  }
}

const benchConfig = `bundle: knowledge
sources:
  - name: bench
    type: postgres
    connection: \${OKF_BENCH_DATABASE_URL}
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { url: { type: "string" }, "no-profile": { type: "boolean", default: false } },
  });
  if (!values.url) throw new Error("measure-extract.ts needs --url");
  const dir = await mkdtemp(join(tmpdir(), "okf-bench-"));
  try {
    await writeFile(join(dir, "okf.config.yaml"), benchConfig);
    const baselineRssMb = mb(process.memoryUsage().rss);
    const runs = [];
    for (let run = 0; run < 2; run++)
      runs.push(await measureRun(dir, values.url, !values["no-profile"]));
    const measurement: Measurement = {
      baselineRssMb,
      runs,
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 102.4) / 10,
    };
    process.stdout.write(`${JSON.stringify(measurement)}\n`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
