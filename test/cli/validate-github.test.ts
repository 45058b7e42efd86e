import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  escapeData,
  escapeProperty,
  formatGithubAnnotations,
} from "../../src/read/validate/format-github.js";
import { runCli, tempDir } from "../helpers/run-cli.js";

async function projectWithFindings(): Promise<string> {
  const dir = tempDir("okf-github-");
  const bundle = join(dir, "knowledge");
  await mkdir(join(bundle, "crm"), { recursive: true });
  await writeFile(join(bundle, "index.md"), '---\nokf_version: "0.2"\n---\n# Bundle\n');
  // No `type`: an OKF conformance error. The name has the two characters properties must escape.
  await writeFile(join(bundle, "crm", "a,b:c.md"), "---\ntitle: x\n---\n# x\n");
  await writeFile(
    join(bundle, "crm", "account.md"),
    '---\ntype: PostgreSQL Table\napproval_status: approved\nnext_review_due: "2026-01-01T00:00:00Z"\n---\n# account\n',
  );
  return dir;
}

describe("okf validate --format github", () => {
  it("prints one workflow command per finding, paths relative to cwd, then a summary; exit codes unchanged", async () => {
    const dir = await projectWithFindings();
    const run = await runCli(["validate", "knowledge", "--format", "github"], dir);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(
      /^::error file=knowledge\/crm\/a%2Cb%3Ac\.md,line=\d+,title=okf okf\/frontmatter-type::[^\n]+ \(fix: [^\n]+\)$/,
    );
    expect(lines).toContain(
      "::warning file=knowledge/crm/account.md,line=3,title=okf governance/approved-owner::the file is approved but has no `owner` or `steward` (fix: Set `owner:` and `steward:` to the accountable team or person, or set `approval_status: needs_review`.)",
    );
    expect(
      lines.some((line) =>
        line.startsWith(
          "::warning file=knowledge/crm/account.md,line=4,title=okf governance/review-overdue::",
        ),
      ),
    ).toBe(true);
    expect(lines.at(-1)).toMatch(/^okf validate: 3 files checked: 1 error, 2 warnings\.$/);
    const json = await runCli(["validate", "knowledge", "--json"], dir);
    const report = JSON.parse(json.stdout) as { findings: unknown[]; errorCount: number };
    expect(lines).toHaveLength(report.findings.length + 1);
    expect(await runCli(["validate", "knowledge", "--format", "json"], dir)).toEqual(json);
  });

  it("exits 0 on warnings only, and refuses an unknown or conflicting format", async () => {
    const dir = await projectWithFindings();
    await writeFile(join(dir, "knowledge", "crm", "a,b:c.md"), "---\ntype: Note\n---\n# x\n");
    const warnings = await runCli(["validate", "knowledge", "--format", "github"], dir);
    expect(warnings.code).toBe(0);
    expect(warnings.stdout).toMatch(/^::warning /);
    expect(warnings.stdout).not.toContain("::error");
    const strict = await runCli(["validate", "knowledge", "--format", "github", "--strict"], dir);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/^::error file=knowledge\/crm\/account\.md,line=3,/);
    const bad = await runCli(["validate", "knowledge", "--format", "xml"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Allowed choices are text, json, github");
    const both = await runCli(["validate", "knowledge", "--json", "--format", "github"], dir);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("--json and --format github ask for two different outputs.");
  });
});

describe("workflow command escaping", () => {
  it("escapes %, CR and LF in messages, and also : and , in properties", () => {
    expect(escapeData("100% sure\r\nnext: a,b")).toBe("100%25 sure%0D%0Anext: a,b");
    expect(escapeProperty("dir/a,b:c%.md")).toBe("dir/a%2Cb%3Ac%25.md");
    const text = formatGithubAnnotations({
      bundle: ".",
      files: 1,
      errorCount: 0,
      warningCount: 1,
      findings: [
        {
          file: "x.md",
          rule: "governance/pending-decision",
          severity: "warning",
          message: "50% of\nrows",
          hint: "decide",
        },
      ],
    });
    expect(text).toBe(
      "::warning file=x.md,title=okf governance/pending-decision::50%25 of%0Arows (fix: decide)\nokf validate: 1 file checked: 0 errors, 1 warning.\n",
    );
  });
});
