import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { decideFinding } from "../helpers/schema-cells.js";
import {
  addFrontmatterLine,
  demoPaths,
  demoProject,
  setApproval,
} from "../read/search/demo-bundle-copy.js";

describe("okf search through the CLI", () => {
  it("prints each hit's id, governance facts, path, description and sensitive fields", async () => {
    const { dir } = demoProject();
    const run = await runCli(["search", "billing_contact_phone", "--limit", "1"], dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        "sales.crm.customer_account  (draft, confidential, pii)",
        `  ${demoPaths.customerAccount}`,
        "  Customer accounts synchronised from the CRM; source of truth for segment, owner and territory.",
        "  sensitive fields: billing_contact_phone (pii.phone), owner_email (pii.email)",
        "",
      ].join("\n"),
    );
  });

  it("labels deprecated, stale and needs-review hits and leaves rejected findings out", async () => {
    const { dir, edit } = demoProject();
    edit(demoPaths.customerAccount2019, setApproval("deprecated"));
    edit(demoPaths.customerAccount, setApproval("needs_review"));
    edit(demoPaths.customerAccount, addFrontmatterLine('stale_after: "2026-01-01T00:00:00Z"'));
    // A steward rejected the phone finding: it no longer counts as sensitive.
    edit(demoPaths.customerAccount, (text) =>
      decideFinding(text, "billing_contact_phone", "pii.phone", "rejected"),
    );
    const run = await runCli(["search", "owner_email", "--bundle", "knowledge"], dir);
    expect(run.code).toBe(0);
    const blocks = run.stdout.split("\n\n");
    const current = blocks.find((block) => block.startsWith("sales.crm.customer_account "));
    const legacy = blocks.find((block) => block.startsWith("sales.crm.customer_account_2019 "));
    expect(current?.split("\n")[0]).toBe(
      "sales.crm.customer_account  (needs_review, confidential, pii)  STALE NEEDS REVIEW",
    );
    expect(current?.split("\n")).toContain("  sensitive fields: owner_email (pii.email)");
    expect(legacy?.split("\n")[0]).toBe(
      "sales.crm.customer_account_2019  (deprecated, confidential, pii)  DEPRECATED",
    );
    // Deprecated, it ranks below the current table and the view that hold owner_email as well.
    const order = blocks.map((block) => block.split(" ")[0]);
    expect(order.indexOf("sales.crm.customer_account_2019")).toBeGreaterThan(
      order.indexOf("sales.crm.active_accounts"),
    );
    expect(order.indexOf("sales.crm.active_accounts")).toBeGreaterThan(
      order.indexOf("sales.crm.customer_account"),
    );
  });

  it("names the replacement of a deprecated hit", async () => {
    const { dir, edit } = demoProject();
    edit(demoPaths.customerAccount2019, setApproval("deprecated"));
    edit(
      demoPaths.customerAccount2019,
      addFrontmatterLine("replaced_by: sales.crm.customer_account"),
    );
    const run = await runCli(["search", "owner_email", "--bundle", "knowledge"], dir);
    const legacy = run.stdout
      .split("\n\n")
      .find((block) => block.startsWith("sales.crm.customer_account_2019 "));
    expect(legacy?.split("\n")[0]).toBe(
      "sales.crm.customer_account_2019  (deprecated, confidential, pii)  DEPRECATED (use sales.crm.customer_account)",
    );
  });

  it("--json prints the hits with their full governance facts, shaped like the MCP tools' results", async () => {
    const { dir } = demoProject();
    const run = await runCli(["search", "owner_email", "--json", "--limit", "2"], dir);
    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout) as {
      query: string;
      hits: Array<Record<string, unknown>>;
    };
    expect(document.query).toBe("owner_email");
    expect(document.hits).toHaveLength(2);
    const [first] = document.hits;
    expect(Object.keys(first ?? {})).toEqual([
      "id",
      "path",
      "title",
      "description",
      "type",
      "kind",
      "source",
      "domain",
      "tags",
      "governance",
      "agentUsage",
      "guidance",
      "score",
      "matched",
      "labels",
    ]);
    expect(first).toMatchObject({
      id: "sales.crm.customer_account",
      path: demoPaths.customerAccount,
      type: "PostgreSQL Table",
      kind: "table",
      source: "crm",
      domain: "sales",
      matched: ["fields", "comments", "description", "sections"],
      agentUsage: null,
      guidance: null,
      labels: [],
      governance: {
        approval_status: "draft",
        status: "draft",
        owner: null,
        steward: "data-platform-team",
        classification: "confidential",
        pii: true,
        agent_usage: null,
        last_reviewed_at: null,
        next_review_due: null,
        stale_after: null,
        stale: false,
        deprecated: false,
        needs_review: false,
        human_reviewed: false,
        sensitive_fields: [
          { field: "billing_contact_phone", category: "pii.phone", decision: null },
          { field: "owner_email", category: "pii.email", decision: null },
        ],
      },
    });
    expect(typeof first?.score).toBe("number");
  });

  it("shows agent_usage and the first sentence of the written Agent Usage Guidance", async () => {
    const { dir, edit } = demoProject();
    edit(demoPaths.customerAccount, (text) =>
      text
        .replace(/^approval_status: /m, "agent_usage: allowed_read_only\napproval_status: ")
        .replace(
          /(## Agent Usage Guidance\n)_Owner to write[^\n]*/,
          "$1Count accounts per segment; never select owner_email. Ask sales-ops for exports.",
        ),
    );
    const run = await runCli(["search", "customer_account", "--limit", "2"], dir);
    expect(run.code).toBe(0);
    const [current, next] = run.stdout.split("\n\n");
    expect(current?.split("\n").slice(3, 5)).toEqual([
      "  agent usage: allowed_read_only",
      "  guidance: Count accounts per segment; never select owner_email.",
    ]);
    // The placeholder is not guidance.
    expect(next).not.toContain("guidance:");
    const json = await runCli(["search", "customer_account", "--limit", "1", "--json"], dir);
    expect(JSON.parse(json.stdout)).toMatchObject({
      hits: [
        {
          agentUsage: "allowed_read_only",
          guidance: "Count accounts per segment; never select owner_email.",
        },
      ],
    });
  });

  it("says so and exits 0 when nothing matches", async () => {
    const { dir } = demoProject();
    const text = await runCli(["search", "qzxv", "wwpt"], dir);
    expect(text).toEqual({ code: 0, stdout: 'No concepts match "qzxv wwpt".\n', stderr: "" });
    const json = await runCli(["search", "qzxv", "--json"], dir);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ query: "qzxv", hits: [] });
  });

  it("exits 2 on an empty query, a bad limit or a missing bundle", async () => {
    const { dir } = demoProject();
    const empty = await runCli(["search", " "], dir);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain("The search query is empty.");
    expect(empty.stdout).toBe("");
    expect((await runCli(["search"], dir)).code).toBe(2);
    expect((await runCli(["search", "crm", "--limit", "0"], dir)).code).toBe(2);
    const missing = await runCli(["search", "crm", "--bundle", "nowhere"], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("does not exist");
  });
});
