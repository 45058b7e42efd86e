import { beforeAll, describe, expect, it } from "vitest";
import { SqlParseError } from "../../../src/errors.js";
import { guardChecker } from "./guard-fixtures.js";

let check: Awaited<ReturnType<typeof guardChecker>>;

beforeAll(async () => {
  check = await guardChecker({ requireApproval: true });
});

const summary = (findings: ReturnType<typeof check>["findings"]) =>
  findings.map(
    (finding) =>
      `${finding.rule}:${finding.severity}:${finding.table}${finding.column === undefined ? "" : `.${finding.column}`}`,
  );

describe("checkSql on MySQL", () => {
  it("resolves backquoted and unqualified names without regard to case, in any database by default", () => {
    const result = check(
      "SELECT `c`.`customerid`, o.Total FROM `shop`.`Customer` AS `c` JOIN Orders o ON o.CustomerId = c.CustomerId LIMIT 10",
      "mysql",
    );
    expect(result.statements[0]?.tables).toEqual(["shop.customer", "shop.orders"]);
    expect(result.findings).toEqual([]);
    expect(summary(check("SELECT * FROM other.Customer", "mysql").findings)).toEqual([
      "unknown-table:error:other.Customer",
    ]);
    expect(
      check("SELECT * FROM Orders", "mysql", { searchPath: ["archive"] }).findings[0]?.rule,
    ).toBe("unknown-table");
  });

  it("reports sensitive columns, joins nobody approved, and writes", () => {
    const star = check("SELECT * FROM Customer", "mysql").findings;
    expect(summary(star)).toEqual(["sensitive-column:warning:shop.Customer.Email"]);
    expect(star[0]?.message).toContain("mask it: first letter and domain");
    expect(
      summary(
        check("SELECT 1 FROM Customer c JOIN Orders o ON o.OrderId = c.CustomerId", "mysql")
          .findings,
      ),
    ).toEqual(["unapproved-join:warning:shop.Orders"]);
    expect(
      summary(
        check(
          "DELETE o FROM Orders o JOIN Customer c ON o.CustomerId = c.CustomerId WHERE c.Name = 'x'",
          "mysql",
        ).findings,
      ),
    ).toEqual(["write-not-allowed:error:shop.Orders"]);
    expect(summary(check("INSERT INTO Orders (OrderId) VALUES (1)", "mysql").findings)).toEqual([
      "write-not-allowed:error:shop.Orders",
    ]);
  });

  it("handles CTEs and derived tables in MySQL 8 syntax", () => {
    const result = check(
      "WITH big AS (SELECT CustomerId FROM Orders WHERE Total > 100) SELECT c.Name FROM Customer c JOIN big ON big.CustomerId = c.CustomerId",
      "mysql",
    );
    expect(result.statements[0]?.tables).toEqual(["shop.orders", "shop.customer"]);
    expect(result.findings).toEqual([]);
  });
});

describe("checkSql on Redshift", () => {
  it("parses TOP, LISTAGG … WITHIN GROUP and reports sensitive columns", () => {
    const result = check(
      "SELECT TOP 10 customer_id, LISTAGG(email, ',') WITHIN GROUP (ORDER BY email) FROM mart.sales_fact GROUP BY customer_id",
      "redshift",
    );
    expect(summary(result.findings)).toEqual(["sensitive-column:warning:mart.sales_fact.email"]);
  });

  it("folds quoted identifiers like Redshift's default, and warns on inferred joins", () => {
    const result = check(
      'SELECT f."AMOUNT", c.segment FROM "MART"."SALES_FACT" f JOIN mart.customer c ON f.customer_id = c.customer_id',
      "redshift",
    );
    expect(summary(result.findings)).toEqual(["unapproved-join:warning:mart.sales_fact"]);
    expect(result.findings[0]?.message).toContain(
      "is a candidate in the Relationships that nobody has approved",
    );
  });

  it("reports writes to a read-only table and the default search path", () => {
    expect(
      summary(check("DELETE FROM mart.sales_fact WHERE sale_id = 1", "redshift").findings),
    ).toEqual(["write-not-allowed:error:mart.sales_fact"]);
    expect(summary(check("SELECT sale_id FROM sales_fact", "redshift").findings)).toEqual([
      "unknown-table:error:sales_fact",
    ]);
    expect(
      check("SELECT sale_id FROM sales_fact", "redshift", { searchPath: ["mart"] }).findings,
    ).toEqual([]);
  });

  it("does not resolve a Redshift table in the PostgreSQL dialect", () => {
    expect(summary(check("SELECT sale_id FROM mart.sales_fact").findings)).toEqual([
      "unknown-table:error:mart.sales_fact",
    ]);
  });
});

describe("checkSql on PartiQL (DynamoDB)", () => {
  it("passes an equality on the partition key of the table or of the index", () => {
    expect(check('SELECT * FROM "Orders" WHERE "pk" = ?', "partiql").findings).toEqual([]);
    expect(
      check('SELECT * FROM "Orders"."byCustomer" WHERE "customerId" = ?', "partiql").findings,
    ).toEqual([]);
    expect(check("SELECT * FROM Orders WHERE pk IN ('a', 'b')", "partiql").findings).toEqual([]);
  });

  it("reports a full scan with the table's keys and access patterns", () => {
    const [finding] = check('SELECT * FROM "Orders" WHERE "status" = ?', "partiql").findings;
    expect(finding).toMatchObject({
      rule: "full-scan",
      severity: "warning",
      concept: "commerce.orders",
      table: "Orders",
      column: "pk",
    });
    expect(finding?.message).toContain(
      "Keys: Table: partition key pk, sort key sk; GSI byCustomer: partition key customerId, sort key sk.",
    );
    expect(finding?.message).toContain("2. By `customerId`: `Query` on GSI `byCustomer`");
    const [index] = check('SELECT * FROM "Orders"."byCustomer" WHERE "pk" = ?', "partiql").findings;
    expect(index).toMatchObject({
      rule: "full-scan",
      table: "Orders.byCustomer",
      column: "customerId",
    });
  });

  it("reports unknown tables and indexes; names are case-sensitive", () => {
    expect(summary(check('SELECT * FROM "orders" WHERE pk = ?', "partiql").findings)).toEqual([
      'unknown-table:error:"orders"',
    ]);
    expect(
      summary(check('SELECT * FROM "Orders"."byStatus" WHERE pk = ?', "partiql").findings),
    ).toEqual(['unknown-table:error:"Orders"."byStatus"']);
  });

  it("reports parse errors with their position", () => {
    expect(() => check('SELECT * FROM "Orders" WHERE', "partiql")).toThrow(SqlParseError);
  });
});
