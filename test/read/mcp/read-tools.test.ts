import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../helpers/run-cli.js";
import { copyDemoBundle, startOkfServer, type McpSession } from "./mcp-session.js";

interface Governance {
  approval_status: string | null;
  owner: string | null;
  classification: string | null;
  pii: boolean;
  agent_usage: string | null;
  stale: boolean;
  deprecated: boolean;
  needs_review: boolean;
  human_reviewed: boolean;
  next_review_due: string | null;
  sensitive_fields: Array<{ field: string; category: string; decision: string | null }>;
  warnings: string[];
}
interface Summary {
  id: string;
  path: string;
  kind: string | null;
  source: string;
  tags: string[];
  governance: Governance;
}

const { dir, bundle } = copyDemoBundle();
const agentUsage = "allowed_with_masking";

/** Rewrites the copy's frontmatter: `approval_status: draft` becomes the given lines. */
function setFrontmatter(path: string, lines: string[]): void {
  const file = join(bundle, path);
  const text = readFileSync(file, "utf8");
  if (!text.includes("\napproval_status: draft\n")) throw new Error(`${path} is not a draft`);
  writeFileSync(file, text.replace("\napproval_status: draft\n", `\n${lines.join("\n")}\n`));
}

let session: McpSession;

beforeAll(async () => {
  // A steward approved customer_account; other files are deprecated, stale or need review.
  setFrontmatter("crm/postgres/sales/customer_account.md", [
    "owner: sales-operations",
    `agent_usage: "${agentUsage}"`,
    "approval_status: draft",
  ]);
  const approved = await runCli(
    ["approve", "sales.crm.customer_account", "--by", "alice", "--force", "--bundle", bundle],
    dir,
  );
  expect(approved.code, approved.stderr).toBe(0);
  setFrontmatter("crm/postgres/legacy/customer_account_2019.md", ["approval_status: deprecated"]);
  setFrontmatter("crm/postgres/sales/opportunity.md", [
    "approval_status: approved",
    "next_review_due: 2021-01-01",
  ]);
  setFrontmatter("crm/postgres/sales/order_line.md", ["approval_status: needs_review"]);
  session = await startOkfServer(["serve", "--mcp", "--bundle", "knowledge"], { cwd: dir });
});

afterAll(async () => {
  await session.close();
});

