import { sep } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * How the user runs okf, for the commands okf suggests: `npx okf` in a clone (npx finds the
 * project's own bin), plain `okf` once installed from a tarball or a git URL, where `npx okf`
 * would fetch whatever the registry holds under that name instead.
 */
export function okfCommand(moduleFile = fileURLToPath(import.meta.url)): string {
  return moduleFile.includes(`${sep}node_modules${sep}`) ? "okf" : "npx okf";
}
