import { describe, expect, it } from "vitest";
import { searchBundle, type SearchHit } from "../../../src/read/search/search-bundle.js";
import { runCli } from "../../helpers/run-cli.js";
import { addFrontmatterLine, demoPaths, demoProject, setApproval } from "./demo-bundle-copy.js";

const now = new Date("2026-12-01T00:00:00Z");
const paths = (hits: SearchHit[]): string[] => hits.map((hit) => hit.record.path);

describe("searchBundle over the demo bundle", () => {
  it("finds a table by one of its column names", async () => {
    const { bundle } = demoProject();
    const hits = await searchBundle(bundle, "unit_price", { now });
    expect(hits[0]?.record.path).toBe(demoPaths.orderLine);
    expect(hits[0]?.matched).toContain("fields");
  });

  it("finds a table by a word of its description, above files that only mention it in a section", async () => {
    const { bundle } = demoProject();
    const hits = await searchBundle(bundle, "retired", { now });
    expect(paths(hits).slice(0, 2)).toEqual([demoPaths.customerAccount2019, demoPaths.territory]);
    expect(hits[0]?.matched).toContain("description");
    expect(hits[1]?.matched).toEqual(["sections"]);
  });

  it("finds a concept by a word of its generated summary", async () => {
    const { bundle } = demoProject();
    // "Referenced by 2 tables." is said only in the summary region, before the first ## heading.
    const hits = await searchBundle(bundle, "referenced", { now });
    expect(paths(hits)).toContain(demoPaths.territory);
    expect(hits.find((hit) => hit.record.path === demoPaths.territory)?.matched).toEqual([
      "sections",
    ]);
  });

  it("finds a concept by a tag", async () => {
    const { bundle } = demoProject();
    const hits = await searchBundle(bundle, "storefront", { now });
    expect(paths(hits)).toEqual([demoPaths.commerceApp]);
    expect(hits[0]?.matched).toEqual(["tags"]);
  });

  it("matches words of identifiers, prefixes and small typos of longer words", async () => {
    const { bundle } = demoProject();
    expect(paths(await searchBundle(bundle, "billing_contact_phone", { now }))[0]).toBe(
      demoPaths.customerAccount,
    );
    expect(paths(await searchBundle(bundle, "synchron", { now }))).toEqual([
      demoPaths.customerAccount,
    ]);
    expect(paths(await searchBundle(bundle, "storefrnt", { now }))).toEqual([
      demoPaths.commerceApp,
    ]);
    expect(await searchBundle(bundle, "qzxv", { now })).toEqual([]);
  });

  it("ranks an approved file above a draft that matches the same words better", async () => {
    const { dir, bundle } = demoProject();
    const draftOrder = paths(await searchBundle(bundle, "owner_email", { now }));
    // As generated, the current table outranks its 2019 export.
    expect(draftOrder.indexOf(demoPaths.customerAccount)).toBeLessThan(
      draftOrder.indexOf(demoPaths.customerAccount2019),
    );
    const approve = await runCli(
      ["approve", "sales.crm.customer_account_2019", "--by", "alice", "--force"],
      dir,
    );
    expect(approve.code).toBe(0);
    const hits = await searchBundle(bundle, "owner_email", { now });
    expect(paths(hits).slice(0, 2)).toEqual([
      demoPaths.customerAccount2019,
      demoPaths.customerAccount,
    ]);
    expect(hits[0]?.record.governance).toMatchObject({
      approvalStatus: "approved",
      humanReviewed: true,
    });
  });

  it("sinks deprecated and stale files below fresh drafts", async () => {
    const { bundle, edit } = demoProject();
    edit(demoPaths.customerAccount, setApproval("deprecated"));
    const hits = await searchBundle(bundle, "owner_email", { now });
    expect(paths(hits).at(-1)).toBe(demoPaths.customerAccount);
    expect(hits.at(-1)?.record.governance.deprecated).toBe(true);

    const fresh = demoProject();
    fresh.edit(
      demoPaths.customerAccount,
      addFrontmatterLine('next_review_due: "2026-10-01T00:00:00Z"'),
    );
    const before = await searchBundle(fresh.bundle, "owner_email", {
      now: new Date("2026-09-01T00:00:00Z"),
    });
    const after = await searchBundle(fresh.bundle, "owner_email", { now });
    const scoreOf = (list: SearchHit[]): number =>
      list.find((hit) => hit.record.path === demoPaths.customerAccount)?.score ?? 0;
    expect(
      before.find((hit) => hit.record.path === demoPaths.customerAccount)?.record.governance.stale,
    ).toBe(false);
    expect(
      after.find((hit) => hit.record.path === demoPaths.customerAccount)?.record.governance.stale,
    ).toBe(true);
    expect(scoreOf(after)).toBeLessThan(scoreOf(before));
  });

  it("carries the pii facts and sensitive fields of each hit", async () => {
    const { bundle } = demoProject();
    const [hit] = await searchBundle(bundle, "customer_account", { now, limit: 1 });
    expect(hit?.record.path).toBe(demoPaths.customerAccount);
    expect(hit?.record.governance).toMatchObject({ pii: true, classification: "confidential" });
    expect(hit?.record.sensitiveFields).toEqual([
      { field: "billing_contact_phone", category: "pii.phone", added: false },
      { field: "owner_email", category: "pii.email", added: false },
    ]);
  });

  it("honours the limit and refuses an empty query", async () => {
    const { bundle } = demoProject();
    expect(await searchBundle(bundle, "crm", { now, limit: 3 })).toHaveLength(3);
    await expect(searchBundle(bundle, "  ", { now })).rejects.toThrow("The search query is empty.");
  });
});
