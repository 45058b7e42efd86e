import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

const goldenDir = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "golden");

/**
 * Compares text with a committed golden file. `UPDATE_GOLDEN=1 npm test` writes them (new ones
 * too); review the diff like any other change. A missing file fails, so that a golden never
 * appears unreviewed or goes missing in a clone without anyone noticing.
 */
export function expectGolden(name: string, actual: string): void {
  const file = join(goldenDir, name);
  if (process.env.UPDATE_GOLDEN === "1") {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
  }
  if (!existsSync(file)) {
    throw new Error(
      `golden file ${name} is missing: run UPDATE_GOLDEN=1 npx vitest run <test file>`,
    );
  }
  expect(actual).toBe(readFileSync(file, "utf8"));
}
