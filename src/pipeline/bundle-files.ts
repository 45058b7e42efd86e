import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "../bundle/atomic-write.js";
import { isMissingFile } from "../bundle/walk-bundle.js";

/** Reads and writes bundle files, honouring dry runs and counting what it wrote. */
export class BundleFiles {
  written = 0;

  constructor(
    readonly bundleDir: string,
    readonly dryRun: boolean,
  ) {}

  async read(path: string): Promise<string | undefined> {
    try {
      return await readFile(join(this.bundleDir, path), "utf8");
    } catch (error) {
      if (isMissingFile(error)) return undefined;
      throw error;
    }
  }

  async write(path: string, text: string): Promise<void> {
    if (this.dryRun) return;
    await writeFileAtomic(join(this.bundleDir, path), text);
    this.written++;
  }
}
