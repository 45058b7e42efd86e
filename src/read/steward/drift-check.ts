import { relative, sep, posix } from "node:path";
import { findBundleRepository } from "../../git/bundle-repository.js";
import type { ExtractOptions, ExtractResult } from "../../pipeline/extract-types.js";
import { runExtract } from "../../pipeline/run-extract.js";
import { hasDrift } from "./drift-summary.js";

export interface DriftCheck {
  result: ExtractResult;
  /** 0 up to date, 1 out of date (or a file that cannot be merged), 3 a source failed. */
  exitCode: 0 | 1 | 3;
}

/**
 * `okf diff` and `okf extract --check`: a dry run (which takes no bundle lock and writes
 * nothing) judged as a CI check.
 */
export async function checkDrift(options: ExtractOptions): Promise<DriftCheck> {
  const result = await runExtract({ ...options, dryRun: true });
  return { result, exitCode: driftExitCode(result) };
}

function driftExitCode(result: ExtractResult): 0 | 1 | 3 {
  if (result.sources.some((source) => source.status !== "ok")) return 3;
  return hasDrift(result) || result.unparseable.length > 0 ? 1 : 0;
}

/**
 * The bundle as links in a summary should name it: relative to the root of its git repository,
 * or, outside any repository, relative to where the command runs.
 */
export async function bundleLinkPath(
  bundleDir: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<string> {
  const repository = await findBundleRepository(bundleDir, env).catch(() => undefined);
  if (repository) return repository.bundlePath;
  return relative(cwd, bundleDir).split(sep).join(posix.sep);
}
