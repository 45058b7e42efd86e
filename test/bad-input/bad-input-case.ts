import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli, tempDir, type CliRun } from "../helpers/run-cli.js";
import { repoRoot } from "../helpers/postgres-database.js";
import { runCliProcess } from "./cli-process.js";
import { snapshotTree, treeChanges } from "./tree-snapshot.js";

/** A file's content, or a folder, or a symlink to `target` (relative to the link). */
export type FileContent = string | Buffer | { folder: true } | { symlink: string };

/** The temporary project a case runs in: `<root>/project`, with a sentinel file in `<root>`. */
export interface Project {
  root: string;
  dir: string;
  bundle: string;
  read(path: string): string;
  write(path: string, content: FileContent): void;
  run(args: string[]): Promise<CliRun>;
}

export interface BadInputCase {
  name: string;
  /** By path relative to the project folder; `../x` lands next to it, outside the project. */
  files?: Record<string, FileContent>;
  /** A copy of the committed demo bundle as `knowledge/`. */
  demoBundle?: boolean;
  /** Runs before the snapshot is taken (earlier runs, edits). */
  prepare?: (project: Project) => Promise<void> | void;
  args: string[];
  env?: Record<string, string>;
  code: number;
  /** What the output must say; on stderr unless `on` says otherwise. */
  message: RegExp;
  on?: "stderr" | "stdout" | "both";
  /** Text that must appear nowhere in the output (a password). */
  never?: readonly string[];
  /**
   * "unchanged" (the default): the bundle too must be byte for byte as it was. A function: the
   * bundle may change, and the function checks how.
   */
  bundle?: "unchanged" | ((project: Project, run: CliRun) => void);
  /** The bundle folder, relative to the project; `knowledge` unless given. */
  bundleDir?: string;
  /** The run must finish within this many milliseconds on an idle machine (see `loadSlack`). */
  withinMs?: number;
  /** Further checks of the output (a JSON report). */
  check?: (run: CliRun) => void;
  /** stdout and stderr together must stay this short (a capped list, not 80,000 lines). */
  maxOutputChars?: number;
  /** Run as a real child process (`node --import tsx src/cli/entry.ts`), not in-process. */
  childProcess?: boolean;
}

export interface CaseOptions {
  /** Environment every case of the table gets (read when the case runs, after `beforeAll`). */
  env?: () => Record<string, string>;
}

/** How many times `withinMs` a case may take before it counts as hanging. */
const loadSlack = 3;
const sentinelText = "outside the project: okf must never touch this\n";
const stackTrace = /^\s+at .*:\d+:\d+\)?$/m;
const roots: string[] = [];

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function writeEntry(path: string, content: FileContent): void {
  mkdirSync(dirname(path), { recursive: true });
  // A case may replace a file of the demo bundle by a folder or a link.
  if (typeof content === "object" && !Buffer.isBuffer(content)) rmSync(path, { force: true });
  if (typeof content === "string" || Buffer.isBuffer(content)) writeFileSync(path, content);
  else if ("folder" in content) mkdirSync(path, { recursive: true });
  else symlinkSync(content.symlink, path);
}

/** Writes the case's project; returns it with the paths the assertions use. */
function createProject(
  testCase: Pick<BadInputCase, "files" | "demoBundle" | "bundleDir">,
  env: Record<string, string>,
): Project {
  const root = tempDir("okf-bad-input-");
  roots.push(root);
  const dir = join(root, "project");
  mkdirSync(dir);
  writeFileSync(join(root, "sentinel.md"), sentinelText);
  const bundle = join(dir, testCase.bundleDir ?? "knowledge");
  if (testCase.demoBundle) cpSync(join(repoRoot, "knowledge"), bundle, { recursive: true });
  const project: Project = {
    root,
    dir,
    bundle,
    read: (path) => readFileSync(join(dir, path), "utf8"),
    write: (path, content) => {
      writeEntry(join(dir, path), content);
    },
    run: (args) => runCli(args, dir, env),
  };
  for (const [path, content] of Object.entries(testCase.files ?? {})) project.write(path, content);
  return project;
}

/** Runs one case and asserts its exit code, its message, and what changed on disk. */
export async function runBadInputCase(
  testCase: BadInputCase,
  options: CaseOptions = {},
): Promise<void> {
  const env = { ...options.env?.(), ...testCase.env };
  const project = createProject(testCase, env);
  await testCase.prepare?.(project);
  const checkBundle = testCase.bundle ?? "unchanged";
  const skip = checkBundle === "unchanged" ? [] : [project.bundle];
  const before = snapshotTree(project.root, skip);
  const started = Date.now();
  const run = testCase.childProcess
    ? await runCliProcess(testCase.args, project.dir, env, {
        timeoutMs: (testCase.withinMs ?? 30_000) * loadSlack + 5_000,
      })
    : await project.run(testCase.args);
  const elapsed = Date.now() - started;
  const output = { stderr: run.stderr, stdout: run.stdout, both: `${run.stdout}\n${run.stderr}` };
  const shown = `exit ${run.code}\n--- stdout\n${run.stdout.slice(0, 3000)}\n--- stderr\n${run.stderr.slice(0, 3000)}`;

  expect(run.code, shown).toBe(testCase.code);
  expect(output[testCase.on ?? "stderr"], shown).toMatch(testCase.message);
  expect(output.both, "an input error is not a bug").not.toMatch(/unexpected error|please report/i);
  expect(output.both, "no stack trace without --debug").not.toMatch(stackTrace);
  for (const secret of testCase.never ?? []) expect(output.both).not.toContain(secret);
  expect(treeChanges(before, snapshotTree(project.root, skip)), shown).toEqual([]);
  expect(readFileSync(join(project.root, "sentinel.md"), "utf8")).toBe(sentinelText);
  testCase.check?.(run);
  if (typeof checkBundle === "function") checkBundle(project, run);
  // A guard against the pathological (80 s to reject 80,000 keys, a hang), not a speed target:
  // on a loaded 2-core runner one child process alone can take 10 s, hence the slack.
  if (testCase.withinMs !== undefined) {
    expect(elapsed, shown).toBeLessThan(testCase.withinMs * loadSlack);
  }
  if (testCase.maxOutputChars !== undefined) {
    expect(output.both.length, shown).toBeLessThan(testCase.maxOutputChars);
  }
}

/** One `it` per case, under one `describe`. */
export function defineCases(
  title: string,
  cases: readonly BadInputCase[],
  options: CaseOptions = {},
): void {
  const names = new Set<string>();
  for (const testCase of cases) {
    if (names.has(testCase.name)) throw new Error(`duplicate case name: ${testCase.name}`);
    names.add(testCase.name);
  }
  describe(title, () => {
    for (const testCase of cases) {
      it(testCase.name, () => runBadInputCase(testCase, options));
    }
  });
}
