import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestDatabase,
  postgresServerAvailable,
  type TestDatabase,
} from "../helpers/postgres-database.js";
import { runCli, tempDir } from "../helpers/run-cli.js";

const config = `bundle: knowledge
sources:
  - name: crm
    type: postgres
    connection: \${CRM_URL}
    domain: sales
`;

describe("okf extract through the CLI", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("okf_cli");
    await db.admin(`
      CREATE SCHEMA open_data;
      CREATE TABLE open_data.readings (id int PRIMARY KEY, value numeric);
      CREATE SCHEMA secret;
      CREATE TABLE secret.salaries (id int PRIMARY KEY, amount numeric);
    `);
  });
  afterAll(async () => {
    await db.drop();
  });

  it("writes the readable schemas, reports the one without permission, and exits 3", async (context) => {
    if (!(await postgresServerAvailable())) context.skip();
    const reader = await db.createRole("okf_cli_reader");
    await db.admin(
      `GRANT USAGE ON SCHEMA open_data TO ${reader}; GRANT SELECT ON open_data.readings TO ${reader}`,
    );
    const dir = tempDir();
    writeFileSync(join(dir, "okf.config.yaml"), config);
    const run = await runCli(["extract"], dir, { CRM_URL: db.urlAs(reader) });
    expect(run.code).toBe(3);
    expect(run.stdout).toContain("crm [partial]: 1 created");
    expect(run.stdout).toMatch(/failed \(.*secret.*\)/);
    expect(run.stdout).toContain(`fix: GRANT USAGE ON SCHEMA "secret"`);
    expect(existsSync(join(dir, "knowledge", "crm", db.name, "open_data", "readings.md"))).toBe(
      true,
    );
    expect(existsSync(join(dir, "knowledge", "crm", db.name, "secret"))).toBe(false);
  });

  it("prints one JSON document on stdout with --json and progress on stderr", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "okf.config.yaml"), config);
    const run = await runCli(["extract", "--json"], dir, { CRM_URL: db.url });
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as {
      sources: Array<{ name: string; created: string[] }>;
    };
    expect(result.sources[0]?.created).toHaveLength(2);
    expect(run.stderr).toMatch(/^okf: .*catalog/m);
    const again = await runCli(["extract", "--dry-run"], dir, { CRM_URL: db.url });
    expect(again.stdout).toContain("Dry run: nothing was written");
    expect(again.stdout).toContain("0 created, 0 changed, 2 unchanged");
  });

  it("refuses a run while another holds the bundle lock, naming the holder", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "okf.config.yaml"), config);
    await runCli(["extract"], dir, { CRM_URL: db.url });
    const lock = {
      pid: process.pid,
      host: (await import("node:os")).hostname(),
      startedAt: new Date().toISOString(),
    };
    writeFileSync(join(dir, "knowledge", ".okf", "lock"), JSON.stringify(lock));
    const run = await runCli(["extract"], dir, { CRM_URL: db.url });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(String(process.pid));
    expect(readFileSync(join(dir, "knowledge", "log.md"), "utf8")).toContain("Created");
  });
});

describe("okf demo through the CLI", () => {
  it("writes the demo folder, says where, and the bundle validates", async () => {
    const cwd = tempDir();
    const run = await runCli(["demo", "--dir", "here"], cwd);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`The demo bundle is in ${join(cwd, "here", "knowledge")}`);
    expect(run.stdout).toContain("crm: 10 created");
    const validate = await runCli(["validate", "--config", "here/okf.config.yaml"], cwd);
    expect(validate.code).toBe(0);
    expect(validate.stdout).toMatch(/0 errors?, \d+ warnings?/);
    // The open sensitive-field decisions are the steward's: --strict makes them block.
    const strict = await runCli(["validate", "--config", "here/okf.config.yaml", "--strict"], cwd);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain("governance/pending-decision");
  });
});
