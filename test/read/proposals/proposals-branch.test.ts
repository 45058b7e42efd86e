import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createProposal } from "../../../src/read/proposals/create-proposal.js";
import { tempDir } from "../../helpers/run-cli.js";
import { accountId, accountPath, demoProject } from "./proposal-fixture.js";

/** The demo bundle committed on `main` in a fresh repository; git sees no global config. */
function repository(identity: boolean) {
  const project = demoProject();
  const env = { PATH: process.env.PATH, HOME: tempDir("okf-home-"), GIT_CONFIG_NOSYSTEM: "1" };
  const git = (...args: string[]) =>
    execFileSync("git", args, { cwd: project.dir, env, encoding: "utf8" }).trim();
  git("init", "-q", "-b", "main");
  git("config", "user.name", "Test Steward");
  git("config", "user.email", "steward@example.org");
  git("add", "-A");
  git("commit", "-q", "-m", "bundle");
  if (!identity) {
    git("config", "--unset", "user.name");
    git("config", "--unset", "user.email");
  }
  const propose = (branch: string, section = "Caveats") =>
    createProposal({
      cwd: project.dir,
      bundleDir: project.bundle,
      id: accountId,
      section,
      text: "Synced nightly.",
      rationale: "Seen in the job schedule.",
      now: new Date("2026-11-28T09:30:00Z"),
      branch,
      env,
    });
  return { project, git, propose };
}

describe("createProposal with a proposals branch", () => {
  it("commits the proposal file alone on a new branch; HEAD, index and working tree stay", async () => {
    const { project, git, propose } = repository(true);
    const head = git("rev-parse", "HEAD");
    // An unrelated change staged by the user must stay staged and out of the proposal commit.
    project.write("log.md", `${project.read("log.md")}\nlocal note\n`);
    git("add", "knowledge/log.md");
    const status = git("status", "--porcelain");
    const created = await propose("okf/proposals");
    expect(created).toMatchObject({
      file: "proposals/2026-11-28-sales-crm-customer_account.md",
      id: "2026-11-28-sales-crm-customer_account",
      branch: "okf/proposals",
    });
    expect(git("rev-parse", "okf/proposals")).toBe(created.commit);
    expect(git("symbolic-ref", "--short", "HEAD")).toBe("main");
    expect(git("rev-parse", "HEAD")).toBe(head);
    expect(git("status", "--porcelain")).toBe(status);
    expect(existsSync(join(project.dir, "proposals"))).toBe(false);
    expect(git("rev-parse", `${created.commit ?? ""}^`)).toBe(head);
    expect(git("diff-tree", "--no-commit-id", "--name-status", "-r", created.commit ?? "")).toBe(
      `A\t${created.file}`,
    );
    const committed = git("show", `okf/proposals:${created.file}`);
    expect(committed).toContain(`concept_path: ${accountPath}\n`);
    expect(committed).toContain("## Proposed text\n\nSynced nightly.");
    expect(git("log", "-1", "--format=%an <%ae>|%s", "okf/proposals")).toBe(
      `Test Steward <steward@example.org>|okf: propose an update to Caveats of ${accountId}`,
    );
    const second = await propose("okf/proposals", "Business Meaning");
    expect(second.id).toBe("2026-11-28-sales-crm-customer_account-2");
    expect(git("rev-parse", `${second.commit ?? ""}^`)).toBe(created.commit);
    expect(git("ls-tree", "--name-only", "okf/proposals", "proposals/").split("\n")).toEqual([
      "proposals/2026-11-28-sales-crm-customer_account-2.md",
      "proposals/2026-11-28-sales-crm-customer_account.md",
    ]);
    expect(git("rev-parse", "HEAD")).toBe(head);
  });

  it("commits as okf when git knows no identity", async () => {
    const { git, propose } = repository(false);
    const created = await propose("proposals");
    expect(git("log", "-1", "--format=%an <%ae>", created.commit ?? "")).toBe(
      "okf <okf@localhost>",
    );
  });

  it("refuses the checked-out branch, an invalid name, and a bundle outside any repository", async () => {
    const { git, propose } = repository(true);
    await expect(propose("main")).rejects.toThrow(/is the branch checked out/);
    await expect(propose("-bad")).rejects.toThrow(/not a valid git branch name/);
    await expect(propose("a..b")).rejects.toThrow(/not a valid git branch name/);
    expect(git("branch", "--list").split("\n")).toEqual(["* main"]);
    const plain = demoProject();
    await expect(
      createProposal({
        cwd: plain.dir,
        bundleDir: plain.bundle,
        id: accountId,
        section: "Caveats",
        text: "x",
        rationale: "y",
        branch: "okf/proposals",
      }),
    ).rejects.toThrow(/needs a git repository/);
  });
});
