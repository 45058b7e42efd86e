import { realpath, stat } from "node:fs/promises";
import { basename, dirname, join, posix, relative, sep } from "node:path";
import type { SimpleGit } from "simple-git";
import { temporaryFileGlob } from "../bundle/atomic-write.js";
import { errorMessage, UsageError } from "../errors.js";
import { gitClient, gitFailure } from "./git-client.js";

/** The git repository that holds a bundle; the bundle may be a subfolder of a larger one. */
export interface BundleRepository {
  git: SimpleGit;
  /** The repository's top-level folder. */
  root: string;
  /** The bundle relative to `root`, POSIX separators; "" when the bundle is the root itself. */
  bundlePath: string;
  env: NodeJS.ProcessEnv;
}

/** Finds the repository of `bundleDir` (which need not exist yet), or throws a UsageError. */
export async function openBundleRepository(
  bundleDir: string,
  env: NodeJS.ProcessEnv,
): Promise<BundleRepository> {
  const repository = await findBundleRepository(bundleDir, env);
  if (repository) return repository;
  throw new UsageError(
    `The bundle ${bundleDir} is not inside a git repository, so there is nothing to commit to.`,
    `Run \`git init\` in the folder that should keep the bundle's history (the project folder, or the bundle itself), then run again.`,
  );
}

/** Like `openBundleRepository`, but undefined when the bundle is in no repository. */
export async function findBundleRepository(
  bundleDir: string,
  env: NodeJS.ProcessEnv,
): Promise<BundleRepository | undefined> {
  const { existing, rest } = await nearestExistingFolder(bundleDir);
  const git = gitClient(existing, env);
  let top: string;
  try {
    top = (await git.raw(["rev-parse", "--show-toplevel"])).trim();
  } catch (error) {
    if (/not a git repository/i.test(errorMessage(error))) return undefined;
    throw gitFailure(`find the repository that holds ${bundleDir}`, error);
  }
  if (top === "") {
    throw new UsageError(
      `The bundle ${bundleDir} is inside a git directory without a working tree.`,
      "Use a normal (non-bare) clone of the repository.",
    );
  }
  const root = await realpath(top);
  const bundle = join(await realpath(existing), ...rest);
  const bundlePath = relative(root, bundle).split(sep).join(posix.sep);
  return { git: gitClient(root, env), root, bundlePath, env };
}

/** The pathspec of the whole bundle; literal, so a folder named `*` means itself. */
function bundlePathspec(repository: BundleRepository): string {
  return `:(literal)${repository.bundlePath === "" ? "." : repository.bundlePath}`;
}

/**
 * The bundle, without the lock file of the run in progress and the temporary files a killed
 * run may have left (neither is ever committed).
 */
export function bundlePathspecs(repository: BundleRepository): string[] {
  const lock = posix.join(repository.bundlePath, ".okf", "lock");
  const folder = repository.bundlePath === "" ? "" : `${escapeGlob(repository.bundlePath)}/`;
  return [
    bundlePathspec(repository),
    `:(exclude,literal)${lock}`,
    `:(exclude,glob)${folder}**/${temporaryFileGlob}`,
  ];
}

function escapeGlob(path: string): string {
  return path.replace(/[\\*?[\]]/g, (char) => `\\${char}`);
}

async function nearestExistingFolder(dir: string): Promise<{ existing: string; rest: string[] }> {
  const rest: string[] = [];
  let current = dir;
  for (;;) {
    const isFolder = await stat(current).then(
      (found) => found.isDirectory(),
      () => false,
    );
    if (isFolder) return { existing: current, rest };
    const parent = dirname(current);
    if (parent === current) return { existing: current, rest };
    rest.unshift(basename(current));
    current = parent;
  }
}
