import { spawn } from "node:child_process";
import { UsageError } from "../../errors.js";
import { currentBranch, isBranchName } from "../../git/branch.js";
import type { BundleRepository } from "../../git/bundle-repository.js";
import { commitIdentityConfig } from "../../git/commit-identity.js";
import { gitEnvironment } from "../../git/git-client.js";
import { proposalsFolderName } from "./proposals-folder.js";

/**
 * Commits one new file under `proposals/` on `branch` with git plumbing (hash-object, mktree,
 * commit-tree, update-ref): no checkout, no index, so the working tree, the index and HEAD stay
 * exactly as they are while a server keeps running on its branch. A missing branch starts at
 * HEAD. `update-ref` checks the branch did not move meanwhile; a race is retried.
 */
export async function commitProposalOnBranch(
  repository: BundleRepository,
  branch: string,
  build: (taken: ReadonlySet<string>) => { name: string; content: string },
  message: string,
): Promise<{ name: string; commit: string }> {
  await checkProposalsBranch(repository, branch);
  const git = await plumbing(repository);
  for (let attempt = 0; attempt < 5; attempt++) {
    const ref = `refs/heads/${branch}`;
    const tip = await git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]).catch(() => "");
    const parent =
      tip !== ""
        ? tip
        : await git(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]).catch(() => "");
    const rootEntries =
      parent === "" ? [] : lines(await git(["ls-tree", "-z", parent], undefined, "\0"));
    const folderEntry = rootEntries.find((entry) => entry.endsWith(`\t${proposalsFolderName}`));
    const folderEntries =
      folderEntry === undefined || !folderEntry.includes(" tree ")
        ? []
        : lines(await git(["ls-tree", "-z", `${parent}:${proposalsFolderName}`], undefined, "\0"));
    const taken = new Set(folderEntries.map((entry) => entry.slice(entry.indexOf("\t") + 1)));
    const { name, content } = build(taken);
    const blob = await git(["hash-object", "-w", "--stdin"], content);
    const folderTree = await mktree(git, [...folderEntries, `100644 blob ${blob}\t${name}`]);
    const others = rootEntries.filter((entry) => entry !== folderEntry);
    const rootTree = await mktree(git, [
      ...others,
      `040000 tree ${folderTree}\t${proposalsFolderName}`,
    ]);
    const commit = await git([
      "commit-tree",
      rootTree,
      ...(parent === "" ? [] : ["-p", parent]),
      "-m",
      message,
    ]);
    try {
      // The old value "" means: the branch must not exist yet.
      await git(["update-ref", "-m", "okf: proposal", ref, commit, tip]);
      return { name, commit };
    } catch {
      // The branch moved (another proposal was committed meanwhile): build on the new tip.
    }
  }
  throw new UsageError(
    `git could not move branch ${branch} to the proposal's commit: it kept changing.`,
    "Run again; if it persists, check who else writes to that branch.",
  );
}

type Git = (args: string[], input?: string, separator?: string) => Promise<string>;

async function mktree(git: Git, entries: string[]): Promise<string> {
  return git(["mktree", "-z"], entries.map((entry) => `${entry}\0`).join(""));
}

function lines(output: string): string[] {
  return output.split("\0").filter((entry) => entry !== "");
}

/**
 * Refuses a branch that proposals cannot be committed on: an invalid name, or the branch checked
 * out in the working tree. `okf serve` calls it at start-up, before any agent connects.
 */
export async function checkProposalsBranch(
  repository: BundleRepository,
  branch: string,
): Promise<void> {
  if (!(await isBranchName(repository, branch))) {
    throw new UsageError(
      `--proposals-branch "${branch}" is not a valid git branch name.`,
      "Use a name such as okf/proposals (see git check-ref-format for the rules).",
    );
  }
  if ((await currentBranch(repository)) === branch) {
    throw new UsageError(
      `--proposals-branch ${branch} is the branch checked out in ${repository.root}; committing there behind git's back would leave the working tree out of date.`,
      "Name another branch (such as okf/proposals), or leave out --proposals-branch and commit the proposal file yourself.",
    );
  }
}

/** Runs git in the repository with the identity okf commits as, and nothing else from GIT_*. */
async function plumbing(repository: BundleRepository): Promise<Git> {
  const identity = await commitIdentityConfig(repository);
  const env = gitEnvironment(repository.env);
  const config = identity.flatMap((setting) => ["-c", setting]);
  return (args, input, separator) =>
    new Promise((resolve, reject) => {
      const child = spawn("git", [...config, ...args], {
        cwd: repository.root,
        env,
        stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      child.on("error", reject);
      child.on("close", (code) => {
        if (code === 0) resolve(separator === undefined ? stdout.trim() : stdout);
        else reject(new Error(`git ${args[0] ?? ""} failed: ${stderr.trim()}`));
      });
      // A git that fails early closes its stdin; the exit code reports that, not the pipe.
      child.stdin?.on("error", () => undefined);
      child.stdin?.end(input);
    });
}