describe("okf serve --mcp, read tools over stdio", () => {
  it("offers the six tools with descriptions and bounded input schemas", async () => {
    const { tools } = await session.client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual([
      "check_query",
      "list_concepts",
      "propose_update",
      "read_concept",
      "related_concepts",
      "search_concepts",
    ]);
    for (const tool of tools) {
      expect(tool.description?.length).toBeGreaterThan(100);
      expect(tool.outputSchema?.type, tool.name).toBe("object");
    }
    const search = tools.find((tool) => tool.name === "search_concepts");
    expect(search?.inputSchema.required).toEqual(["query"]);
    expect(search?.inputSchema.properties?.query).toMatchObject({ maxLength: 500 });
    const propose = tools.find((tool) => tool.name === "propose_update");
    expect(propose?.inputSchema.properties?.text).toMatchObject({ maxLength: 20_000 });
    expect(propose?.annotations?.readOnlyHint).toBe(false);
    expect(search?.annotations?.readOnlyHint).toBe(true);
    expect(session.client.getServerVersion()?.name).toBe("okf");
  });

  it("search_concepts finds the pii table by a field name, ranked first, with governance", async () => {
    const answer = await session.call("search_concepts", { query: "billing contact phone" });
    expect(answer.isError).toBe(false);
    const hits = (answer.structured?.hits ?? []) as Array<Summary & { matched: string[] }>;
    expect(hits[0]?.id).toBe("sales.crm.customer_account");
    expect(hits[0]?.matched).toContain("fields");
    expect(hits[0]?.governance).toMatchObject({
      approval_status: "approved",
      pii: true,
      classification: "confidential",
      agent_usage: agentUsage,
    });
    expect(answer.text).toContain("1. sales.crm.customer_account");
    expect(answer.text).toContain("approved · owner sales-operations · confidential · pii");
  });

  it("search_concepts answers a query nothing matches with an empty list, not an error", async () => {
    const answer = await session.call("search_concepts", { query: "zzqxv" });
    expect(answer).toMatchObject({ isError: false, structured: { hits: [] } });
    expect(answer.text).toContain("No concept matches");
  });

  it("read_concept returns frontmatter, body and the governance facts of a pii table", async () => {
    const answer = await session.call("read_concept", { id: "sales.crm.customer_account" });
    expect(answer.isError).toBe(false);
    const structured = answer.structured as {
      path: string;
      frontmatter: Record<string, unknown>;
      body: string;
      governance: Governance;
    };
    expect(structured.path).toBe("crm/postgres/sales/customer_account.md");
    expect(structured.frontmatter).toMatchObject({ id: "sales.crm.customer_account", pii: true });
    expect(structured.body).toContain("## Sensitive Fields");
    expect(structured.governance).toMatchObject({
      approval_status: "approved",
      owner: "sales-operations",
      classification: "confidential",
      pii: true,
      agent_usage: agentUsage,
      stale: false,
      deprecated: false,
      human_reviewed: true,
    });
    expect(structured.governance.next_review_due).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(structured.governance.sensitive_fields.map((row) => row.field).sort()).toEqual([
      "billing_contact_phone",
      "owner_email",
    ]);
    expect(answer.text.split("\n")[0]).toMatch(/^PII: holds personal data/);
    expect(answer.text).toContain(`- agent_usage: ${agentUsage}`);
    expect(answer.text).toContain("| owner_email | pii.email |");
  });

  it("read_concept puts deprecated, stale and needs_review warnings at the top", async () => {
    const deprecated = await session.call("read_concept", {
      id: "crm/postgres/legacy/customer_account_2019",
    });
    expect(deprecated.text).toMatch(/^WARNING: deprecated — retired by its steward or gone from/);
    expect(deprecated.structured?.governance).toMatchObject({ deprecated: true });

    const stale = await session.call("read_concept", { id: "sales.crm.opportunity" });
    expect(stale.text).toMatch(/^WARNING: stale — its review was due on 2021-01-01/);
    expect(stale.structured?.governance).toMatchObject({ stale: true, deprecated: false });

    const review = await session.call("read_concept", { id: "crm/postgres/sales/order_line.md" });
    expect(review.text).toMatch(/^WARNING: needs_review/);
    expect(review.structured?.governance).toMatchObject({ needs_review: true });
  });

  it("list_concepts filters by source, kind and tag, and pages", async () => {
    const orders = await session.call("list_concepts", { source: "orders" });
    const ordersList = orders.structured?.concepts as Summary[];
    expect(ordersList.map((concept) => concept.path)).toEqual([
      "orders/commerce_app.md",
      "orders/order_events.md",
    ]);
    const views = await session.call("list_concepts", { kind: "VIEW" });
    expect((views.structured?.concepts as Summary[]).map((concept) => concept.id)).toEqual([
      "sales.crm.active_accounts",
    ]);
    const pii = await session.call("list_concepts", { tag: "pii", domain: "sales" });
    const piiList = pii.structured?.concepts as Summary[];
    expect(piiList.length).toBeGreaterThan(0);
    for (const concept of piiList) {
      expect(concept.tags).toContain("pii");
      expect(concept.governance.pii).toBe(true);
    }

    const all = await session.call("list_concepts", {});
    const total = all.structured?.total as number;
    const first = await session.call("list_concepts", { limit: 2 });
    expect(first.structured).toMatchObject({ total, offset: 0, limit: 2, next_offset: 2 });
    const last = await session.call("list_concepts", { limit: 2, offset: total - 1 });
    expect(last.structured).toMatchObject({ next_offset: null });
    expect((last.structured?.concepts as Summary[]).map((concept) => concept.id)).toEqual([
      (all.structured?.concepts as Summary[]).at(-1)?.id,
    ]);
    expect(first.text).toContain(`Concepts 1–2 of ${total} (more: offset 2)`);
  });

  it("related_concepts follows the foreign keys of a table, with join lines and governance", async () => {
    const answer = await session.call("related_concepts", { id: "sales.crm.sales_order" });
    expect(answer.isError).toBe(false);
    const related = answer.structured?.related as Array<
      Summary & { joins: string[]; join_rows: unknown[]; lines: string[] }
    >;
    expect(related.map((concept) => concept.id).sort()).toEqual([
      "sales.crm.customer_account",
      "sales.crm.invoice",
      "sales.crm.opportunity",
      "sales.crm.order_line",
    ]);
    const account = related.find((concept) => concept.id === "sales.crm.customer_account");
    // The row of the join table is the join; the foreign-key bullet is a line linking to it.
    expect(account?.joins).toEqual([
      "foreign key: `sales_order.account_id = customer_account.account_id` (many-to-one)",
    ]);
    expect(account?.join_rows).toEqual([
      {
        condition: "sales_order.account_id = customer_account.account_id",
        standing: "foreign key",
        kind: "foreign key",
        cardinality: "many-to-one",
      },
    ]);
    expect(account?.lines).toEqual([
      "`account_id` → [customer_account](customer_account.md) `account_id`",
    ]);
    expect(account?.governance).toMatchObject({ pii: true, approval_status: "approved" });
    expect(answer.text).toContain("WARNING: stale"); // opportunity
  });

  it("related_concepts puts approved joins first and rejected ones last, marked", async () => {
    const path = join(bundle, "crm/postgres/sales/sales_order.md");
    const before = readFileSync(path, "utf8");
    const decide = (text: string, condition: string, decision: string) => {
      const row = new RegExp(`^(\\| \`${condition.replace(/\./g, "\\.")}\` \\|.*\\|) \\|$`, "m");
      expect(text).toMatch(row);
      return text.replace(row, `$1 ${decision} |`);
    };
    let decided = decide(before, "sales_order.order_id = order_line.order_id", "approved");
    decided = decide(
      decided,
      "sales_order.opportunity_id = opportunity.opportunity_id",
      "rejected",
    );
    writeFileSync(path, decided);
    try {
      const answer = await session.call("related_concepts", { id: "sales.crm.sales_order" });
      const related = answer.structured?.related as Array<{ id: string; joins: string[] }>;
      expect(related.map((concept) => concept.id)).toEqual([
        "sales.crm.order_line",
        "sales.crm.customer_account",
        "sales.crm.invoice",
        "sales.crm.opportunity",
      ]);
      expect(related[0]?.joins).toEqual([
        "approved: `sales_order.order_id = order_line.order_id` (one-to-many (fan-out))",
      ]);
      expect(related[3]?.joins[0]).toMatch(/^REJECTED, do not use: `sales_order\.opportunity_id/);
      expect(answer.text).toMatch(/approved joins first:\n.*sales\.crm\.order_line/);
    } finally {
      writeFileSync(path, before);
    }
  });

  it("reads the files anew on each call, so edits made while it runs are served", async () => {
    const path = join(bundle, "orders/order_events.md");
    const before = readFileSync(path, "utf8");
    writeFileSync(path, before.replace("approval_status: draft", "approval_status: deprecated"));
    try {
      const answer = await session.call("read_concept", { id: "commerce.orders.order_events" });
      expect(answer.text).toMatch(/^WARNING: deprecated/);
    } finally {
      writeFileSync(path, before);
    }
  });
});

describe("okf serve --mcp, bad input comes back as tool errors", () => {
  it.each([
    ["an unknown id", "sales.crm.customer_acount", /did you mean "sales\.crm\.customer_account"/],
    ["a path that leaves the bundle", "../../etc/passwd", /lies outside the bundle/],
    ["an absolute path outside the bundle", "/etc/passwd", /lies outside the bundle/],
    ["a reserved file", "crm/index.md", /is the bundle's index\.md, not a concept/],
  ])("read_concept and related_concepts refuse %s", async (_what, id, message) => {
    for (const tool of ["read_concept", "related_concepts"]) {
      const answer = await session.call(tool, { id });
      expect(answer.isError).toBe(true);
      expect(answer.text).toMatch(message);
      expect(answer.text).toContain("Fix: Pass a concept id");
    }
  });

  it("names a concept file whose frontmatter cannot be parsed, instead of calling it unknown", async () => {
    const path = join(bundle, "orders/order_events.md");
    const before = readFileSync(path, "utf8");
    writeFileSync(path, before.replace("pii: false", "pii: [unclosed"));
    try {
      const answer = await session.call("read_concept", { id: "orders/order_events" });
      expect(answer.isError).toBe(true);
      expect(answer.text).toMatch(
        /^orders\/order_events\.md cannot be read: its frontmatter is not valid YAML/,
      );
      expect(answer.text).toContain("okf validate");
    } finally {
      writeFileSync(path, before);
    }
  });

  it("refuses arguments beyond the schema limits, and keeps serving", async () => {
    const long = await session.call("search_concepts", { query: "x".repeat(501) });
    expect(long.isError).toBe(true);
    expect(long.text).toMatch(/<=500 characters/);
    const many = await session.call("list_concepts", { limit: 10_000 });
    expect(many.isError).toBe(true);
    expect(many.text).toMatch(/limit/);
    const missing = await session.call("read_concept", {});
    expect(missing.isError).toBe(true);
    const after = await session.call("read_concept", { id: "sales.crm.territory" });
    expect(after.isError).toBe(false);
  });
});
