import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, tempDir } from "../helpers/run-cli.js";
import { createGitProject, type GitProject } from "../git/git-project.js";

const schema = `
CREATE SCHEMA sales;
CREATE TABLE sales.account (account_id bigint PRIMARY KEY, name text NOT NULL);
INSERT INTO sales.account SELECT g, 'Account ' || g FROM generate_series(1, 100) g;
ANALYZE;
`;

describe("okf diff, extract --check and extract --commit through the CLI", () => {
  let p: GitProject;
  const okf = (...args: string[]) => runCli(args, p.project, p.env);
  beforeAll(async () => {
    p = await createGitProject("okf_drift_cli", schema);
    const first = await okf("extract", "--commit", "--message", "First knowledge");
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Committed [0-9a-f]{12} on branch main: \d+ files\. Not pushed\./);
  });
  afterAll(async () => {
    await p.db.drop();
  });

  it("says in one line that an up-to-date bundle has no drift, and exits 0", async () => {
    const run = await okf("diff");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^No knowledge drift on \d{4}-\d{2}-\d{2}: the bundle `knowledge` is up to date with its sources\.\n$/,
    );
  });

  it("exits 1 on drift without writing anything; --check and --json agree", async () => {
    await p.db.admin("ALTER TABLE sales.account ADD COLUMN region text");
    const before = p.snapshot();
    const diff = await okf("diff");
    expect(diff.code).toBe(1);
    expect(diff.stdout).toContain("would change in the bundle `knowledge` (nothing was written)");
    expect(diff.stdout).toMatch(
      /- \*\*Changed\*\* \[account\]\(knowledge\/crm\/[^)]+\/account\.md\): \+ column region/,
    );
    const summary = join(tempDir(), "out", "drift.md");
    const check = await okf("extract", "--check", "--summary", summary);
    expect(check.code).toBe(1);
    expect(readFileSync(summary, "utf8")).toBe(diff.stdout);
    const json = await okf("diff", "--json");
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.stdout) as {
      outOfDate: boolean;
      exitCode: number;
      sources: Array<{ changes: Array<{ action: string; details: string[] }> }>;
    };
    expect(parsed.outOfDate).toBe(true);
    expect(parsed.exitCode).toBe(1);
    expect(parsed.sources[0]?.changes[0]).toMatchObject({
      action: "changed",
      details: ["+ column region"],
    });
    expect(p.snapshot()).toEqual(before);
    expect(existsSync(join(p.bundle, ".okf", "lock"))).toBe(false);
  });

  it("refuses hand edits with exit 2 and lists them", async () => {
    writeFileSync(join(p.bundle, "scratch.md"), "# scratch\n");
    const run = await okf("extract", "--commit");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("uncommitted changes that okf did not make");
    expect(run.stderr).toContain("knowledge/scratch.md");
    expect(run.stderr).toContain("--allow-dirty");
    p.git("clean", "-q", "-f", "--", "knowledge/scratch.md");
  });

  it("commits on a new branch and writes the pull-request body with linked files", async () => {
    const summary = join(tempDir(), "pr-body.md");
    const base = "https://github.com/acme/knowledge/blob/okf/nightly/";
    const run = await okf(
      "extract",
      "--commit",
      "--branch",
      "okf/nightly",
      "--summary",
      summary,
      "--link-base",
      base,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /Committed [0-9a-f]{12} on branch okf\/nightly: \d+ files\. Not pushed\./,
    );
    const body = readFileSync(summary, "utf8");
    expect(body).toContain(
      `[account](${base}knowledge/crm/${p.db.name}/sales/account.md): + column region`,
    );
    expect(p.git("log", "-1", "--format=%s")).toBe(
      "okf: regenerate knowledge (0 created, 1 changed, 0 deprecated)",
    );
    const again = await okf("extract", "--commit", "--branch", "okf/nightly");
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("Nothing to commit on branch okf/nightly.");
  });

  it("rejects flags that need --commit, and a summary inside the bundle", async () => {
    const branch = await okf("extract", "--branch", "x");
    expect(branch.code).toBe(2);
    expect(branch.stderr).toContain("--branch only makes sense with --commit");
    const both = await okf("extract", "--commit", "--dry-run");
    expect(both.code).toBe(2);
    const inside = await okf("extract", "--summary", "knowledge/summary.md");
    expect(inside.code).toBe(2);
    expect(inside.stderr).toContain("is inside the bundle");
    expect(existsSync(join(p.bundle, "summary.md"))).toBe(false);
  });

  it("commits what was written when a source fails (exit 3), and the summary lists the failure", async () => {
    const config = readFileSync(join(p.project, "okf.config.yaml"), "utf8");
    writeFileSync(
      join(p.project, "okf.config.yaml"),
      `${config}  - name: billing\n    type: postgres\n    connection: postgres://reader@127.0.0.1:1/billing\n    domain: finance\n`,
    );
    await p.db.admin("ALTER TABLE sales.account ADD COLUMN segment text");
    const summary = join(tempDir(), "pr-body.md");
    const run = await okf("extract", "--commit", "--summary", summary);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain("Committed");
    expect(p.git("show", `HEAD:knowledge/crm/${p.db.name}/sales/account.md`)).toContain(
      "| segment | text | yes |",
    );
    const body = readFileSync(summary, "utf8");
    expect(body).toMatch(/\| billing \(failed\) \| 0 \| 0 \| 0 \| 0 \| 1 \|/);
    expect(body).toMatch(/### billing\n\n- \*\*Failed\*\*: [^\n]+\n {2}- fix: /);
    expect(body).not.toContain("reader@");
  });
});
