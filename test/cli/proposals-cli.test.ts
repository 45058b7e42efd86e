import { describe, expect, it } from "vitest";
import { createProposal } from "../../src/read/proposals/create-proposal.js";
import { runCli } from "../helpers/run-cli.js";
import {
  accountId,
  accountPath,
  demoProject,
  sectionOf,
  type ProposalProject,
} from "../read/proposals/proposal-fixture.js";

const contactPath = "crm/postgres/sales/opportunity.md";
const guidance = "Use for account-level reporting only.\n\n### Joins\nJoin on `account_id`.";

async function propose(
  project: ProposalProject,
  extra: { id?: string; section?: string; text?: string } = {},
) {
  return createProposal({
    cwd: project.dir,
    bundleDir: project.bundle,
    id: extra.id ?? accountId,
    section: extra.section ?? "Agent Usage Guidance",
    text: extra.text ?? guidance,
    rationale: "Agents kept joining on the name.\nSecond line.",
    now: new Date("2026-11-28T09:30:00Z"),
  });
}

/** An approved copy of the demo bundle. */
async function approvedProject(): Promise<ProposalProject> {
  const project = demoProject();
  const run = await runCli(["approve", accountId, "--by", "alice", "--force"], project.dir);
  expect(run.code).toBe(0);
  return project;
}

describe("okf proposals list", () => {
  it("lists open proposals with id, concept, section, author, date and the rationale's first line", async () => {
    const project = demoProject();
    expect((await runCli(["proposals", "list"], project.dir)).stdout).toBe("No open proposals.\n");
    const first = await propose(project);
    const second = await propose(project, { id: contactPath, section: "Caveats", text: "Stale." });
    const run = await runCli(["proposals", "list"], project.dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        first.id,
        `  Agent Usage Guidance of ${accountId} (${accountPath}), by agent:mcp, 2026-11-28`,
        "  Agents kept joining on the name.",
        second.id,
        `  Caveats of sales.crm.opportunity (${contactPath}), by agent:mcp, 2026-11-28`,
        "  Agents kept joining on the name.",
        "",
      ].join("\n"),
    );
    await runCli(["proposals", "reject", second.id, "--by", "carol"], project.dir);
    const open = JSON.parse(
      (await runCli(["proposals", "list", "--json"], project.dir)).stdout,
    ) as Array<{ id: string }>;
    expect(open.map((proposal) => proposal.id)).toEqual([first.id]);
    const all = JSON.parse(
      (await runCli(["proposals", "list", "--json", "--all"], project.dir)).stdout,
    ) as Array<{ id: string; status: string; file: string }>;
    expect(all.map((p) => [p.id, p.status])).toEqual([
      [first.id, "open"],
      [second.id, "rejected"],
    ]);
    expect(all[0]?.file).toBe(`proposals/${first.id}.md`);
  });
});

