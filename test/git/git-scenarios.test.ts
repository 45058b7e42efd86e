import { existsSync, writeFileSync } from "node:fs";
import { setTimeout } from "node:timers/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BundleLockedError, UsageError } from "../../src/errors.js";
import { extractAndCommit } from "../../src/git/extract-commit.js";
import { tempDir } from "../helpers/run-cli.js";
import { createGitProject, type GitProject, type ProjectLayout } from "./git-project.js";

const schema = `
CREATE SCHEMA sales;
CREATE TABLE sales.account (account_id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE sales.territory (territory_id int PRIMARY KEY, label text);
INSERT INTO sales.account SELECT g, 'Account ' || g FROM generate_series(1, 100) g;
ANALYZE;
`;

const projects: GitProject[] = [];
async function project(layout: ProjectLayout = {}): Promise<GitProject> {
  const created = await createGitProject("okf_git", schema, layout);
  projects.push(created);
  return created;
}
afterAll(async () => {
  await Promise.all(projects.map((p) => p.db.drop()));
});

const commitCount = (p: GitProject) => Number(p.git("rev-list", "--count", "--all"));
const account = (p: GitProject) => `crm/${p.db.name}/sales/account.md`;

describe("okf extract --commit in git", () => {
  it("refuses a bundle with hand edits before extracting, and commits them with --allow-dirty", async () => {
    const p = await project();
    await p.commitRun();
    const edited = p
      .read(account(p))
      .replace(/_Owner to write: what one row[^\n]*/, "One row per customer.");
    p.write(account(p), edited);
    p.write("notes.md", "# Notes\n");
    await p.db.admin("ALTER TABLE sales.account ADD COLUMN region text");
    const log = p.read("log.md");

    const refused = await p.commitRun({}, "2026-11-28T02:00:00Z").catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UsageError);
    const message = (refused as UsageError).message;
    expect(message).toContain(`knowledge/${account(p)}`);
    expect(message).toContain("knowledge/notes.md");
    expect((refused as UsageError).hint).toContain("--allow-dirty");
    expect(p.read("log.md")).toBe(log);
    expect(p.read(account(p))).toBe(edited);
    expect(commitCount(p)).toBe(1);

    const run = await p.commitRun({ allowDirty: true }, "2026-11-28T02:00:00Z");
    expect(run.commit.files).toEqual(
      expect.arrayContaining([`knowledge/${account(p)}`, "knowledge/notes.md", "knowledge/log.md"]),
    );
    const committed = p.git("show", `HEAD:knowledge/${account(p)}`);
    expect(committed).toContain("One row per customer.");
    expect(committed).toContain("| region | text | yes |");
    expect(p.git("status", "--porcelain", "--", "knowledge")).toBe("");
  });

  it("lets only one of two concurrent runs commit; the other refuses with the lock message", async () => {
    const p = await project();
    await p.commitRun();
    await p.db.admin("ALTER TABLE sales.account ADD COLUMN region text");
    const first = p.commitRun({}, "2026-11-28T02:00:00Z");
    // The second run starts once the first holds the bundle, so the race is not left to timing.
    const lockFile = join(p.bundle, ".okf", "lock");
    const deadline = Date.now() + 20_000;
    while (!existsSync(lockFile) && Date.now() < deadline) await setTimeout(5);
    const runs = await Promise.allSettled([first, p.commitRun({}, "2026-11-28T02:00:00Z")]);
    const refused = runs.filter((r) => r.status === "rejected");
    expect(refused).toHaveLength(1);
    const reason: unknown = (refused[0] as PromiseRejectedResult).reason;
    expect(reason).toBeInstanceOf(BundleLockedError);
    expect((reason as BundleLockedError).exitCode).toBe(2);
    expect((reason as Error).message).toContain("Another okf run is using this bundle");
    expect(commitCount(p)).toBe(2);
    expect(p.git("status", "--porcelain", "--", "knowledge")).toBe("");
  });

  it("checks out an existing branch before extracting, so the run merges into its files", async () => {
    const p = await project();
    await p.commitRun();
    const mainTip = p.git("rev-parse", "HEAD");
    p.git("checkout", "-q", "-b", "okf/nightly");
    const stewardText = p
      .read(account(p))
      .replace(/_Owner to write: what one row[^\n]*/, "One row per paying customer.");
    p.write(account(p), stewardText);
    p.git("commit", "-q", "-am", "Steward: business meaning");
    const stewardTip = p.git("rev-parse", "HEAD");
    p.git("checkout", "-q", "main");
    await p.db.admin("ALTER TABLE sales.account ADD COLUMN region text");

    const run = await p.commitRun({ branch: "okf/nightly" }, "2026-11-28T02:00:00Z");
    expect(run.commit.branch).toBe("okf/nightly");
    expect(p.git("symbolic-ref", "--short", "HEAD")).toBe("okf/nightly");
    expect(p.git("rev-parse", "HEAD~1")).toBe(stewardTip);
    expect(p.git("rev-parse", "main")).toBe(mainTip);
    const after = p.read(account(p));
    expect(after).toContain("One row per paying customer.");
    expect(after).toContain("| region | text | yes |");

    const again = await p.commitRun({ branch: "okf/nightly" }, "2026-11-29T02:00:00Z");
    expect(again.commit.sha).toBeUndefined();
    expect(again.commit.files).toEqual([]);
    expect(p.git("rev-parse", "HEAD~1")).toBe(stewardTip);
  });

  it("commits into a repository with no commits yet, on the named (unborn) branch", async () => {
    const p = await project();
    const run = await p.commitRun({ branch: "okf/nightly", message: "Initial knowledge" });
    expect(run.commit.sha).toBe(p.git("rev-parse", "HEAD"));
    expect(p.git("symbolic-ref", "--short", "HEAD")).toBe("okf/nightly");
    expect(p.git("log", "--format=%s")).toBe("Initial knowledge");
    expect(p.git("branch", "--list", "main")).toBe("");
    expect(run.commit.files).toEqual(
      expect.arrayContaining([
        "knowledge/index.md",
        "knowledge/log.md",
        "knowledge/.okf/state/crm.json",
        `knowledge/${account(p)}`,
      ]),
    );
    expect(run.commit.files.some((file) => file.includes(".okf/lock"))).toBe(false);
  });

  it("commits only the bundle when it is a subfolder, leaving what the user staged staged", async () => {
    const p = await project({ subfolder: "teams/data" });
    writeFileSync(join(p.repo, "README.md"), "# Data platform\n");
    p.git("add", "README.md");
    const run = await p.commitRun();
    expect(run.bundlePath).toBe("teams/data/knowledge");
    expect(run.commit.files.length).toBeGreaterThan(3);
    expect(run.commit.files.every((file) => file.startsWith("teams/data/knowledge/"))).toBe(true);
    expect(p.git("diff", "--cached", "--name-only")).toBe("README.md");
    expect(p.git("show", "--name-only", "--format=", "HEAD")).not.toContain("README.md");
  });

  it("commits as okf <okf@localhost> when git knows no identity", async () => {
    const p = await project({ identity: false });
    const run = await p.commitRun();
    expect(run.commit.committedAsOkf).toBe(true);
    expect(p.git("log", "-1", "--format=%an <%ae> / %cn <%ce>")).toBe(
      "okf <okf@localhost> / okf <okf@localhost>",
    );
  });

  it("says to run git init when the bundle is in no repository", async () => {
    const dir = tempDir("okf-nogit-");
    writeFileSync(
      join(dir, "okf.config.yaml"),
      [
        "bundle: knowledge",
        "sources:",
        "  - name: crm",
        "    type: postgres",
        "    connection: postgres://reader@127.0.0.1:1/crm",
        "",
      ].join("\n"),
    );
    const error = await extractAndCommit(
      { cwd: dir, env: { PATH: process.env.PATH, HOME: dir } },
      {},
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toContain("not inside a git repository");
    expect((error as UsageError).hint).toContain("git init");
  });
});
