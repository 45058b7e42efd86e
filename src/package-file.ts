import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * A file the package ships (`schema/…`, `templates/…`, `eval/…`), found by walking up from this
 * module, which sits in src/ when run from a clone and in dist/src/ when installed; undefined
 * when the installation lacks it.
 */
export function packageFile(relativePath: string): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, relativePath);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
