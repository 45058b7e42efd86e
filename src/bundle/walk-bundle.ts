import { readdir } from "node:fs/promises";
import { join } from "node:path";
import ignore, { type Ignore } from "ignore";
import { readBundleTextIfExists } from "./files.js";

/** Re-exported for callers that already read files through this module. */

const skippedFolders = new Set(["node_modules"]);

/**
 * Every `.md` file of the bundle as a sorted, bundle-relative POSIX path. Hidden entries
 * (`.okf/`, `.git/`, temporary files) and `node_modules` are skipped, so are paths matched by
 * the bundle's `.okfignore` (gitignore syntax). Symbolic links are not followed: a link could
 * leave the bundle or loop.
 */
export async function listMarkdownFiles(bundleDir: string): Promise<string[]> {
  const ignored = await loadOkfIgnore(bundleDir);
  const found: string[] = [];
  await walk(bundleDir, "", ignored, found);
  return found.sort(compareCodePoints);
}

async function walk(root: string, prefix: string, ignored: Ignore, found: string[]): Promise<void> {
  const entries = await readdir(prefix === "" ? root : join(root, prefix), { withFileTypes: true });
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const relative = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) {
      if (skippedFolders.has(entry.name) || ignored.ignores(`${relative}/`)) continue;
      await walk(root, relative, ignored, found);
    } else if (entry.isFile() && entry.name.endsWith(".md") && !ignored.ignores(relative)) {
      found.push(relative);
    }
  }
}

async function loadOkfIgnore(bundleDir: string): Promise<Ignore> {
  const rules = ignore();
  // Not through a link: nothing okf reads may come from outside the bundle.
  const text = await readBundleTextIfExists(join(bundleDir, ".okfignore"), ".okfignore");
  if (text !== undefined) rules.add(text);
  return rules;
}

/** Locale-independent ordering, so output never depends on the machine's language settings. */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
