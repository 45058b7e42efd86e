import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../../src/errors.js";
import { createProposal } from "../../../src/read/proposals/create-proposal.js";
import { runCli } from "../../helpers/run-cli.js";
import {
  accountId,
  accountPath,
  demoProject,
  proposeCaveat,
  sectionOf,
  type ProposalProject,
} from "./proposal-fixture.js";

/**
 * Issue 12: a proposal whose code fence is never closed turned the rest of the file into code,
 * so the next applied proposal for the same section deleted Prohibited Use. Proposals must
 * close their fences, at creation and again at apply, and apply writes all or nothing.
 */

const fence = "```";
const prohibitedUse = "Never export this table to marketing tools.";

const propose = proposeCaveat;

/** The proposal file with its proposed text replaced, as a hand edit or another tool would. */
function editProposal(project: ProposalProject, id: string, from: string, to: string): void {
  const file = join(project.dir, "proposals", `${id}.md`);
  const text = readFileSync(file, "utf8");
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

function projectWithProhibitedUse(): ProposalProject {
  const project = demoProject();
  const text = project.read(accountPath);
  project.write(
    accountPath,
    text.replace(/(## Prohibited Use\n)_Owner to write[^\n]*/, `$1${prohibitedUse}`),
  );
  return project;
}

describe("proposals and code fences (issue 12)", () => {
  it("refuses to create a proposal that opens a code fence and never closes it", async () => {
    const project = projectWithProhibitedUse();
    const attempt = propose(project, `Run it like this:\n\n${fence}sql\nSELECT 1;\n`);
    await expect(attempt).rejects.toBeInstanceOf(UsageError);
    await expect(attempt).rejects.toThrow(
      "The proposed text opens a code fence on its line 3 and never closes it",
    );
    expect(existsSync(join(project.dir, "proposals"))).toBe(false);
  });

  it("accepts a closed fence, also one holding a shorter fence line", async () => {
    const project = projectWithProhibitedUse();
    const id = await propose(
      project,
      `Example:\n\n${fence}${fence[0] ?? ""}\n${fence}\n${fence}${fence[0] ?? ""}`,
    );
    const run = await runCli(["proposals", "apply", id, "--by", "steward"], project.dir);
    expect(run.code, run.stderr).toBe(0);
    expect(sectionOf(project.read(accountPath), "Prohibited Use")).toBe(prohibitedUse);
  });

  it("refuses at apply a proposal file edited to leave its fence open, even with --force", async () => {
    const project = projectWithProhibitedUse();
    const id = await propose(project, `Run it like this:\n\n${fence}sql\nSELECT 1;\n${fence}`);
    editProposal(project, id, `SELECT 1;\n${fence}\n`, "SELECT 1;\n");
    const before = project.read(accountPath);
    for (const extra of [[], ["--force"]]) {
      const run = await runCli(
        ["proposals", "apply", id, "--by", "steward", ...extra],
        project.dir,
      );
      expect(run.code).toBe(1);
      expect(run.stderr).toContain("okf: refused to apply 1 proposal; nothing was written.");
      expect(run.stderr).toContain(
        `${id}: The proposed text opens a code fence on its line 3 and never closes it`,
      );
      expect(project.read(accountPath)).toBe(before);
    }
    expect(readFileSync(join(project.dir, "proposals", `${id}.md`), "utf8")).toContain(
      "\nstatus: open\n",
    );
  });

  it("cannot apply the unclosed fence and then let a second proposal delete Prohibited Use", async () => {
    const project = projectWithProhibitedUse();
    const first = await propose(project, `Run it like this:\n\n${fence}sql\nSELECT 1;\n${fence}`);
    editProposal(project, first, `SELECT 1;\n${fence}\n`, "SELECT 1;\n");
    const second = await propose(project, "Loaded nightly at 02:00 UTC.");
    const before = project.read(accountPath);

    const both = await runCli(
      ["proposals", "apply", first, second, "--by", "steward", "--force"],
      project.dir,
    );
    expect(both.code).toBe(1);
    expect(both.stderr).toContain(`${first}: The proposed text opens a code fence`);
    expect(project.read(accountPath)).toBe(before);

    const alone = await runCli(["proposals", "apply", second, "--by", "steward"], project.dir);
    expect(alone.code, alone.stderr).toBe(0);
    const after = project.read(accountPath);
    expect(sectionOf(after, "Caveats")).toBe("Loaded nightly at 02:00 UTC.");
    expect(sectionOf(after, "Prohibited Use")).toBe(prohibitedUse);
    expect(after.replace("Loaded nightly at 02:00 UTC.", "_Owner to write._")).toBe(before);
  });

  it("refuses a proposal on a file whose own open fence would swallow the headings and markers after it", async () => {
    const project = projectWithProhibitedUse();
    const id = await propose(project, "Loaded nightly at 02:00 UTC.");
    // A person's hand edit leaves a fence open in Business Meaning.
    const broken = project
      .read(accountPath)
      .replace(/(## Business Meaning\n)/, `$1${fence}\nunfinished example\n`);
    project.write(accountPath, broken);
    const run = await runCli(["proposals", "apply", id, "--by", "steward", "--force"], project.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /the code fence opened on line \d+ is never closed, so the okf marker on line \d+ would be read as code/,
    );
    expect(project.read(accountPath)).toBe(broken);
  });

  it("refuses to replace a section whose open fence swallows a person's later section", async () => {
    const project = projectWithProhibitedUse();
    const original = project.read(accountPath);
    project.write(accountPath, `${original}\n## Examples\nNone yet.\n`);
    const closing = {
      cwd: project.dir,
      bundleDir: project.bundle,
      id: accountId,
      section: "Examples",
      text: `${fence}sql\nSELECT 1;\n${fence}`,
      rationale: "Closes the example.",
    };
    const created = await createProposal(closing);
    // Then a person writes an example and forgets to close its fence, and adds a section.
    const tail = `\n## Examples\n${fence}sql\nSELECT 1;\n\n## Contacts\nAsk the CRM team.\n`;
    project.write(accountPath, original + tail);
    const before = project.read(accountPath);
    const run = await runCli(
      ["proposals", "apply", created.id, "--by", "steward", "--force"],
      project.dir,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/the code fence "```sql" on line \d+ of the body is never closed/);
    expect(project.read(accountPath)).toBe(before);
    // No new proposal for that section is written either.
    const again = createProposal(closing);
    await expect(again).rejects.toBeInstanceOf(UsageError);
    await expect(again).rejects.toThrow(
      /^The proposal was not written: it would change .* outside the section "Examples": the code fence "```sql" on line \d+ of the body is never closed, .*; close the fence first\.$/,
    );
    expect(project.proposals().size).toBe(1);
  });

  it.each([
    [
      "an HTML comment",
      "Note:\n\n<!-- hidden until the next marker",
      "opens an HTML comment on its line 3",
    ],
    ["a <pre> block", "<pre>\nSELECT 1;", "opens an HTML block on its line 1"],
    ["a <script> block", "Fine.\n<script>\nx", "opens an HTML block on its line 2"],
  ])(
    "refuses a text that leaves %s open, which would hide Prohibited Use when rendered",
    async (_label, text, message) => {
      const project = projectWithProhibitedUse();
      const attempt = propose(project, text);
      await expect(attempt).rejects.toBeInstanceOf(UsageError);
      await expect(attempt).rejects.toThrow(`The proposed text ${message} and never closes it`);
    },
  );

  it.each([
    ["a closed HTML comment", "<!-- reviewed 2026-11 -->\nLoaded nightly."],
    ["a one-line <pre>", "<pre>SELECT 1;</pre>"],
    ["a closed <pre> block", "<pre>\nSELECT 1;\n</pre>"],
    ["an HTML comment inside fenced code", `${fence}html\n<!-- example\n${fence}`],
  ])("accepts %s", async (_label, text) => {
    const project = projectWithProhibitedUse();
    await expect(propose(project, text)).resolves.toMatch(/customer_account/);
  });
});
