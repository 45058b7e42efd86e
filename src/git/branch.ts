import { UsageError } from "../errors.js";
import type { BundleRepository } from "./bundle-repository.js";
import { gitFailure } from "./git-client.js";

/** The checked-out branch; undefined on a detached HEAD. An unborn branch has its name already. */
export async function currentBranch(repository: BundleRepository): Promise<string | undefined> {
  const name = (await repository.git.raw(["symbolic-ref", "--short", "-q", "HEAD"])).trim();
  return name === "" ? undefined : name;
}

/**
 * Puts the repository on the branch to commit to, before anything is extracted, so the run
 * merges into that branch's files: the current branch when `wanted` is undefined or names it;
 * an existing branch is checked out; a new one starts at the current HEAD (in a repository
 * without commits this only names the unborn branch).
 */
export async function switchToBranch(
  repository: BundleRepository,
  wanted: string | undefined,
): Promise<string> {
  const current = await currentBranch(repository);
  if (wanted === undefined) {
    if (current !== undefined) return current;
    throw new UsageError(
      "HEAD is detached, so a commit would belong to no branch.",
      "Pass --branch NAME (for example --branch okf/nightly), or check out a branch first.",
    );
  }
  await checkBranchName(repository, wanted);
  if (wanted === current) return wanted;
  const exists =
    (await repository.git.raw(["rev-parse", "--verify", "--quiet", `refs/heads/${wanted}`])) !== "";
  try {
    await repository.git.raw(exists ? ["checkout", wanted, "--"] : ["checkout", "-b", wanted]);
  } catch (error) {
    throw gitFailure(
      `switch to branch ${wanted}`,
      error,
      "Commit or stash the local changes that stand in the way (git status), then run again.",
    );
  }
  return wanted;
}

/** Whether git accepts `name` as a branch name (and it cannot be taken for an option). */
export async function isBranchName(repository: BundleRepository, name: string): Promise<boolean> {
  return (
    !name.startsWith("-") &&
    (await repository.git.raw(["check-ref-format", "--branch", name]).then(
      (output) => output.trim() === name,
      () => false,
    ))
  );
}

async function checkBranchName(repository: BundleRepository, name: string): Promise<void> {
  if (!(await isBranchName(repository, name))) {
    throw new UsageError(
      `--branch "${name}" is not a valid git branch name.`,
      "Use a name such as okf/nightly (see git check-ref-format for the rules).",
    );
  }
}
