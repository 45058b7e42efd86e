import { afterAll, describe, expect, it } from "vitest";
import { createProposal } from "../../../src/read/proposals/create-proposal.js";
import { createExtractFixture, type ExtractFixture } from "../../helpers/extract-fixture.js";
import { runCli } from "../../helpers/run-cli.js";
import { sectionOf } from "./proposal-fixture.js";

const schema = `
CREATE SCHEMA sales;
CREATE TABLE sales.account (account_id bigint PRIMARY KEY, name text NOT NULL, work_email text);
COMMENT ON TABLE sales.account IS 'Customer accounts.';
INSERT INTO sales.account SELECT g, 'Account ' || g, 'user' || g || '@corp.test' FROM generate_series(1, 50) g;
ANALYZE;
`;

const fixtures: ExtractFixture[] = [];

afterAll(async () => {
  await Promise.all(fixtures.map((fixture) => fixture.db.drop()));
});

describe("an applied proposal and okf extract", () => {
  it("keeps the applied text when the source changes and the file is regenerated", async () => {
    const fixture = await createExtractFixture("okf_proposal_extract", schema);
    fixtures.push(fixture);
    expect((await fixture.extract()).exitCode).toBe(0);
    const path = `crm/${fixture.db.name}/sales/account.md`;
    const approved = await runCli(["approve", path, "--by", "alice", "--force"], fixture.dir);
    expect(approved.code).toBe(0);
    const text = "One row per customer company under contract.\n\n### Notes\nIds are never reused.";
    const proposal = await createProposal({
      cwd: fixture.dir,
      bundleDir: fixture.bundle,
      id: path,
      section: "Business Meaning",
      text,
      rationale: "From the CRM handbook.",
    });
    const applied = await runCli(["proposals", "apply", proposal.id, "--by", "alice"], fixture.dir);
    expect(applied.code).toBe(0);
    expect(sectionOf(fixture.read(path), "Business Meaning")).toBe(text);

    // Unchanged source: the run keeps the approval and only takes the new meaning's first
    // sentence as the description; the next run leaves the file alone.
    const same = await fixture.extract({ now: "2026-11-28T02:00:00Z" });
    expect(same.sources[0]?.changed).toEqual([path]);
    const described = fixture.read(path);
    expect(described).toContain("description: One row per customer company under contract.\n");
    expect(described).toContain("approval_status: approved\n");
    const quiet = await fixture.extract({ now: "2026-11-28T03:00:00Z" });
    expect(quiet.sources[0]?.changed).not.toContain(path);
    expect(fixture.read(path)).toBe(described);

    await fixture.db.admin("ALTER TABLE sales.account ADD COLUMN region text");
    const changed = await fixture.extract({ now: "2026-11-29T02:00:00Z" });
    expect(changed.sources[0]?.changed).toContain(path);
    const after = fixture.read(path);
    expect(after).toContain("| region | text | yes |");
    expect(sectionOf(after, "Business Meaning")).toBe(text);
  });
});
