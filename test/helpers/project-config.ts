import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The `crm` PostgreSQL source in domain `sales`, its connection in TEST_DATABASE_URL. */
export const crmSourceLines = [
  "  - name: crm",
  "    type: postgres",
  "    connection: ${TEST_DATABASE_URL}",
  "    domain: sales",
];

/**
 * Writes `dir/okf.config.yaml`: bundle `knowledge`, steward data-platform-team, environment
 * test, and `sourceLines` under `sources:`. Returns the bundle's folder.
 */
export function writeProjectConfig(dir: string, sourceLines: readonly string[]): string {
  writeFileSync(
    join(dir, "okf.config.yaml"),
    [
      "bundle: knowledge",
      "defaults:",
      "  steward: data-platform-team",
      "  environment: test",
      "sources:",
      ...sourceLines,
      "",
    ].join("\n"),
  );
  return join(dir, "knowledge");
}

/** Reads and writes files by their bundle-relative path. */
export function bundleFiles(bundle: string): {
  read(path: string): string;
  write(path: string, text: string): void;
} {
  return {
    read: (path) => readFileSync(join(bundle, path), "utf8"),
    write: (path, text) => {
      writeFileSync(join(bundle, path), text);
    },
  };
}
