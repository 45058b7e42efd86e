import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { extractAndCommit, type CommitOptions } from "../../src/git/extract-commit.js";
import type { ExtractOptions } from "../../src/pipeline/extract-types.js";
import { createTestDatabase, type TestDatabase } from "../helpers/postgres-database.js";
import { bundleFiles, crmSourceLines, writeProjectConfig } from "../helpers/project-config.js";
import { tempDir } from "../helpers/run-cli.js";

/** A test database, and a git repository holding an okf project whose bundle is `knowledge`. */
export interface GitProject {
  db: TestDatabase;
  /** The repository root. */
  repo: string;
  /** The folder with okf.config.yaml: the root, or a subfolder of a larger repository. */
  project: string;
  bundle: string;
  /** okf's environment: the database URL, PATH, and an empty HOME (no global git config). */
  env: NodeJS.ProcessEnv;
  options(now?: string): ExtractOptions;
  commitRun(commit?: CommitOptions, now?: string): ReturnType<typeof extractAndCommit>;
  /** Runs git in the repository (same empty HOME) and returns its trimmed output. */
  git(...args: string[]): string;
  read(bundlePath: string): string;
  write(bundlePath: string, text: string): void;
  /** Every file under the bundle, bundle-relative, with its content. */
  snapshot(): Map<string, string>;
}

export interface ProjectLayout {
  /** Put the project in this subfolder of the repository. */
  subfolder?: string;
  /** Set user.name / user.email in the repository (default true). */
  identity?: boolean;
}

export async function createGitProject(
  prefix: string,
  schemaSql: string,
  layout: ProjectLayout = {},
): Promise<GitProject> {
  const db = await createTestDatabase(prefix);
  await db.admin(schemaSql);
  const repo = tempDir("okf-git-");
  const home = tempDir("okf-home-");
  const project = layout.subfolder ? join(repo, layout.subfolder) : repo;
  mkdirSync(project, { recursive: true });
  const bundle = writeProjectConfig(project, crmSourceLines);
  const gitEnv = { PATH: process.env.PATH, HOME: home, GIT_CONFIG_NOSYSTEM: "1" };
  const git = (...args: string[]) =>
    execFileSync("git", args, { cwd: repo, env: gitEnv, encoding: "utf8" }).trim();
  git("init", "-q", "-b", "main");
  if (layout.identity !== false) {
    git("config", "user.name", "Test Steward");
    git("config", "user.email", "steward@example.org");
  }
  const env = { PATH: process.env.PATH, HOME: home, TEST_DATABASE_URL: db.url };
  const options = (now = "2026-11-27T02:00:00Z"): ExtractOptions => ({
    cwd: project,
    env,
    now: new Date(now),
  });
  return {
    db,
    repo,
    project,
    bundle,
    env,
    options,
    commitRun: (commit = {}, now) => extractAndCommit(options(now), commit),
    git,
    ...bundleFiles(bundle),
    snapshot: () => snapshotFolder(bundle),
  };
}

function snapshotFolder(root: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    files.set(relative(root, full).split(sep).join("/"), readFileSync(full, "utf8"));
  }
  return files;
}

/** Bundle files that are new or different in `after`. */
export function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after.keys()].filter((path) => before.get(path) !== after.get(path)).sort();
}
