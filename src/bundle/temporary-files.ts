import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { isTemporaryFileName } from "./atomic-write.js";
import { isMissingFile } from "./files.js";

/** Folders okf never writes into, so never cleans: another tool's, or too big to walk. */
const skippedFolders = new Set([".git", "node_modules"]);

/**
 * Removes the temporary files that killed okf runs left in the bundle (a kill between writing
 * one and renaming it into place), and returns how many. Only okf's exact temporary-name
 * pattern is removed, and symbolic links are not followed. Call it holding the bundle lock:
 * another run's temporary files are then never in flight.
 */
export async function removeTemporaryFiles(bundleDir: string): Promise<number> {
  let removed = 0;
  const visit = async (folder: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      if (isMissingFile(error)) return;
      throw error;
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!skippedFolders.has(entry.name)) await visit(path);
      } else if (entry.isFile() && isTemporaryFileName(entry.name)) {
        await rm(path, { force: true });
        removed++;
      }
    }
  };
  await visit(bundleDir);
  return removed;
}
