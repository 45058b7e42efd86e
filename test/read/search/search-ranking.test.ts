import { describe, expect, it } from "vitest";
import { hitFacts } from "../../../src/read/search/format-hits.js";
import { searchBundle, type SearchHit } from "../../../src/read/search/search-bundle.js";
import { tokenize } from "../../../src/read/search/search-terms.js";
import { runCli } from "../../helpers/run-cli.js";
import { demoPaths, demoProject } from "./demo-bundle-copy.js";

const now = new Date("2026-12-01T00:00:00Z");
const paths = (hits: SearchHit[]): string[] => hits.map((hit) => hit.record.path);

/** A steward's text in place of a section's `_Owner to write…_` placeholder. */
const writeSection =
  (heading: string, text: string) =>
  (file: string): string =>
    file.replace(new RegExp(`(## ${heading}\\n)_Owner to write[^\\n]*`), `$1${text}`);

describe("search ranks by relevance first", () => {
  it("keeps the table asked about when the query mixes its name with a word it lacks", async () => {
    const { bundle } = demoProject();
    // customer_account has "pii" and links to revenue_recognized; the revenue table has no pii.
    for (const query of ["revenue_recognized pii", "recognized_revenue pii"]) {
      const hits = await searchBundle(bundle, query, { now });
      expect(paths(hits)[0], query).toBe(demoPaths.revenueRecognized);
      expect(paths(hits), query).toContain(demoPaths.customerAccount);
    }
  });

  it("matches identifiers by their words in any order", async () => {
    const { bundle } = demoProject();
    for (const query of ["recognized_revenue", "recognized revenue", "revenue recognized"]) {
      expect(paths(await searchBundle(bundle, query, { now }))[0], query).toBe(
        demoPaths.revenueRecognized,
      );
    }
    expect(tokenize("accountId address.city")).toEqual([
      "accountId",
      "account",
      "Id",
      "address.city",
      "address",
      "city",
    ]);
  });

  it("puts the draft that is the right answer above an approved, human-reviewed wrong one", async () => {
    const { dir, bundle } = demoProject();
    const approve = await runCli(
      ["approve", "sales.crm.invoice", "sales.crm.monthly_revenue", "--by", "alice", "--force"],
      dir,
    );
    expect(approve.code, approve.stderr).toBe(0);
    const hits = await searchBundle(bundle, "recognized revenue per invoice", { now });
    expect(paths(hits).slice(0, 2)).toEqual([demoPaths.revenueRecognized, demoPaths.invoice]);
    expect(hits[0]?.record.governance.approvalStatus).toBe("draft");
    expect(hits[1]?.record.governance).toMatchObject({
      approvalStatus: "approved",
      humanReviewed: true,
    });
  });

  it("finds the table whose Business Meaning answers a question asked in business words", async () => {
    const { bundle, edit } = demoProject();
    edit(
      demoPaths.opportunity,
      writeSection(
        "Business Meaning",
        "One row per deal a seller is pursuing with a customer. The quarterly pipeline forecast is the sum of open deals weighted by their win probability.",
      ),
    );
    const hits = await searchBundle(bundle, "which deals are in the customer pipeline", { now });
    expect(paths(hits)[0]).toBe(demoPaths.opportunity);
    expect(hits[0]?.matched).toContain("human");
    // customer_account has "customer" in its title, but none of the other words.
    expect(paths(hits)).toContain(demoPaths.customerAccount);
  });

  it("uses column comments as synonyms of the column names", async () => {
    const { bundle } = demoProject();
    // employee_count: "Headcount reported by the customer."
    const hits = await searchBundle(bundle, "headcount", { now });
    expect(paths(hits)).toEqual([demoPaths.customerAccount]);
    expect(hits[0]?.matched).toEqual(["comments"]);
  });

  it("ranks hits with more of the query's words higher", async () => {
    const { bundle } = demoProject();
    const hits = await searchBundle(bundle, "territory region account", { now });
    expect(paths(hits)[0]).toBe(demoPaths.territory);
    const both = await searchBundle(bundle, "account territory", { now });
    const onlyAccount = both.find((hit) => hit.record.path === demoPaths.opportunity);
    const account = both.find((hit) => hit.record.path === demoPaths.customerAccount);
    expect(account?.score).toBeGreaterThan(onlyAccount?.score ?? Infinity);
  });
});

describe("search hits carry what agents may do", () => {
  it("gives agent_usage and the first sentence of a written Agent Usage Guidance", async () => {
    const { bundle, edit } = demoProject();
    const placeholder = await searchBundle(bundle, "customer_account", { now, limit: 1 });
    expect(hitFacts(placeholder[0] as SearchHit)).toMatchObject({
      agentUsage: null,
      guidance: null,
    });
    edit(demoPaths.customerAccount, (file) =>
      writeSection(
        "Agent Usage Guidance",
        "Aggregate by segment only, e.g. counts per territory. Never export owner_email.\n\nJoin on account_id.",
      )(file).replace(
        /^approval_status: /m,
        "agent_usage: allowed_with_masking\napproval_status: ",
      ),
    );
    const [hit] = await searchBundle(bundle, "customer_account", { now, limit: 1 });
    expect(hitFacts(hit as SearchHit)).toMatchObject({
      id: "sales.crm.customer_account",
      agentUsage: "allowed_with_masking",
      guidance: "Aggregate by segment only, e.g. counts per territory.",
      governance: { agent_usage: "allowed_with_masking" },
    });
  });
});
