import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractAndCommit } from "../../src/git/extract-commit.js";
import { openBundleRepository } from "../../src/git/bundle-repository.js";
import { uncommittedBundlePaths } from "../../src/git/hand-edits.js";
import { createGitProject, type GitProject } from "../git/git-project.js";
import { createTestDatabase, type TestDatabase } from "../helpers/postgres-database.js";
import { crmSourceLines, writeProjectConfig } from "../helpers/project-config.js";
import { runCli, tempDir } from "../helpers/run-cli.js";

/**
 * What a killed run leaves behind, besides half-done state (see kill-loop.test.ts): temporary
 * files that never got renamed into place, and a lock whose process is gone. The next run
 * removes the first and takes over the second, and says so on stderr.
 */
const schema =
  "CREATE SCHEMA shop; CREATE TABLE shop.t_a (id int PRIMARY KEY, amount numeric); CREATE TABLE shop.t_b (id int PRIMARY KEY, note text);";

/** okf's own leftovers (`.<name>.<12 hex>.tmp`) and look-alikes that belong to a person. */
const leftovers = (folder: string) => [
  `${folder}/.t_a.md.0123456789ab.tmp`,
  `${folder}/.index.md.a1b2c3d4e5f6.tmp`,
  ".okf/.lock.ffffffffffff.tmp",
  ".okf/state/.crm.json.000000000000.tmp",
];
const personal = (folder: string) => [
  ".notes.tmp",
  `${folder}/.draft.tmp`,
  `${folder}/.t_a.md.0123456789ab.tmp.bak`,
  `${folder}/t_a.md.0123456789ab.tmp`,
  `${folder}/.t_a.md.0123456789AB.tmp`,
  `${folder}/.t_a.md.0123456789a.tmp`,
];

function plant(bundle: string, paths: readonly string[]): void {
  for (const path of paths) {
    mkdirSync(dirname(join(bundle, path)), { recursive: true });
    writeFileSync(join(bundle, path), "half a file");
  }
}

/** The pid of a process that has run and exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await once(child, "exit");
  if (child.pid === undefined) throw new Error("child had no pid");
  return child.pid;
}

function writeLock(bundle: string, holder: { pid: number; host: string; startedAt: string }) {
  mkdirSync(join(bundle, ".okf"), { recursive: true });
  writeFileSync(join(bundle, ".okf", "lock"), JSON.stringify(holder));
}

describe("after an interrupted run", () => {
  let db: TestDatabase;
  let dir: string;
  let bundle: string;
  let folder: string;
  const env = () => ({ TEST_DATABASE_URL: db.url });

  beforeAll(async () => {
    db = await createTestDatabase("okf_interrupted");
    await db.admin(schema);
    dir = tempDir("okf-interrupted-");
    bundle = writeProjectConfig(dir, crmSourceLines);
    folder = `crm/${db.name}/shop`;
    const first = await runCli(["extract", "--no-profile"], dir, env());
    expect(first.code, first.stderr).toBe(0);
  });

  afterAll(async () => {
    await db.drop();
  });

  it("removes okf's temporary files, says so on stderr, and keeps a person's look-alikes", async () => {
    plant(bundle, [...leftovers(folder), ...personal(folder)]);
    const run = await runCli(["extract", "--no-profile"], dir, env());
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("okf: removed 4 temporary files left by an interrupted run\n");
    expect(run.stdout).not.toContain("temporary");
    for (const path of leftovers(folder)) expect(existsSync(join(bundle, path)), path).toBe(false);
    for (const path of personal(folder)) {
      expect(readFileSync(join(bundle, path), "utf8"), path).toBe("half a file");
    }
    const again = await runCli(["extract", "--no-profile"], dir, env());
    expect(again.stderr).not.toContain("temporary file");
  });

  it("takes over the lock of a process that no longer runs on this host, naming it", async () => {
    const pid = await deadPid();
    const startedAt = "2026-11-27T02:00:00.000Z";
    writeLock(bundle, { pid, host: hostname(), startedAt });
    const run = await runCli(["extract", "--no-profile"], dir, env());
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(
      `okf: took over the bundle lock left by process ${String(pid)} on host ${hostname()}, started ${startedAt}, which no longer runs\n`,
    );
    expect(existsSync(join(bundle, ".okf", "lock"))).toBe(false);
  });

  const liveHolders = [
    { name: "a process that still runs on this host", pid: () => process.pid, host: hostname },
    { name: "a process on another host", pid: deadPid, host: () => "build-agent-7.example.org" },
  ];
  for (const holder of liveHolders) {
    it(`refuses the lock of ${holder.name}: exit 2, naming it, the lock kept`, async () => {
      const lock = {
        pid: await holder.pid(),
        host: holder.host(),
        startedAt: "2026-11-28T02:00:00.000Z",
      };
      writeLock(bundle, lock);
      const before = readFileSync(join(bundle, ".okf", "lock"), "utf8");
      const run = await runCli(["extract", "--no-profile"], dir, env());
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toContain(
        `Another okf run is using this bundle: process ${String(lock.pid)} on host ${lock.host}, started ${lock.startedAt}.`,
      );
      expect(run.stderr).toMatch(/fix: Wait for that run to finish/);
      expect(run.stderr).not.toMatch(/took over|unexpected error/);
      expect(readFileSync(join(bundle, ".okf", "lock"), "utf8")).toBe(before);
      rmSync(join(bundle, ".okf", "lock"));
    });
  }
});

describe("extract --commit after an interrupted run", () => {
  let project: GitProject;

  beforeAll(async () => {
    project = await createGitProject("okf_interrupted_commit", schema);
    await project.commitRun();
  });

  afterAll(async () => {
    await project.db.drop();
  });

  it("neither counts okf's temporary files as hand edits nor commits them", async () => {
    const folder = `crm/${project.db.name}/shop`;
    plant(project.bundle, leftovers(folder));
    const repository = await openBundleRepository(project.bundle, project.env);
    expect(await uncommittedBundlePaths(repository)).toEqual([]);
    await project.db.admin("COMMENT ON TABLE shop.t_a IS 'amounts'");
    const notices: string[] = [];
    const { commit } = await extractAndCommit(
      { ...project.options("2026-11-28T02:00:00Z"), onProgress: (line) => notices.push(line) },
      {},
    );
    expect(commit.sha).toBeDefined();
    expect(notices).toContain("removed 4 temporary files left by an interrupted run");
    const tracked = project.git("ls-files").split("\n");
    expect(tracked.filter((path) => path.endsWith(".tmp"))).toEqual([]);
    expect(tracked).toContain(`knowledge/${folder}/t_a.md`);
    expect(project.git("status", "--porcelain", "--untracked-files=all", "--", "knowledge")).toBe(
      "",
    );
  });

  it("leaves them out of git status (the hand-edit check), but not a person's .notes.tmp", async () => {
    const folder = `crm/${project.db.name}/shop`;
    const repository = await openBundleRepository(project.bundle, project.env);
    plant(project.bundle, leftovers(folder));
    expect(await uncommittedBundlePaths(repository)).toEqual([]);
    plant(project.bundle, [".notes.tmp"]);
    expect(await uncommittedBundlePaths(repository)).toEqual(["knowledge/.notes.tmp"]);
  });
});
