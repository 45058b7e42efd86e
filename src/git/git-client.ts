import { simpleGit, type SimpleGit } from "simple-git";
import { errorMessage, UsageError } from "../errors.js";

/**
 * Who commits is the user's business: these variables reach git. simple-git strips every other
 * `GIT_*` variable (GIT_DIR would point git at another repository than the bundle's).
 */
const identityVariables = [
  "GIT_AUTHOR_NAME",
  "GIT_AUTHOR_EMAIL",
  "GIT_AUTHOR_DATE",
  "GIT_COMMITTER_NAME",
  "GIT_COMMITTER_EMAIL",
  "GIT_COMMITTER_DATE",
];

/** Variables simple-git refuses to pass on (they can run programs); git needs none of them here. */
const refusedVariables = new Set(["editor", "visual", "pager", "prefix", "ssh_askpass"]);

const allowedGitVariables = new Set(identityVariables.map((name) => name.toLowerCase()));

/** The environment git runs with: the command's, less every `GIT_*` variable but the identity. */
export function gitEnvironment(env: NodeJS.ProcessEnv): Record<string, string> {
  const passed: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    const key = name.toLowerCase();
    if (value === undefined) continue;
    if (key.startsWith("git_") && !allowedGitVariables.has(key)) continue;
    passed[name] = value;
  }
  return passed;
}

/** A simple-git client in `dir`, with the command's environment rather than the process's. */
export function gitClient(dir: string, env: NodeJS.ProcessEnv, config: string[] = []): SimpleGit {
  const passed = Object.fromEntries(
    Object.entries(gitEnvironment(env)).filter(
      ([name]) => !refusedVariables.has(name.toLowerCase()),
    ),
  );
  return simpleGit({ baseDir: dir, config, allowEnvironment: identityVariables }).env(passed);
}

/** A git command that failed for a reason the user can fix, with git's own words. */
export function gitFailure(what: string, error: unknown, hint?: string): UsageError {
  const said = errorMessage(error).trim().replace(/\s+/g, " ");
  return new UsageError(`git could not ${what}: ${said}`, hint, { cause: error });
}
