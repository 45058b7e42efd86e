import { expect } from "vitest";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";

/** Every file under `dir` (the bundle lock aside) by its relative path, with its text. */
export async function readTree(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files: Record<string, string> = {};
  for (const entry of entries.filter((e) => e.isFile() && e.name !== "lock")) {
    const path = join(entry.parentPath, entry.name);
    files[relative(dir, path)] = await readFile(path, "utf8");
  }
  return files;
}

/**
 * Fails unless the committed folder holds exactly the generated folder's files, byte for byte;
 * `label` names the committed folder and `regenerate` the command that rewrites it.
 */
export async function expectSameTree(
  generatedDir: string,
  committedDir: string,
  label: string,
  regenerate: string,
): Promise<void> {
  const generated = await readTree(generatedDir);
  const committed = await readTree(committedDir);
  expect(Object.keys(committed).sort()).toEqual(Object.keys(generated).sort());
  for (const [path, text] of Object.entries(generated)) {
    expect(committed[path], `${label}/${path} drifted; run ${regenerate}`).toBe(text);
  }
}
