import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/postgres-database.js";

/** Every file under `dir` (relative to the repository), dot-folders and node_modules left out. */
function filesUnder(dir: string): string[] {
  return readdirSync(path.join(repoRoot, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(repoRoot, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.split(path.sep).some((part) => part.startsWith(".")));
}

// Assembled here so that this file does not match its own pattern.
const sibling = ["..", "shared"].join("/");
const outside = new RegExp(`${sibling.replace(/\./g, "\\.")}\\b|\\bshared/(datasets|examples)\\b`);

describe("a clone of the repository on its own", () => {
  it("has no test or benchmark that reads the team's shared folder beside the repository", () => {
    const sources = [...filesUnder("test"), ...filesUnder("bench")].filter((file) =>
      /\.(ts|js|json|sql|md)$/.test(file),
    );
    expect(sources.length).toBeGreaterThan(100);
    const offenders = sources.filter((file) =>
      outside.test(readFileSync(path.join(repoRoot, file), "utf8")),
    );
    expect(offenders).toEqual([]);
  });

  it("keeps its test data small", () => {
    const bytes = filesUnder("test/fixtures").reduce(
      (sum, file) => sum + statSync(path.join(repoRoot, file)).size,
      0,
    );
    expect(bytes).toBeLessThan(4 * 1024 * 1024);
  });
});
