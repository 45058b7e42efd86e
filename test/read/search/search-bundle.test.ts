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
    // territory says it only in a column comment ("False once a territory is retired.").
    expect(hits[1]?.matched).toEqual(["comments"]);
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

  it("lets approval break a near tie, never overturn a clearly better match", async () => {
    const { dir, bundle } = demoProject();
    const before = await searchBundle(bundle, "owner_email", { now });
    const scoreOf = (list: SearchHit[], path: string): number =>
      list.find((hit) => hit.record.path === path)?.score ?? 0;
    const approve = await runCli(
      ["approve", "sales.crm.customer_account_2019", "--by", "alice", "--force"],
      dir,
    );
    expect(approve.code).toBe(0);
    const after = await searchBundle(bundle, "owner_email", { now });
    // Approved and human-reviewed: a little more, at most a tenth.
    const ratio =
      scoreOf(after, demoPaths.customerAccount2019) /
      scoreOf(before, demoPaths.customerAccount2019);
    expect(ratio).toBeGreaterThan(1);
    expect(ratio).toBeLessThanOrEqual(1.1);
    expect(after.find((hit) => hit.record.path === demoPaths.customerAccount2019)?.relevance).toBe(
      before.find((hit) => hit.record.path === demoPaths.customerAccount2019)?.relevance,
    );
    // The current table describes owner_email in a comment as well: still first.
    expect(paths(after)[0]).toBe(demoPaths.customerAccount);
  });

  it("sinks deprecated and stale files below fresh drafts", async () => {
    const { bundle, edit } = demoProject();
    expect(paths(await searchBundle(bundle, "owner_email", { now }))[0]).toBe(
      demoPaths.customerAccount,
    );
    edit(demoPaths.customerAccount, setApproval("deprecated"));
    const hits = await searchBundle(bundle, "owner_email", { now });
    // Deprecated, it falls below the tables that hold owner_email about as well.
    const order = paths(hits);
    expect(order[0]).not.toBe(demoPaths.customerAccount);
    expect(order.indexOf(demoPaths.customerAccount)).toBeGreaterThan(
      order.indexOf(demoPaths.customerAccount2019),
    );
    expect(
      hits.find((hit) => hit.record.path === demoPaths.customerAccount)?.record.governance
        .deprecated,
    ).toBe(true);
    // Asked for by its name, a deprecated table still comes first.
    expect(paths(await searchBundle(bundle, "customer_account", { now }))[0]).toBe(
      demoPaths.customerAccount,
    );

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