describe("okf proposals apply", () => {
  it("replaces the section, keeps every other byte and the approval, logs it, closes the proposal", async () => {
    const project = await approvedProject();
    const before = project.read(accountPath);
    const { id } = await propose(project);
    expect(project.read(accountPath)).toBe(before);
    const run = await runCli(["proposals", "apply", id, "--by", "steward"], project.dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      `applied ${id} to Agent Usage Guidance of ${accountPath}\n1 proposal applied by human:steward. Recorded in log.md.\n`,
    );
    const after = project.read(accountPath);
    const old = sectionOf(before, "Agent Usage Guidance");
    expect(sectionOf(after, "Agent Usage Guidance")).toBe(guidance);
    // Byte for byte: the file is the old one with exactly that one text swapped.
    const at =
      before.indexOf(`## Agent Usage Guidance\n${old}\n`) + "## Agent Usage Guidance\n".length;
    expect(after.slice(0, at)).toBe(before.slice(0, at));
    expect(after.slice(at + guidance.length)).toBe(before.slice(at + old.length));
    expect(after).toContain("approval_status: approved\n");
    expect(project.read("log.md")).toContain(
      `- Applied proposal ${id} to Agent Usage Guidance of [customer_account](${accountPath}): by human:steward`,
    );
    const proposal = project.proposals().get(`${id}.md`) ?? "";
    expect(proposal).toMatch(/\nstatus: applied\n/);
    expect(proposal).toMatch(/\napplied_at: "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"\n/);
    expect(proposal).toContain("\napplied_by: human:steward\n");
    expect(proposal).toContain(`## Proposed text\n\n${guidance}\n`);
    const again = await runCli(["proposals", "apply", id, "--by", "steward"], project.dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`${id} is applied`);
    const valid = await runCli(["validate", "knowledge"], project.dir);
    expect(valid.stdout + valid.stderr).not.toContain("privacy");
  });

  it("refuses a proposal whose section changed since (exit 1, nothing written); --force applies it", async () => {
    const project = demoProject();
    const { id } = await propose(project);
    const edited = project
      .read(accountPath)
      .replace(
        "_Owner to write: what agents may and must not use this table for._",
        "Agents may read it; a person wrote this after the proposal.",
      );
    project.write(accountPath, edited);
    const log = project.read("log.md");
    const refused = await runCli(["proposals", "apply", id, "--by", "steward"], project.dir);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toContain("okf: refused to apply 1 proposal; nothing was written.");
    expect(refused.stderr).toContain(
      `${id}: the section "Agent Usage Guidance" changed since the proposal was made (conflict:`,
    );
    expect(project.read(accountPath)).toBe(edited);
    expect(project.read("log.md")).toBe(log);
    expect(project.proposals().get(`${id}.md`)).toContain("\nstatus: open\n");
    const forced = await runCli(
      ["proposals", "apply", id, "--by", "steward", "--force", "--json"],
      project.dir,
    );
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.stdout)).toMatchObject({
      applied: [{ id, outcome: "forced" }],
      refused: [],
    });
    expect(sectionOf(project.read(accountPath), "Agent Usage Guidance")).toBe(guidance);
    expect(project.read("log.md")).toContain(
      "applied with --force over a later edit of the section",
    );
  });

  it("applies two proposals for different sections of one file in one run", async () => {
    const project = demoProject();
    const first = await propose(project);
    const second = await propose(project, {
      section: "Caveats",
      text: "Synced nightly at 02:00 UTC.",
    });
    const run = await runCli(
      ["proposals", "apply", first.id, second.id, "--by", "steward"],
      project.dir,
    );
    expect(run.code).toBe(0);
    const text = project.read(accountPath);
    expect(sectionOf(text, "Agent Usage Guidance")).toBe(guidance);
    expect(sectionOf(text, "Caveats")).toBe("Synced nightly at 02:00 UTC.");
  });

  it("rejects unknown proposal ids as a usage error (exit 2) and does nothing", async () => {
    const project = demoProject();
    const { id } = await propose(project);
    const before = project.read(accountPath);
    const run = await runCli(
      ["proposals", "apply", id, "2026-01-01-nothing", "--by", "steward"],
      project.dir,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('No proposal has the id "2026-01-01-nothing"; nothing was done.');
    expect(project.read(accountPath)).toBe(before);
    const noBy = await runCli(["proposals", "apply", id], project.dir);
    expect(noBy.code).toBe(2);
    expect(noBy.stderr).toContain("--by");
    const traversal = await runCli(
      ["proposals", "reject", "../knowledge/log", "--by", "x"],
      project.dir,
    );
    expect(traversal.code).toBe(2);
  });
});

describe("okf proposals reject", () => {
  it("sets status rejected with who, when and why, and keeps the file", async () => {
    const project = demoProject();
    const { id } = await propose(project);
    const before = project.read(accountPath);
    const run = await runCli(
      [
        "proposals",
        "reject",
        id,
        "--by",
        "human:carol",
        "--reason",
        "Joins are documented elsewhere.",
      ],
      project.dir,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      `rejected ${id} (Agent Usage Guidance of ${accountPath}) by human:carol\n`,
    );
    const proposal = project.proposals().get(`${id}.md`) ?? "";
    expect(proposal).toContain("\nstatus: rejected\n");
    expect(proposal).toContain("\nrejected_by: human:carol\n");
    expect(proposal).toContain("\nrejection_reason: Joins are documented elsewhere.\n");
    expect(proposal).toContain(`## Proposed text\n\n${guidance}\n`);
    expect(project.read(accountPath)).toBe(before);
    const apply = await runCli(["proposals", "apply", id, "--by", "steward"], project.dir);
    expect(apply.code).toBe(2);
    expect(apply.stderr).toContain(`${id} is rejected`);
  });
});
