import { rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { writeBundle } from "../read/guard/guard-bundle.js";
import { guardSpecs } from "../read/guard/guard-fixtures.js";

let bundle: string;
let dir: string;

function sqlFile(name: string, sql: string): string {
  const file = join(dir, name);
  writeFileSync(file, sql);
  return file;
}

beforeAll(() => {
  bundle = writeBundle(guardSpecs);
  dir = dirname(bundle);
});

describe("okf check-sql", () => {
  it("exits 0 with only warnings, printing them per statement", async () => {
    const file = sqlFile(
      "warn.sql",
      "SELECT owner_email FROM sales.customer_account;\nSELECT 1 FROM sales.sales_order;",
    );
    const run = await runCli(["check-sql", file, "--bundle", bundle], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        "statement 1 (select): sales.crm.customer_account",
        "  warning sensitive-column  sales.customer_account.owner_email",
        "    sales.customer_account.owner_email is a sensitive field (pii.email, confirmed) used in the select list; mask it: hash (agent_usage: allowed_with_masking).",
        "    guidance: Use for account-level reporting only.",
        "      Hash owner_email before it leaves the query.",
        "statement 2 (select): sales.crm.sales_order",
        "0 errors, 1 warning in 2 statements.",
        "",
      ].join("\n"),
    );
  });

  it("exits 1 with an error finding, and prints JSON with --json", async () => {
    const file = sqlFile("error.sql", "SELECT * FROM legacy.customer_account_2019");
    const run = await runCli(["check-sql", file, "--bundle", bundle, "--json"], dir);
    expect(run.code).toBe(1);
    const document = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(document).toEqual({
      statements: [{ index: 1, kind: "select", tables: ["sales.crm.customer_account_2019"] }],
      findings: [
        {
          rule: "deprecated-table",
          severity: "error",
          statement: 1,
          concept: "sales.crm.customer_account_2019",
          table: "legacy.customer_account_2019",
          message:
            "legacy.customer_account_2019 is deprecated. Use sales.crm.customer_account instead (replaced_by).",
        },
      ],
    });
  });

  it("exits 2 for a parse error, with its line and column", async () => {
    const file = sqlFile("bad.sql", "SELECT 1;\nSELEC x FROM t");
    const run = await runCli(["check-sql", file, "--bundle", bundle], dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(
      "okf: The SQL cannot be parsed at line 2, column 1: Expected: an SQL statement, found: SELEC.",
    );
  });

  it("takes the dialect, the source, the search path and the config's guard policy", async () => {
    const mysql = sqlFile("shop.sql", "SELECT `Name` FROM Customer");
    expect(
      (await runCli(["check-sql", mysql, "--bundle", bundle, "--dialect", "mysql"], dir)).code,
    ).toBe(0);
    const postgres = sqlFile("path.sql", "SELECT order_id FROM sales_order");
    expect((await runCli(["check-sql", postgres, "--bundle", bundle], dir)).code).toBe(1);
    expect(
      (
        await runCli(
          [
            "check-sql",
            postgres,
            "--bundle",
            bundle,
            "--search-path",
            "finance, sales",
            "--source",
            "crm",
          ],
          dir,
        )
      ).code,
    ).toBe(0);
    const unknown = await runCli(
      ["check-sql", postgres, "--bundle", bundle, "--source", "nope"],
      dir,
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Pick one of: crm, dw, orders, shop.");
    writeFileSync(
      join(dir, "okf.config.yaml"),
      "bundle: knowledge\nguard:\n  require_approval: true\n  search_path: [sales]\nsources: []\n",
    );
    const draft = await runCli(
      ["check-sql", sqlFile("draft.sql", "SELECT 1 FROM opportunity"), "--json"],
      dir,
    );
    expect(draft.code).toBe(1);
    expect(JSON.parse(draft.stdout)).toMatchObject({
      findings: [{ rule: "unapproved-table", table: "sales.opportunity" }],
    });
    writeFileSync(
      join(dir, "okf.config.yaml"),
      "bundle: knowledge\nguard:\n  require_approval: yes please\n",
    );
    const broken = await runCli(["check-sql", postgres], dir);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain("guard.require_approval");
    rmSync(join(dir, "okf.config.yaml"));
  });

  it("refuses an unknown dialect, a missing file and input without statements", async () => {
    expect(
      (await runCli(["check-sql", "x.sql", "--bundle", bundle, "--dialect", "oracle"], dir)).code,
    ).toBe(2);
    const missing = await runCli(["check-sql", join(dir, "none.sql"), "--bundle", bundle], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("Cannot read the SQL file");
    const empty = await runCli(
      ["check-sql", sqlFile("empty.sql", "-- nothing\n"), "--bundle", bundle],
      dir,
    );
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain("no SQL statement");
  });

  it("masks what the detectors find before printing", async () => {
    const file = sqlFile("literal.sql", 'SELECT 1 FROM "alice.smith@example.org"');
    const run = await runCli(["check-sql", file, "--bundle", bundle, "--json"], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain("alice.smith@example.org");
    expect(run.stdout).toContain("a***@example.org");
  });

  it("documents the rules and exit codes in --help", async () => {
    const help = await runCli(["check-sql", "--help"], dir);
    expect(help.stdout).toContain("Exit codes: 0 no error findings");
    expect(help.stdout).toContain("--dialect <dialect>");
    expect(help.stdout).toContain("full-scan");
  });
});
