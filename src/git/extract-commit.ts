import { mkdir } from "node:fs/promises";
import { acquireBundleLock } from "../bundle/bundle-lock.js";
import { defaultConfigFile, loadConfig } from "../config/load-config.js";
import { UsageError } from "../errors.js";
import type { ExtractOptions, ExtractResult } from "../pipeline/extract-types.js";
import { runExtract } from "../pipeline/run-extract.js";
import { switchToBranch } from "./branch.js";
import { openBundleRepository } from "./bundle-repository.js";
import { commitBundle, type BundleCommit } from "./commit-bundle.js";
import { handEditsError, uncommittedBundlePaths } from "./hand-edits.js";

export interface CommitOptions {
  /** Commit on this branch (checked out, or created from the current HEAD); default: current. */
  branch?: string;
  /** Default: `okf: regenerate knowledge (N created, M changed, K deprecated)`. */
  message?: string;
  /** Commit even though the bundle had uncommitted changes; they go into the commit too. */
  allowDirty?: boolean;
}

export interface ExtractCommitResult {
  result: ExtractResult;
  commit: BundleCommit;
  /** The bundle relative to the repository root, for links in the summary. */
  bundlePath: string;
}

/**
 * `okf extract --commit`: check the bundle is clean, switch branch, extract, commit the bundle.
 * The bundle lock is held from the first check to the commit, so a second run refuses at once
 * and can never commit this run's half-written files.
 */
export async function extractAndCommit(
  options: ExtractOptions,
  commit: CommitOptions,
): Promise<ExtractCommitResult> {
  if (options.dryRun === true) {
    throw new UsageError(
      "--commit and --dry-run exclude each other.",
      "Use okf diff to see the drift without writing.",
    );
  }
  const { bundleDir } = await loadConfig(options.configFile ?? defaultConfigFile, {
    cwd: options.cwd,
    env: options.env,
  });
  const repository = await openBundleRepository(bundleDir, options.env ?? process.env);
  await mkdir(bundleDir, { recursive: true });
  const release = await acquireBundleLock(bundleDir, {
    onNotice: options.onNotice ?? options.onProgress,
  });
  try {
    if (commit.allowDirty !== true) {
      const edited = await uncommittedBundlePaths(repository);
      if (edited.length > 0) throw handEditsError(edited, repository.root);
    }
    const branch = await switchToBranch(repository, commit.branch);
    const result = await runExtract({ ...options, holdsLock: true });
    const committed = await commitBundle(
      repository,
      branch,
      commit.message ?? defaultMessage(result),
    );
    return { result, commit: committed, bundlePath: repository.bundlePath };
  } finally {
    await release();
  }
}

function defaultMessage(result: ExtractResult): string {
  const count = (pick: (source: ExtractResult["sources"][number]) => string[]) =>
    String(result.sources.reduce((sum, source) => sum + pick(source).length, 0));
  return `okf: regenerate knowledge (${count((s) => s.created)} created, ${count((s) => s.changed)} changed, ${count((s) => s.deprecated)} deprecated)`;
}
