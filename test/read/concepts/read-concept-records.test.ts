import { describe, expect, it } from "vitest";
import { readConceptRecords } from "../../../src/read/concepts/read-concept-records.js";
import { writeBundle } from "../validate/fixture-bundle.js";

const now = new Date("2026-12-01T00:00:00Z");

const contact = `---
type: PostgreSQL Table
title: contact
description: People at customer accounts.
tags: [sales, crm, pii]
id: sales.crm.contact
kind: table
domain: sales
owner: revenue-ops
steward: data-platform-team
classification: confidential
pii: true
agent_usage: allowed_with_masking
approval_status: approved
status: stable
verified:
  - by: human:alice
    at: "2026-09-01T10:00:00Z"
last_reviewed_at: "2026-09-01T10:00:00Z"
next_review_due: "2026-11-30T10:00:00Z"
---
# contact

<!-- okf:begin summary -->
PostgreSQL table.
<!-- okf:end summary -->

## Business Meaning
One row per person we talk to at a customer.

\`\`\`sql
## not a heading inside code
\`\`\`

<!-- okf:begin schema -->
## Schema
| Column | Type | Nullable | Key | Description | Profile |
| --- | --- | --- | --- | --- | --- |
| contact_id | bigint | no | PK | | |
| \`work_email\` | text | no | | Work address. | |
| phone | text | yes | | | |
| attrs.&lt;key&gt; | text | yes | | A pipe \\| inside. | |
<!-- okf:end schema -->

<!-- okf:begin relationships -->
## Relationships
- \`account_id\` → [account](account.md) \`account_id\`
- [finance.invoice](../../finance/invoice.md) \`contact_id\` → \`contact_id\`
- [Order Items](../other%20schema/order%20items.md#columns)
- [outside](../../../../../etc/passwd.md)
- [docs](https://example.invalid/contact.md)
- [account again](./account.md)
<!-- okf:end relationships -->

<!-- okf:begin sensitive -->
## Sensitive Fields
| Field | Category | Confidence | Evidence | Decision |
| --- | --- | --- | --- | --- |
| phone | pii.phone | high | name matches phone | rejected |
| work_email | pii.email | high | name matches email | confirmed |
| attrs.&lt;key&gt; | pii.person_name | low | name matches name | |
<!-- okf:end sensitive -->

## Caveats
Some contacts are duplicated.
### Known duplicates
Same email twice.
`;

const files = {
  "index.md": '---\nokf_version: "0.2"\n---\n# Bundle\n',
  "log.md": "# Knowledge Update Log\n",
  "crm/db/sales/index.md": "# sales\n",
  "crm/db/sales/contact.md": contact,
  // No id, a plain-day stale_after in the past, deprecated.
  "crm/db/sales/account.md":
    '---\ntype: PostgreSQL Table\ntitle: account\napproval_status: deprecated\nstatus: deprecated\nstale_after: 2026-06-01\nverified:\n  - by: ci:nightly\n    at: "2026-01-01T00:00:00Z"\n---\n# account\n',
  "crm/db/finance/invoice.md": "---\ntype: PostgreSQL Table\nstatus: draft\n---\n# invoice\n",
  "crm/db/finance/broken.md": "---\ntype: [unclosed\n---\n# broken\n",
  "orders/no-frontmatter.md": "# just text\n",
};

describe("readConceptRecords", () => {
  it("reads every parseable concept in path order and skips index, log and unparseable files", async () => {
    const records = await readConceptRecords(await writeBundle(files), now);
    expect(records.map((record) => record.path)).toEqual([
      "crm/db/finance/invoice.md",
      "crm/db/sales/account.md",
      "crm/db/sales/contact.md",
    ]);
    const invoice = records[0];
    expect(invoice).toMatchObject({
      id: "crm/db/finance/invoice",
      title: "invoice",
      source: "crm",
    });
    expect(invoice?.tags).toEqual([]);
    expect(invoice?.governance).toEqual({
      status: "draft",
      pii: false,
      stale: false,
      deprecated: false,
      humanReviewed: false,
    });
  });

  it("reads identity, governance facts and staleness from the frontmatter", async () => {
    const records = await readConceptRecords(await writeBundle(files), now);
    const contactRecord = records.find((record) => record.id === "sales.crm.contact");
    expect(contactRecord).toMatchObject({
      path: "crm/db/sales/contact.md",
      source: "crm",
      title: "contact",
      description: "People at customer accounts.",
      type: "PostgreSQL Table",
      kind: "table",
      domain: "sales",
      tags: ["sales", "crm", "pii"],
    });
    expect(contactRecord?.governance).toEqual({
      approvalStatus: "approved",
      status: "stable",
      owner: "revenue-ops",
      steward: "data-platform-team",
      classification: "confidential",
      pii: true,
      agentUsage: "allowed_with_masking",
      lastReviewedAt: "2026-09-01T10:00:00Z",
      nextReviewDue: "2026-11-30T10:00:00Z",
      // next_review_due passed a day before `now`.
      stale: true,
      deprecated: false,
      humanReviewed: true,
    });
    const account = records.find((record) => record.path === "crm/db/sales/account.md");
    expect(account?.id).toBe("crm/db/sales/account");
    expect(account?.governance).toMatchObject({
      staleAfter: "2026-06-01",
      stale: true,
      deprecated: true,
      // A CI job is not a person.
      humanReviewed: false,
    });
    const before = await readConceptRecords(
      await writeBundle(files),
      new Date("2026-05-01T00:00:00Z"),
    );
    expect(before.map((record) => record.governance.stale)).toEqual([false, false, false]);
  });

  it("reads field names from the Schema table, code spans and entities decoded", async () => {
    const [, , contactRecord] = await readConceptRecords(await writeBundle(files), now);
    expect(contactRecord?.fields).toEqual(["contact_id", "work_email", "phone", "attrs.<key>"]);
  });

  it("reads every Sensitive Fields row with its decision when one is written", async () => {
    const [, , contactRecord] = await readConceptRecords(await writeBundle(files), now);
    expect(contactRecord?.sensitiveFields).toEqual([
      { field: "phone", category: "pii.phone", decision: "rejected", added: false },
      { field: "work_email", category: "pii.email", decision: "confirmed", added: false },
      { field: "attrs.<key>", category: "pii.person_name", added: false },
    ]);
  });

  it("splits the body into the summary and ## sections, marking the generated ones", async () => {
    const [, , contactRecord] = await readConceptRecords(await writeBundle(files), now);
    const sections = contactRecord?.sections ?? [];
    expect(sections.map((section) => [section.heading, section.generated])).toEqual([
      ["Summary", true],
      ["Business Meaning", false],
      ["Schema", true],
      ["Relationships", true],
      ["Sensitive Fields", true],
      ["Caveats", false],
    ]);
    // Fenced code is skipped; a ### heading stays inside its section; markers are not text.
    expect(sections[0]?.text).toBe("PostgreSQL table.");
    expect(sections[1]?.text).toBe("One row per person we talk to at a customer.");
    expect(sections[5]?.text).toBe(
      "Some contacts are duplicated.\n### Known duplicates\nSame email twice.",
    );
    expect(sections[2]?.text).not.toContain("okf:");
  });

  it("resolves Relationships links to bundle paths, ignoring links that leave the bundle or the web", async () => {
    const [, , contactRecord] = await readConceptRecords(await writeBundle(files), now);
    expect(contactRecord?.related).toEqual([
      "crm/db/sales/account.md",
      "crm/finance/invoice.md",
      "crm/db/other schema/order items.md",
    ]);
  });
});
