import { stat } from "node:fs/promises";
import { relative } from "node:path";
import { resolveBundleDir, type BundleLocation } from "../../cli/resolve-bundle.js";
import { UsageError } from "../../errors.js";

/** Where a steward command runs: `--bundle DIR`, or the config's `bundle:` key. */
export type StewardLocation = BundleLocation;

/** The bundle folder's absolute path; a folder that does not exist is a usage error. */
export async function openBundle(location: BundleLocation): Promise<string> {
  const dir = await resolveBundleDir(location);
  const isFolder = await stat(dir).then(
    (entry) => entry.isDirectory(),
    () => false,
  );
  if (!isFolder) {
    throw new UsageError(
      `The bundle folder ${dir} does not exist.`,
      "Run `okf extract` first, or pass the bundle with --bundle DIR or --config PATH.",
    );
  }
  return dir;
}

/** A timestamp as OKF v0.2 writes it: seconds precision, UTC (`2026-11-27T09:12:00Z`). */
export function isoSeconds(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Paths read best relative to where the user stands. */
export function displayPath(cwd: string, dir: string): string {
  return relative(cwd, dir) || ".";
}
