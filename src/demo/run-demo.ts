import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import { defaultConfigFile } from "../config/load-config.js";
import { UsageError } from "../errors.js";
import { folderProblem } from "../folder-problem.js";
import { runExtract, type ExtractResult } from "../pipeline/run-extract.js";
import {
  demoDatabaseUrlVariable,
  demoDynamoEndpointVariable,
  writeDemoConfigIfAbsent,
} from "./demo-config.js";
import { defaultEvalFile } from "../read/eval/eval-file.js";
import { writeDemoEvalFileIfAbsent } from "./demo-eval-file.js";
import { startEmbeddedDynamo } from "./embedded-dynamodb.js";
import { startEmbeddedPostgres } from "./embedded-postgres.js";
import { demoDynamoFeatures, seedDemoDynamo } from "./seed/dynamodb-seed.js";
import { seedDemoDatabase } from "./seed/seed-demo-database.js";

export interface DemoOptions {
  /** Where the demo's okf.config.yaml and bundle go; relative to `cwd`. */
  dir: string;
  cwd: string;
  /** Clock for generated timestamps and log dates (a fixed one makes the output reproducible). */
  now?: Date;
  onProgress?: (line: string) => void;
}

export interface DemoResult {
  /** Absolute path of the demo folder. */
  dir: string;
  /** Absolute path of the bundle written there. */
  bundleDir: string;
  result: ExtractResult;
}

/**
 * Runs the whole pipeline on the embedded sample sources: starts PostgreSQL and DynamoDB
 * in-process, seeds them, writes DIR/okf.config.yaml and DIR/okf.eval.yaml if absent and
 * extracts into DIR's bundle.
 * The engines are stopped whatever happens, so the process can exit on its own afterwards.
 */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const progress = options.onProgress ?? (() => undefined);
  const dir = resolve(options.cwd, options.dir);
  const problem = folderProblem(dir, { mayBeMissing: true });
  if (problem !== undefined) {
    throw new UsageError(
      `--dir ${options.dir} ${problem}.`,
      "Pass a folder for the demo to write into.",
    );
  }
  await mkdir(dir, { recursive: true });
  if (await writeDemoConfigIfAbsent(dir)) progress(`Wrote ${resolve(dir, defaultConfigFile)}`);
  if (await writeDemoEvalFileIfAbsent(dir)) progress(`Wrote ${resolve(dir, defaultEvalFile)}`);

  progress("Starting the embedded PostgreSQL (PGlite)");
  const postgres = await startEmbeddedPostgres();
  try {
    progress("Starting the embedded DynamoDB (dynalite)");
    const dynamo = await startEmbeddedDynamo({ features: demoDynamoFeatures });
    try {
      progress("Seeding the sample CRM (schemas sales, finance, legacy)");
      await seedDemoDatabase(postgres.url);
      progress("Seeding the sample DynamoDB tables (order_events, commerce_app)");
      await seedDemoDynamo(dynamo.endpoint, dynamo.region);
      const result = await runExtract({
        cwd: dir,
        env: {
          ...process.env,
          [demoDatabaseUrlVariable]: postgres.url,
          [demoDynamoEndpointVariable]: dynamo.endpoint,
        },
        now: options.now,
        onProgress: options.onProgress,
      });
      return { dir, bundleDir: result.bundleDir, result };
    } finally {
      await dynamo.stop();
    }
  } finally {
    await postgres.stop();
  }
}
