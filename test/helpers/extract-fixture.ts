import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runExtract, type ExtractResult } from "../../src/pipeline/run-extract.js";
import { createTestDatabase, type TestDatabase } from "./postgres-database.js";
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
  writeFileSync(
    join(dir, "okf.config.yaml"),
    [
      "bundle: knowledge",
      "defaults:",
      "  steward: data-platform-team",
      "  environment: test",
      "sources:",
      "  - name: crm",
      "    type: postgres",
      "    connection: ${TEST_DATABASE_URL}",
      "    domain: sales",
      "",
    ].join("\n"),
  );
  const bundle = join(dir, "knowledge");
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
    read: (path) => readFileSync(join(bundle, path), "utf8"),
    write: (path, text) => {
      writeFileSync(join(bundle, path), text);
    },
  };
}
