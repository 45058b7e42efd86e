import { join } from "node:path";
import { writeFileAtomic } from "../bundle/atomic-write.js";
import { assertNotLinked, readBundleTextIfExists } from "../bundle/files.js";

/**
 * Reads and writes bundle files, honouring dry runs and counting what it wrote. A path that
 * goes through a symbolic link is neither read nor written: both throw KnowledgeFileError.
 */
export class BundleFiles {
  written = 0;

  constructor(
    readonly bundleDir: string,
    readonly dryRun: boolean,
  ) {}

  async read(path: string): Promise<string | undefined> {
    await assertNotLinked(this.bundleDir, path);
    return readBundleTextIfExists(join(this.bundleDir, path));
  }

  async write(path: string, text: string): Promise<void> {
    if (this.dryRun) return;
    await assertNotLinked(this.bundleDir, path);
    await writeFileAtomic(join(this.bundleDir, path), text);
    this.written++;
  }
}
