import { UsageError } from "../errors.js";
import { bundlePathspecs, type BundleRepository } from "./bundle-repository.js";
import { gitFailure } from "./git-client.js";

/** More would scroll the reason away; `git status` shows them all. */
const listedPaths = 10;

/**
 * Paths under the bundle that differ from the last commit, untracked ones included
 * (repository-relative, as `git status` names them). okf leaves no such change behind, so
 * these are edits made by hand (or by a run that was interrupted).
 */
export async function uncommittedBundlePaths(repository: BundleRepository): Promise<string[]> {
  let output: string;
  try {
    output = await repository.git.raw([
      "status",
      "--porcelain=v1",
      "-z",
      "--untracked-files=all",
      "--",
      ...bundlePathspecs(repository),
    ]);
  } catch (error) {
    throw gitFailure("list the bundle's uncommitted changes", error);
  }
  const entries = output.split("\0");
  const paths: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] ?? "";
    if (entry.length < 4) continue;
    paths.push(entry.slice(3));
    // A rename or copy is followed by its original path, which is not a change of its own.
    if (entry.startsWith("R") || entry.startsWith("C")) i++;
  }
  return paths;
}

/** Refuses to commit over edits that nobody committed, unless the user said so. */
export function handEditsError(paths: readonly string[], root: string): UsageError {
  const shown = paths.slice(0, listedPaths).map((path) => `  ${path}`);
  if (paths.length > listedPaths) shown.push(`  … and ${String(paths.length - listedPaths)} more`);
  return new UsageError(
    `The bundle has uncommitted changes that okf did not make (in ${root}):\n${shown.join("\n")}\nokf --commit commits only its own run, so it stopped before extracting.`,
    "Commit or discard those changes first (git status shows them), or pass --allow-dirty to commit them together with the regenerated files.",
  );
}
