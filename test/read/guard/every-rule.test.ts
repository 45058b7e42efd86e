import { beforeAll, describe, expect, it } from "vitest";
import type { GuardDialect } from "../../../src/read/guard/check-sql.js";
import type { TableSpec } from "./guard-bundle.js";
import { guardChecker } from "./guard-fixtures.js";

/**
 * One small source per SQL dialect, each with a table for every rule: the same governance
 * written in a MySQL, a Redshift and a PostgreSQL bundle must give the same findings, whatever
 * the dialect's quoting and syntax.
 */
const dialects = [
  { dialect: "postgres", folder: "pg", type: "PostgreSQL Table", schema: "app" },
  { dialect: "mysql", folder: "my", type: "MySQL Table", schema: undefined },
  { dialect: "redshift", folder: "rs", type: "Redshift Table", schema: "mart" },
] as const;

function specsFor(entry: (typeof dialects)[number]): TableSpec[] {
  const spec = (
    table: string,
    rest: Omit<TableSpec, "path" | "type" | "id" | "database" | "schema" | "table">,
  ): TableSpec => ({
    path: `${entry.folder}/db/${table}.md`,
    type: entry.type,
    id: `${entry.folder}.${table}`,
    database: "db",
    ...(entry.schema === undefined ? {} : { schema: entry.schema }),
    table,
    ...rest,
  });
  return [
    spec("client", {
      columns: ["client_id", "email", "region_id", "nickname"],
      frontmatter: { agent_usage: "allowed_with_masking" },
      sensitive: [
        { field: "email", category: "pii.email", decision: "confirmed", masking: "hash" },
      ],
      joins: [
        {
          join: "client.region_id = region.region_id",
          with: "[region](region.md)",
          kind: "foreign key",
        },
        {
          join: "client.nickname = region.name",
          with: "[region](region.md)",
          kind: "inferred: same name",
          decision: "rejected",
        },
      ],
    }),
    spec("region", { columns: ["region_id", "name"], frontmatter: { agent_usage: "allowed" } }),
    spec("client_2019", {
      columns: ["client_id"],
      frontmatter: { approval_status: "deprecated", replaced_by: `${entry.folder}.client` },
    }),
    spec("draft_table", { columns: ["id"], frontmatter: { approval_status: "draft" } }),
    spec("stale_table", { columns: ["id"], frontmatter: { next_review_due: "2020-01-01" } }),
    spec("payroll", {
      columns: ["id", "salary"],
      frontmatter: { agent_usage: "prohibited" },
      prohibited: "Never read salaries; HR only.",
    }),
  ];
}

describe.each(dialects)("every guard rule in $dialect syntax", (entry) => {
  let check: Awaited<ReturnType<typeof guardChecker>>;
  const dialect: GuardDialect = entry.dialect;
  const q = (name: string) =>
    entry.dialect === "mysql"
      ? `\`db\`.\`${name}\``
      : entry.dialect === "redshift"
        ? `"MART"."${name.toUpperCase()}"` // Redshift folds quoted names too
        : `"${entry.schema}"."${name}"`;
  const rules = (sql: string) =>
    check(sql, dialect).findings.map((finding) => `${finding.rule}:${finding.severity}`);

  beforeAll(async () => {
    check = await guardChecker({ requireApproval: true }, specsFor(entry));
  });

  it("passes a foreign-key join of approved tables", () => {
    expect(
      rules(
        `SELECT c.client_id, r.name FROM ${q("client")} c JOIN ${q("region")} r ON r.region_id = c.region_id`,
      ),
    ).toEqual([]);
  });

  it("unknown-table", () => {
    expect(rules(`SELECT * FROM ${q("clients")}`)).toEqual(["unknown-table:error"]);
  });

  it("deprecated-table, naming the replacement", () => {
    const [finding] = check(`SELECT client_id FROM ${q("client_2019")}`, dialect).findings;
    expect(finding?.rule).toBe("deprecated-table");
    expect(finding?.message).toContain(`${entry.folder}.client`);
  });

  it("unapproved-table under a policy that requires approval", () => {
    expect(rules(`SELECT id FROM ${q("draft_table")}`)).toEqual(["unapproved-table:error"]);
  });

  it("stale", () => {
    expect(rules(`SELECT id FROM ${q("stale_table")}`)).toEqual(["stale:warning"]);
  });

  it("sensitive-column, with the masking rule, in a WHERE", () => {
    const [finding] = check(
      `SELECT client_id FROM ${q("client")} WHERE email = 'x'`,
      dialect,
    ).findings;
    expect(finding).toMatchObject({ rule: "sensitive-column", column: "email" });
    expect(finding?.message).toContain("hash");
  });

  it("unapproved-join: a rejected join is an error", () => {
    expect(
      rules(
        `SELECT c.client_id FROM ${q("client")} c JOIN ${q("region")} r ON r.name = c.nickname`,
      ),
    ).toEqual(["unapproved-join:error"]);
  });

  it("write-not-allowed, and a write where agent_usage allows it", () => {
    expect(rules(`UPDATE ${q("client")} SET nickname = 'n' WHERE client_id = 1`)).toEqual([
      "write-not-allowed:error",
    ]);
    expect(rules(`DELETE FROM ${q("region")} WHERE region_id = 1`)).toEqual([]);
  });

  it("prohibited-use, quoting the Prohibited Use section", () => {
    const [finding] = check(`SELECT id FROM ${q("payroll")}`, dialect).findings;
    expect(finding).toMatchObject({ rule: "prohibited-use", severity: "error" });
    expect(finding?.guidance).toContain("Never read salaries");
  });
});
