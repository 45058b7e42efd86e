import { runExtract, type ExtractResult } from "../../src/pipeline/run-extract.js";
import { createTestDatabase, type TestDatabase } from "./postgres-database.js";
import { bundleFiles, crmSourceLines, writeProjectConfig } from "./project-config.js";
import { tempDir } from "./run-cli.js";

/** A test database plus a project folder whose okf.config.yaml points at it. */
export interface ExtractFixture {
  db: TestDatabase;
  dir: string;
  bundle: string;
  extract(options?: { now?: string; dryRun?: boolean }): Promise<ExtractResult>;
  read(path: string): string;
  write(path: string, text: string): void;
}

export async function createExtractFixture(
  prefix: string,
  schemaSql: string,
): Promise<ExtractFixture> {
  const db = await createTestDatabase(prefix);
  await db.admin(schemaSql);
  const dir = tempDir("okf-project-");
  const bundle = writeProjectConfig(dir, crmSourceLines);
  return {
    db,
    dir,
    bundle,
    extract: (options = {}) =>
      runExtract({
        cwd: dir,
        env: { TEST_DATABASE_URL: db.url },
        now: new Date(options.now ?? "2026-11-27T02:00:00Z"),
        dryRun: options.dryRun,
      }),
    ...bundleFiles(bundle),
  };
}
