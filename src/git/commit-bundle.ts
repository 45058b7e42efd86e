import { bundlePathspecs, type BundleRepository } from "./bundle-repository.js";
import { commitIdentityConfig } from "./commit-identity.js";
import { gitClient, gitFailure } from "./git-client.js";

export interface BundleCommit {
  branch: string;
  /** Undefined when nothing under the bundle changed: no commit was made. */
  sha?: string;
  message: string;
  /** Repository-relative paths in the commit. */
  files: string[];
  /** Whether git knew no identity and okf committed as `okf <okf@localhost>`. */
  committedAsOkf: boolean;
}

/**
 * Stages everything under the bundle (the lock file aside) and commits only that: the commit
 * names the bundle as its pathspec, so whatever else the user had staged stays staged and out
 * of the commit. Never pushes.
 */
export async function commitBundle(
  repository: BundleRepository,
  branch: string,
  message: string,
): Promise<BundleCommit> {
  const specs = bundlePathspecs(repository);
  const { git } = repository;
  try {
    await git.raw(["add", "-A", "--", ...specs]);
    const staged = await git.raw(["diff", "--cached", "--name-only", "-z", "--", ...specs]);
    if (staged.split("\0").every((path) => path === "")) {
      return { branch, message, files: [], committedAsOkf: false };
    }
  } catch (error) {
    throw gitFailure("stage the bundle's files", error);
  }
  const identity = await commitIdentityConfig(repository);
  try {
    await gitClient(repository.root, repository.env, identity).raw([
      "commit",
      "--quiet",
      "-m",
      message,
      "--",
      ...specs,
    ]);
  } catch (error) {
    throw gitFailure(
      "commit the bundle",
      error,
      "The regenerated files are written and staged; fix the cause (a failing commit hook, for example) and commit them, or run again with --allow-dirty.",
    );
  }
  const sha = (await git.raw(["rev-parse", "HEAD"])).trim();
  const files = await git.raw([
    "diff-tree",
    "--root",
    "--no-commit-id",
    "--name-only",
    "-r",
    "-z",
    sha,
  ]);
  return {
    branch,
    sha,
    message,
    files: files.split("\0").filter((path) => path !== ""),
    committedAsOkf: identity.length > 0,
  };
}
