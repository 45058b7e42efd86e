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
