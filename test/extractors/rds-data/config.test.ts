import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../../helpers/run-cli.js";
import { createTestDatabase } from "../../helpers/postgres-database.js";
import { clusterArn, secretArn, startDouble } from "./support.js";

function project(source: Record<string, string>): string {
  const dir = tempDir("okf-rds-config-");
  const lines = Object.entries(source).map(([key, value]) => `    ${key}: ${value}`);
  writeFileSync(
    join(dir, "okf.config.yaml"),
    ["bundle: knowledge", "sources:", "  - name: aurora", ...lines, ""].join("\n"),
  );
  return dir;
}

const valid = {
  type: "rds-data",
  region: "eu-west-1",
  resource_arn: clusterArn,
  secret_arn: secretArn,
  database: "crm_prod",
  engine: "postgres",
};

describe("an rds-data source with bad configuration", () => {
  it.each([
    [
      "an instance ARN instead of a cluster ARN",
      { resource_arn: "arn:aws:rds:eu-west-1:123456789012:db:crm-prod-1" },
      "sources[0].resource_arn: must be an Aurora cluster ARN",
    ],
    [
      "a secret name instead of its ARN",
      { secret_arn: "okf-reader" },
      "sources[0].secret_arn: must be a Secrets Manager secret ARN",
    ],
    [
      "a region other than the cluster's",
      { region: "us-east-1" },
      "sources[0].region: must be the cluster's region (eu-west-1, from resource_arn)",
    ],
    ["an engine the Data API does not serve", { engine: "oracle" }, "sources[0].engine"],
    ["no database", { database: "" }, "sources[0].database"],
  ])("rejects %s before calling AWS", async (_case, change, message) => {
    const run = await runCli(["extract"], project({ ...valid, ...change }));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("okf extract and okf validate on an rds-data source", () => {
  it("extracts through the Data API and validates cleanly, exit code 0 both times", async () => {
    const db = await createTestDatabase("rds_cli");
    await db.admin(
      "CREATE TABLE public.customer (id int PRIMARY KEY, email text); COMMENT ON TABLE public.customer IS 'Customers.';",
    );
    const double = startDouble(db);
    try {
      const dir = project({ ...valid, database: db.name });
      const extract = await runCli(["extract"], dir);
      expect(extract.stderr).not.toMatch(/failed/i);
      expect(extract.code).toBe(0);
      const validate = await runCli(["validate", "knowledge"], dir);
      expect(validate.code).toBe(0);
      const file = readFileSync(
        join(dir, "knowledge/aurora", db.name, "public/customer.md"),
        "utf8",
      );
      expect(file).toContain("type: PostgreSQL Table");
      expect(file).toContain(`resource: ${clusterArn}/${db.name}/public/customer`);
      expect(file).toContain(
        "title: PostgreSQL catalog (pg_catalog, pg_stats, pg_stat_user_tables)",
      );
    } finally {
      await double.stop();
      await db.drop();
    }
  });
});
