import { describe, expect, it } from "vitest";
import { UsageError } from "../../../src/errors.js";
import { createProposal, type ProposalInput } from "../../../src/read/proposals/create-proposal.js";
import { sectionHash } from "../../../src/read/proposals/human-sections.js";
import { runCli } from "../../helpers/run-cli.js";
import { accountId, accountPath, demoProject, sectionOf } from "./proposal-fixture.js";

const now = new Date("2026-11-28T09:30:00Z");
const meaning = "One row per customer company that has or had a contract with us.";

function input(project: { dir: string; bundle: string }, extra: Partial<ProposalInput> = {}) {
  return {
    cwd: project.dir,
    bundleDir: project.bundle,
    id: accountId,
    section: "Business Meaning",
    text: meaning,
    rationale: "Learned from the contracts team.\nThey own the CRM sync.",
    now,
    ...extra,
  };
}

async function refusal(promise: Promise<unknown>): Promise<UsageError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UsageError);
  return error as UsageError;
}

describe("createProposal", () => {
  it("writes proposals/<date>-<id>.md beside the bundle with the frontmatter and the text verbatim", async () => {
    const project = demoProject();
    const created = await createProposal(input(project));
    expect(created).toEqual({
      file: "proposals/2026-11-28-sales-crm-customer_account.md",
      id: "2026-11-28-sales-crm-customer_account",
      section: "Business Meaning",
    });
    const text = project.proposals().get("2026-11-28-sales-crm-customer_account.md") ?? "";
    const before = sectionOf(project.read(accountPath), "Business Meaning");
    expect(text).toBe(
      [
        "---",
        "proposal_id: 2026-11-28-sales-crm-customer_account",
        "concept: sales.crm.customer_account",
        `concept_path: ${accountPath}`,
        "section: Business Meaning",
        "author: agent:mcp",
        'created_at: "2026-11-28T09:30:00Z"',
        "status: open",
        `base_hash: ${sectionHash(before)}`,
        "---",
        "# Proposed update to Business Meaning of sales.crm.customer_account",
        "",
        "## Rationale",
        "",
        "Learned from the contracts team.\nThey own the CRM sync.",
        "",
        "## Proposed text",
        "",
        meaning,
        "",
      ].join("\n"),
    );
  });

  it("leaves an approved concept file byte for byte as it was, and numbers a second proposal", async () => {
    const project = demoProject();
    const approve = await runCli(["approve", accountId, "--by", "alice", "--force"], project.dir);
    expect(approve.code).toBe(0);
    const approved = project.read(accountPath);
    expect(approved).toContain("approval_status: approved\n");
    await createProposal(input(project));
    const second = await createProposal(
      input(project, { section: "## caveats", text: "Synced nightly.", author: "human:bob" }),
    );
    expect(second.id).toBe("2026-11-28-sales-crm-customer_account-2");
    expect(second.section).toBe("Caveats");
    expect(project.read(accountPath)).toBe(approved);
    expect([...project.proposals().keys()].sort()).toEqual([
      "2026-11-28-sales-crm-customer_account-2.md",
      "2026-11-28-sales-crm-customer_account.md",
    ]);
    expect(project.proposals().get(`${second.id}.md`)).toContain("author: human:bob\n");
  });

  it("accepts a concept path instead of an id", async () => {
    const project = demoProject();
    const created = await createProposal(input(project, { id: accountPath.replace(/\.md$/, "") }));
    expect(created.id).toBe("2026-11-28-sales-crm-customer_account");
  });

  it("refuses unknown ids and paths that leave the bundle, writing nothing", async () => {
    const project = demoProject();
    const unknown = await refusal(createProposal(input(project, { id: "sales.crm.nothing" })));
    expect(unknown.message).toContain(
      '"sales.crm.nothing" is neither a concept id nor a concept path',
    );
    for (const id of ["../../etc/passwd", "/etc/passwd", "../okf.config.yaml"]) {
      const escape = await refusal(createProposal(input(project, { id })));
      expect(escape.message).toMatch(/lies outside the bundle|neither a concept id/);
    }
    const index = await refusal(createProposal(input(project, { id: "index.md" })));
    expect(index.message).toContain("not a concept");
    expect(project.proposals().size).toBe(0);
  });

  it("refuses a section the file does not have, and a generated section", async () => {
    const project = demoProject();
    const missing = await refusal(createProposal(input(project, { section: "Lineage" })));
    expect(missing.message).toBe(
      `${accountPath} has no section "Lineage" (sections open to proposals: Business Meaning, Agent Usage Guidance, Caveats, Prohibited Use).`,
    );
    const generated = await refusal(createProposal(input(project, { section: "Schema" })));
    expect(generated.message).toContain('"Schema" is a generated section');
    const sensitive = await refusal(
      createProposal(input(project, { section: "Sensitive Fields" })),
    );
    expect(sensitive.message).toContain("generated section");
    expect(project.proposals().size).toBe(0);
  });

  it("refuses empty, oversized or structure-breaking text and rationale", async () => {
    const project = demoProject();
    const cases: Array<[Partial<ProposalInput>, RegExp]> = [
      [{ text: "  \n" }, /proposed text is empty/],
      [{ text: "x".repeat(20_001) }, /20001 characters; at most 20000/],
      [{ rationale: "y".repeat(2_001) }, /rationale has 2001 characters; at most 2000/],
      [{ rationale: "" }, /rationale is empty/],
      [{ text: "ok\u0007bell" }, /control character/],
      [{ text: "Intro\n## Another section\nmore" }, /heading or an okf marker/],
      [{ text: "<!-- okf:end summary -->" }, /heading or an okf marker/],
      [{ author: "agent mcp" }, /not an actor id/],
    ];
    for (const [extra, message] of cases) {
      const error = await refusal(createProposal(input(project, extra)));
      expect(error.message).toMatch(message);
    }
    await expect(
      createProposal(input(project, { text: "x".repeat(20_000) })),
    ).resolves.toBeDefined();
  });

  it("refuses text that fails the privacy lint, without repeating the value", async () => {
    const project = demoProject();
    const email = await refusal(
      createProposal(input(project, { text: "Ask jane.doe@acme-corp.com before use." })),
    );
    expect(email.message).toMatch(/privacy lint: .*an email address/);
    expect(email.message).not.toContain("jane.doe@acme-corp.com");
    const card = await refusal(
      createProposal(input(project, { text: "Test card 4111 1111 1111 1111 works." })),
    );
    expect(card.message).toContain("payment card number");
    const secret = await refusal(
      createProposal(
        input(project, { rationale: "Key AKIAIOSFODNN7EXAMPLE found in the job config." }),
      ),
    );
    expect(secret.message).toMatch(/rationale fails the privacy lint/);
    expect(project.proposals().size).toBe(0);
    await expect(
      createProposal(input(project, { text: "Addresses are masked as `j***@…` in exports." })),
    ).resolves.toBeDefined();
  });
});
