import { describe, expect, it } from "vitest";
import { bodySections, sensitiveRows } from "../../../src/read/concepts/concept-body.js";
import { joinRows, parseJoinCondition } from "../../../src/read/concepts/join-rows.js";

const body = `# sales_order

<!-- okf:begin relationships -->
## Relationships
| Join | With | Kind | Cardinality | Decision |
| --- | --- | --- | --- | --- |
| \`sales_order.account_id = customer_account.account_id\` | [customer_account](customer_account.md) | foreign key | many-to-one | |
| \`order_line.order_id = sales_order.order_id\` | [order_line](../lines/order_line.md) | foreign key, incoming | one-to-many (fan-out) | Approved |
| \`sales_order.territory_id = finance."Territory Map"."territory id"\` | \`finance.Territory Map\` | added | many-to-one | approved |
| \`sales_order.note = customer_account.account_name\` | [customer_account](customer_account.md) | inferred: same name as the key of customer_account | | rejected |
| \`lower(sales_order.code) = x.code\` | x | added | | approved |
| \`sales_order.a = x.a OR sales_order.b = x.b\` | x | added | | approved |

- Reads [customer_account](customer_account.md)
<!-- okf:end relationships -->

<!-- okf:begin sensitive -->
## Sensitive Fields
| Field | Category | Confidence | Evidence | Decision | Masking |
| --- | --- | --- | --- | --- | --- |
| owner_email | pii.email | high | name matches "email" | confirmed | hash with sha256 |
| notes | pii.free_text | person | holds addresses typed by agents | confirmed | redact |
| territory_id | pii.location | low | name matches | rejected | |
<!-- okf:end sensitive -->
`;

describe("the join table of the Relationships section", () => {
  const joins = joinRows(bodySections(body), "crm/postgres/sales/sales_order.md");

  it("reads each condition a guard can check, with its decision and the linked concept", () => {
    expect(joins.map((join) => [join.condition, join.with, join.kind, join.decision])).toEqual([
      [
        "sales_order.account_id = customer_account.account_id",
        "crm/postgres/sales/customer_account.md",
        "foreign key",
        undefined,
      ],
      [
        "order_line.order_id = sales_order.order_id",
        "crm/postgres/lines/order_line.md",
        "foreign key, incoming",
        "approved",
      ],
      [
        'sales_order.territory_id = finance."Territory Map"."territory id"',
        undefined,
        "added",
        "approved",
      ],
      [
        "sales_order.note = customer_account.account_name",
        "crm/postgres/sales/customer_account.md",
        "inferred: same name as the key of customer_account",
        "rejected",
      ],
    ]);
    expect(joins[1]?.cardinality).toBe("one-to-many (fan-out)");
  });

  it("unquotes qualified names into parts", () => {
    expect(joins[2]?.pairs).toEqual([
      {
        from: { parts: ["sales_order", "territory_id"] },
        to: { parts: ["finance", "Territory Map", "territory id"] },
      },
    ]);
  });

  it("parses column pairs joined by AND, and nothing else", () => {
    expect(parseJoinCondition('a.x = b.y AND a."z ""q""" = b.w')).toEqual([
      { from: { parts: ["a", "x"] }, to: { parts: ["b", "y"] } },
      { from: { parts: ["a", 'z "q"'] }, to: { parts: ["b", "w"] } },
    ]);
    expect(parseJoinCondition('a."x and y" = b.y')).toEqual([
      { from: { parts: ["a", "x and y"] }, to: { parts: ["b", "y"] } },
    ]);
    for (const text of [
      "x = b.y",
      "a.x = 3",
      "a.x = b.y OR a.z = b.z",
      "a.x < b.y",
      "a.x = b.y AND",
    ])
      expect(parseJoinCondition(text)).toBeUndefined();
  });

  it("reads masking rules and rows a person added to Sensitive Fields", () => {
    expect(sensitiveRows(bodySections(body))).toEqual([
      {
        field: "owner_email",
        category: "pii.email",
        decision: "confirmed",
        masking: "hash with sha256",
        added: false,
      },
      {
        field: "notes",
        category: "pii.free_text",
        decision: "confirmed",
        masking: "redact",
        added: true,
      },
      { field: "territory_id", category: "pii.location", decision: "rejected", added: false },
    ]);
  });
});
