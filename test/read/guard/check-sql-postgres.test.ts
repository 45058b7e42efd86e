import { beforeAll, describe, expect, it } from "vitest";
import { SqlParseError } from "../../../src/errors.js";
import { guardChecker } from "./guard-fixtures.js";

let check: Awaited<ReturnType<typeof guardChecker>>;
let strict: Awaited<ReturnType<typeof guardChecker>>;

beforeAll(async () => {
  check = await guardChecker();
  strict = await guardChecker({ requireApproval: true });
});

const rules = (sql: string, run = check) =>
  run(sql).findings.map(
    (finding) =>
      `${finding.rule}:${finding.severity}:${finding.table}${finding.column === undefined ? "" : `.${finding.column}`}`,
  );

describe("checkSql on PostgreSQL", () => {
  it("passes a clean query on an approved table with a foreign-key join", () => {
    const result = check(
      "SELECT o.order_id, o.amount, c.account_id FROM sales.sales_order o JOIN sales.customer_account c ON o.account_id = c.account_id",
    );
    expect(result.findings).toEqual([]);
    expect(result.statements).toEqual([
      { index: 1, kind: "select", tables: ["sales.crm.sales_order", "sales.crm.customer_account"] },
    ]);
  });

  it("reports unknown tables, and resolves unqualified names through the search path", () => {
    expect(rules("SELECT * FROM sales.nothing")).toEqual(["unknown-table:error:sales.nothing"]);
    // public is the default search path; sales is not on it.
    expect(rules("SELECT id FROM audit_log")).toEqual([]);
    expect(rules("SELECT order_id FROM sales_order")).toEqual(["unknown-table:error:sales_order"]);
    expect(
      check("SELECT order_id FROM sales_order", "postgres", { searchPath: ["sales"] }).findings,
    ).toEqual([]);
    // Three parts: database.schema.table.
    expect(rules("SELECT order_id FROM crm.sales.sales_order")).toEqual([]);
    expect(rules("SELECT order_id FROM other.sales.sales_order")).toEqual([
      "unknown-table:error:other.sales.sales_order",
    ]);
  });

  it("keeps the case of quoted identifiers and folds unquoted ones", () => {
    expect(rules('SELECT l."order id", l."Line Total" FROM sales."Order Lines" l')).toEqual([]);
    expect(rules('SELECT * FROM sales."order lines"')).toEqual([
      'unknown-table:error:sales."order lines"',
    ]);
    expect(rules('SELECT * FROM "Sales".sales_order')).toEqual([
      'unknown-table:error:"Sales".sales_order',
    ]);
    expect(rules("SELECT * FROM SALES.SALES_ORDER")).toEqual([]);
  });

  it("does not take CTE names for tables, and checks what the CTE reads", () => {
    const result = check(
      "WITH recent AS (SELECT account_id, owner_email FROM sales.customer_account) SELECT r.account_id FROM recent r",
    );
    expect(result.statements[0]?.tables).toEqual(["sales.crm.customer_account"]);
    expect(result.findings.map((finding) => `${finding.rule}:${finding.column ?? ""}`)).toEqual([
      "sensitive-column:owner_email",
    ]);
  });

  it("reports deprecated tables with their replacement, and stale ones", () => {
    const [deprecated] = check("SELECT segment FROM legacy.customer_account_2019").findings;
    expect(deprecated).toMatchObject({
      rule: "deprecated-table",
      severity: "error",
      concept: "sales.crm.customer_account_2019",
      table: "legacy.customer_account_2019",
    });
    expect(deprecated?.message).toContain("Use sales.crm.customer_account instead (replaced_by)");
    expect(rules("SELECT total FROM finance.monthly")).toEqual(["stale:warning:finance.monthly"]);
  });

  it("reports draft and needs_review tables only when the policy requires approval", () => {
    expect(rules("SELECT * FROM sales.opportunity; SELECT * FROM sales.lead")).toEqual([]);
    expect(rules("SELECT * FROM sales.opportunity; SELECT * FROM sales.lead", strict)).toEqual([
      "unapproved-table:error:sales.opportunity",
      "unapproved-table:error:sales.lead",
    ]);
    expect(strict("SELECT * FROM sales.lead").findings[0]?.message).toContain("needs_review");
  });

  it("reports sensitive columns in the select list, WHERE, JOIN and through *, with the masking rule", () => {
    const findings = check(
      "SELECT c.owner_email FROM sales.customer_account c WHERE c.billing_phone IS NOT NULL",
    ).findings;
    expect(findings.map((finding) => finding.column)).toEqual(["owner_email", "billing_phone"]);
    expect(findings[0]?.message).toContain(
      "pii.email, confirmed) used in the select list; mask it: hash",
    );
    expect(findings[0]?.guidance).toBe(
      "Use for account-level reporting only.\nHash owner_email before it leaves the query.",
    );
    expect(findings[1]?.message).toContain(
      "pii.phone, pending review) used in the WHERE; no masking rule",
    );
    // The rejected row (account_name) is not sensitive; the added row (notes) is.
    const star = check("SELECT * FROM sales.customer_account").findings;
    expect(star.map((finding) => finding.column)).toEqual([
      "owner_email",
      "billing_phone",
      "notes",
    ]);
    expect(star[2]?.message).toContain("used in the SELECT *; mask it: redact");
    const qualified = check(
      "SELECT o.*, c.account_id FROM sales.sales_order o JOIN sales.customer_account c ON c.account_id = o.account_id",
    );
    expect(qualified.findings).toEqual([]);
    const join = check(
      "SELECT o.order_id FROM sales.sales_order o JOIN sales.customer_account c ON c.account_id = o.account_id AND c.owner_email <> ''",
    );
    expect(join.findings.map((finding) => finding.message)).toEqual([
      expect.stringContaining("used in the JOIN"),
    ]);
  });

  it("resolves unqualified columns against the tables in scope, and subqueries in their own scope", () => {
    expect(rules("SELECT owner_email FROM sales.customer_account")).toEqual([
      "sensitive-column:warning:sales.customer_account.owner_email",
    ]);
    // The derived table's alias hides its columns; the subquery itself is checked.
    expect(
      rules("SELECT d.owner_email FROM (SELECT owner_email FROM sales.customer_account) d"),
    ).toEqual(["sensitive-column:warning:sales.customer_account.owner_email"]);
    // A correlated subquery sees the outer table; `account_id` of the inner one is not sensitive.
    expect(
      rules(
        "SELECT o.order_id FROM sales.sales_order o WHERE EXISTS (SELECT 1 FROM sales.customer_account c WHERE c.account_id = o.account_id AND owner_email LIKE '%x')",
      ),
    ).toEqual(["sensitive-column:warning:sales.customer_account.owner_email"]);
    expect(
      rules(
        "SELECT amount FROM sales.sales_order WHERE account_id IN (SELECT account_id FROM sales.customer_account)",
      ),
    ).toEqual([]);
  });

  it("checks joins: foreign keys and approved joins pass, joins nobody listed warn, rejected joins are errors", () => {
    expect(
      rules(
        "SELECT 1 FROM sales.customer_account c JOIN sales.territory t ON t.territory_id = c.territory_id",
      ),
    ).toEqual([]);
    expect(
      rules(
        'SELECT 1 FROM sales."Order Lines" l JOIN sales.sales_order o ON o.order_id = l."order id"',
      ),
    ).toEqual([]);
    expect(
      rules(
        "SELECT 1 FROM sales.customer_account c JOIN sales.sales_order o ON c.account_name = o.customer_name",
      ),
    ).toEqual(["unapproved-join:error:sales.customer_account"]);
    const candidate = check(
      "SELECT 1 FROM sales.customer_account c, sales.opportunity p WHERE p.account_id = c.account_id",
    ).findings;
    expect(candidate.map((finding) => `${finding.rule}:${finding.severity}`)).toEqual([
      "unapproved-join:warning",
    ]);
    // Nothing in either Relationships table lists it: not even a candidate.
    expect(candidate[0]?.message).toBe(
      "The join sales.opportunity.account_id = sales.customer_account.account_id is neither a foreign key nor a join listed in the Relationships of sales.opportunity or sales.customer_account; find the right columns with related_concepts.",
    );
    expect(
      rules("SELECT 1 FROM sales.sales_order o JOIN sales.customer_account c USING (account_id)"),
    ).toEqual([]);
  });

  it("reports writes to concepts whose agent_usage is not allowed", () => {
    expect(rules("UPDATE sales.sales_order SET status = 'x' WHERE order_id = 1")).toEqual([]);
    expect(rules("UPDATE sales.territory SET name = 'x'")).toEqual([
      "write-not-allowed:error:sales.territory",
    ]);
    expect(
      rules(
        "DELETE FROM sales.customer_account USING sales.sales_order o WHERE o.account_id = customer_account.account_id",
      ),
    ).toEqual(["write-not-allowed:error:sales.customer_account"]);
    expect(
      rules("INSERT INTO sales.territory (territory_id) SELECT account_id FROM sales.sales_order"),
    ).toEqual(["write-not-allowed:error:sales.territory"]);
    expect(
      rules(
        "MERGE INTO sales.territory t USING sales.sales_order o ON t.territory_id = o.order_id WHEN MATCHED THEN DELETE",
      ),
    ).toEqual([
      "write-not-allowed:error:sales.territory",
      "unapproved-join:warning:sales.territory",
    ]);
    expect(
      rules(
        "DROP TABLE sales.territory; TRUNCATE sales.territory; ALTER TABLE sales.territory ADD COLUMN x int",
      ),
    ).toEqual([
      "write-not-allowed:error:sales.territory",
      "write-not-allowed:error:sales.territory",
      "write-not-allowed:error:sales.territory",
    ]);
    // A new table is not an unknown one; what it is built from is checked.
    expect(
      check("CREATE TABLE scratch.t AS SELECT territory_id FROM sales.territory").findings,
    ).toEqual([]);
  });

  it("reports prohibited use with the Prohibited Use section as guidance", () => {
    const [finding] = check("SELECT amount FROM finance.revenue").findings;
    expect(finding).toMatchObject({
      rule: "prohibited-use",
      severity: "error",
      concept: "sales.crm.revenue",
      guidance: "Never use for forecasting; finance team only.",
    });
  });

  it("checks several statements, numbering them", () => {
    const result = check(
      "SELECT 1 FROM sales.sales_order;\nSELECT * FROM nowhere;\nUPDATE sales.territory SET name = 'a'",
    );
    expect(result.statements.map((statement) => `${statement.index}:${statement.kind}`)).toEqual([
      "1:select",
      "2:select",
      "3:update",
    ]);
    expect(result.findings.map((finding) => `${finding.statement}:${finding.rule}`)).toEqual([
      "2:unknown-table",
      "3:write-not-allowed",
    ]);
  });

  it("throws SqlParseError with the line and column", () => {
    let error: unknown;
    try {
      check("SELECT 1 FROM sales.sales_order;\nSELECT a FROM\n  sales.territory WHERE = 2");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SqlParseError);
    expect(error).toMatchObject({ line: 3, column: 25 });
    expect((error as Error).message).toMatch(
      /^The SQL cannot be parsed at line 3, column 25: Expected: an expression, found: =/,
    );
  });

  it("restricts to one source with --source", () => {
    expect(
      check("SELECT 1 FROM sales.sales_order", "postgres", { source: "shop" }).findings.map(
        (f) => f.rule,
      ),
    ).toEqual(["unknown-table"]);
    expect(
      check("SELECT 1 FROM sales.sales_order", "postgres", { source: "crm" }).findings,
    ).toEqual([]);
  });
});
