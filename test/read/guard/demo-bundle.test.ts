import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { readConceptRecords } from "../../../src/read/concepts/read-concept-records.js";
import {
  buildGuardKnowledge,
  checkSql,
  initSqlParser,
  type GuardKnowledge,
} from "../../../src/read/guard/check-sql.js";

// The committed demo bundle as okf generates it today (foreign keys as Relationships bullets).
const demoBundle = fileURLToPath(new URL("../../../knowledge", import.meta.url));
let knowledge: GuardKnowledge;

beforeAll(async () => {
  await initSqlParser();
  knowledge = buildGuardKnowledge(
    await readConceptRecords(demoBundle, new Date("2026-12-01T00:00:00Z")),
    {
      requireApproval: true,
    },
  );
});

const findings = (sql: string, dialect: "postgres" | "partiql" = "postgres") =>
  checkSql(knowledge, { sql, dialect }).findings.map(
    (finding) =>
      `${finding.rule}:${finding.table}${finding.column === undefined ? "" : `.${finding.column}`}`,
  );

describe("checkSql on the committed demo bundle", () => {
  it("accepts the foreign keys of the Relationships bullets, both directions", () => {
    const sql = `SELECT o.order_id, l.product_code, l.quantity * l.unit_price AS total
      FROM sales.sales_order o
      JOIN sales.order_line l ON l.order_id = o.order_id
      JOIN sales.customer_account c ON c.account_id = o.account_id`;
    expect(findings(sql)).toEqual([
      "unapproved-table:sales.sales_order",
      "unapproved-table:sales.order_line",
      "unapproved-table:sales.customer_account",
    ]);
  });

  it("finds the pending sensitive fields of customer_account through SELECT *", () => {
    expect(
      findings("SELECT * FROM sales.customer_account").filter((line) =>
        line.startsWith("sensitive"),
      ),
    ).toEqual([
      "sensitive-column:sales.customer_account.owner_email",
      "sensitive-column:sales.customer_account.billing_contact_phone",
    ]);
  });

  it("warns on a look-alike join that no key shows", () => {
    expect(
      findings(
        "SELECT 1 FROM finance.invoice i JOIN sales.territory t ON t.territory_id = i.invoice_id",
      ),
    ).toContain("unapproved-join:sales.territory");
  });

  it("reports a full scan of the DynamoDB table order_events without its partition key", () => {
    expect(findings('SELECT * FROM "order_events" WHERE "customer_id" = ?', "partiql")).toEqual([
      "unapproved-table:order_events",
      "full-scan:order_events.order_id",
    ]);
    expect(
      findings('SELECT * FROM "order_events"."by_event_type" WHERE "event_type" = ?', "partiql"),
    ).toEqual(["unapproved-table:order_events"]);
  });
});
