import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { expect } from "vitest";
import {
  rdsDataSourceSchema,
  type RdsDataSourceConfig,
} from "../../../extractors/rds-data/config-schema.js";
import type { Dataset, SampleOutcome } from "../../../src/model/index.js";
import { runExtract, type ExtractResult } from "../../../src/pipeline/run-extract.js";
import type { ExtractContext, SourceExtraction } from "../../../extractors/extractor.js";
import { createRdsDataExtractor } from "../../../extractors/rds-data/rds-data-extractor.js";
import type { TestDatabase } from "../../helpers/postgres-database.js";
import { tempDir } from "../../helpers/run-cli.js";
import { PostgresDataApiDouble } from "./data-api-double.js";

export const clusterArn = "arn:aws:rds:eu-west-1:123456789012:cluster:crm-prod";
export const secretArn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:okf-reader-AbCdEf";
export const clusterHost = "crm-prod.cluster-c1x2y3z4.eu-west-1.rds.amazonaws.com:5432";

/** The extractor with no pauses while a "paused" cluster resumes. */
const testExtractor = createRdsDataExtractor({ resumeDelaysMs: [0, 0, 0] });

/** The double serving `db`, as the superuser or as the secret's user `url` names. */
export function startDouble(db: TestDatabase, url = db.url): PostgresDataApiDouble {
  return new PostgresDataApiDouble({
    url,
    resourceArn: clusterArn,
    secretArn,
    database: db.name,
  });
}

/** A config as the loader would produce it, defaults included. */
export function rdsDataConfig(
  database: string,
  overrides: Partial<Record<keyof RdsDataSourceConfig, unknown>> = {},
): RdsDataSourceConfig {
  return rdsDataSourceSchema.parse({
    name: "crm",
    type: "rds-data",
    region: "eu-west-1",
    resource_arn: clusterArn,
    secret_arn: secretArn,
    database,
    engine: "postgres",
    ...overrides,
  });
}

interface SampleRead {
  records: Record<string, unknown>[];
  outcome: SampleOutcome;
}

export interface Extracted {
  extraction: SourceExtraction;
  datasets: Dataset[];
  /** With `profile: true`: each dataset's sample (up to 1,000 records), by table name. */
  samples: Map<string, SampleRead>;
  progress: string[];
}

/** Opens, reads every dataset (and its sample when profiling) and closes, as the pipeline does. */
export async function extractAll(
  config: RdsDataSourceConfig,
  options: Partial<ExtractContext> = {},
): Promise<Extracted> {
  const progress: string[] = [];
  const extraction = await testExtractor.open(config, {
    profile: false,
    concurrency: 2,
    onProgress: (line) => progress.push(line),
    ...options,
  });
  const datasets: Dataset[] = [];
  const samples = new Map<string, SampleRead>();
  try {
    for await (const item of extraction.items) {
      if (!("dataset" in item)) continue;
      const { dataset } = item;
      datasets.push(dataset);
      const sample = extraction.sample?.(dataset, 1_000);
      if (!sample) continue;
      const records: Record<string, unknown>[] = [];
      for await (const record of sample) records.push(record);
      samples.set(dataset.ref.name, { records, outcome: sample.outcome() });
    }
  } finally {
    await extraction.close();
  }
  return { extraction, datasets, samples, progress };
}

/** Every file under `dir` (dot-folders included) by its relative path. */
export function filesOf(dir: string): Map<string, string> {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  return new Map(
    entries
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const path = join(entry.parentPath, entry.name);
        return [relative(dir, path), readFileSync(path, "utf8")] as const;
      })
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

const sourceHeader = [
  "bundle: knowledge",
  "defaults:",
  "  steward: data-platform-team",
  "sources:",
];

/** `okf extract` into a fresh project whose only source is `sourceLines`. */
export async function extractProject(
  sourceLines: string[],
  env: Record<string, string>,
): Promise<{ result: ExtractResult; bundle: string }> {
  const dir = tempDir("okf-rds-data-");
  writeFileSync(join(dir, "okf.config.yaml"), [...sourceHeader, ...sourceLines, ""].join("\n"));
  const result = await runExtract({ cwd: dir, env, now: new Date("2026-11-27T02:00:00Z") });
  return { result, bundle: join(dir, "knowledge") };
}

/**
 * The same source, `crm` in domain `sales` at the same resource_host, both ways; the direct
 * path connects as `url` (give the double the same user).
 */
export async function extractBothWays(
  db: TestDatabase,
  extra: string[] = [],
  url = db.url,
): Promise<{ direct: string; dataApi: string; results: ExtractResult[] }> {
  const common = ["    domain: sales", `    resource_host: ${clusterHost}`, ...extra];
  const direct = await extractProject(
    ["  - name: crm", "    type: postgres", "    connection: ${DB_URL}", ...common],
    { DB_URL: url },
  );
  const dataApi = await extractProject(
    [
      "  - name: crm",
      "    type: rds-data",
      "    region: eu-west-1",
      `    resource_arn: ${clusterArn}`,
      `    secret_arn: ${secretArn}`,
      `    database: ${db.name}`,
      "    engine: postgres",
      ...common,
    ],
    {},
  );
  for (const { result } of [direct, dataApi]) {
    expect(result.sources.map((source) => [source.name, source.status])).toEqual([["crm", "ok"]]);
  }
  return {
    direct: direct.bundle,
    dataApi: dataApi.bundle,
    results: [direct.result, dataApi.result],
  };
}
