import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { acquireBundleLock } from "../../../src/bundle/bundle-lock.js";
import { BundleLockedError } from "../../../src/errors.js";
import { applyProposals } from "../../../src/read/proposals/apply-proposals.js";
import { accountPath, demoProject, proposeCaveat, sectionOf } from "./proposal-fixture.js";

const now = new Date("2026-11-28T10:00:00Z");

async function projectWithProposal(text: string) {
  const project = demoProject();
  const created = { id: await proposeCaveat(project, text) };
  const options = { cwd: project.dir, ids: [created.id], by: "steward", now };
  return { project, created, options };
}

describe("applyProposals", () => {
  it("closes a proposal whose text the section already has, and logs it", async () => {
    const { project, created, options } = await projectWithProposal("Synced nightly.");
    project.write(
      accountPath,
      project.read(accountPath).replace("_Owner to write._", "Synced nightly."),
    );
    const before = project.read(accountPath);
    const result = await applyProposals(options);
    expect(result.refused).toEqual([]);
    expect(result.applied).toEqual([
      { id: created.id, conceptPath: accountPath, section: "Caveats", outcome: "unchanged" },
    ]);
    expect(project.read(accountPath)).toBe(before);
    expect(project.proposals().get(`${created.id}.md`)).toContain("\nstatus: applied\n");
  });

  it("refuses, even with --force, a proposal file edited to break the section's structure", async () => {
    const { project, created, options } = await projectWithProposal("Synced nightly.");
    const file = join(project.dir, "proposals", `${created.id}.md`);
    writeFileSync(file, readFileSync(file, "utf8").replace("Synced nightly.", "## Hijack\ntext"));
    const before = project.read(accountPath);
    const result = await applyProposals({ ...options, force: true });
    expect(result.applied).toEqual([]);
    expect(result.refused).toMatchObject([{ id: created.id, forceable: false }]);
    expect(result.refused[0]?.reason).toContain("heading or an okf marker");
    expect(project.read(accountPath)).toBe(before);
  });

  it("refuses a proposal whose concept is gone", async () => {
    const { project, options } = await projectWithProposal("Synced nightly.");
    const text = project.read(accountPath).replace("id: sales.crm.customer_account", "id: other");
    project.write(accountPath, text);
    const proposal = join(project.dir, "proposals", `${options.ids[0] ?? ""}.md`);
    writeFileSync(proposal, readFileSync(proposal, "utf8").replace(accountPath, "gone/x.md"));
    const result = await applyProposals(options);
    expect(result.refused).toMatchObject([
      { reason: "its concept is no longer in the bundle", forceable: false },
    ]);
  });

  it("refuses while another run holds the bundle lock, writing nothing", async () => {
    const { project, options } = await projectWithProposal("Synced nightly.");
    const release = await acquireBundleLock(project.bundle);
    try {
      await expect(applyProposals(options)).rejects.toBeInstanceOf(BundleLockedError);
    } finally {
      await release();
    }
    expect(sectionOf(project.read(accountPath), "Caveats")).toBe("_Owner to write._");
  });
});
