import { readdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateBundle } from "../../src/read/validate/index.js";
import { createExtractFixture, type ExtractFixture } from "../helpers/extract-fixture.js";
import { runCli } from "../helpers/run-cli.js";

const schema = `
CREATE SCHEMA "Sales Ops";
CREATE SCHEMA "../etc";
CREATE TABLE "Sales Ops"."Users" (id int PRIMARY KEY, "e-mail" text);
CREATE TABLE "Sales Ops".users (id int PRIMARY KEY, manager_id int);
CREATE TABLE "Sales Ops"."Order Items" (id int PRIMARY KEY, user_id int REFERENCES "Sales Ops".users, "prix_€" numeric(12,2));
CREATE TABLE "Sales Ops"."a/b" (id int PRIMARY KEY);
CREATE TABLE "Sales Ops"."select" ("order" int PRIMARY KEY, "quoted ""name""" text);
CREATE TABLE "../etc"."passwd" (id int PRIMARY KEY);
CREATE TABLE "../etc".".." (id int PRIMARY KEY, passwd_id int REFERENCES "../etc".passwd);
CREATE TABLE "../etc"."index" (id int PRIMARY KEY);
-- a foreign-key cycle between two tables
CREATE TABLE "Sales Ops".team (id int PRIMARY KEY, lead_id int);
ALTER TABLE "Sales Ops".users ADD FOREIGN KEY (manager_id) REFERENCES "Sales Ops".team;
ALTER TABLE "Sales Ops".team ADD FOREIGN KEY (lead_id) REFERENCES "Sales Ops".users;
COMMENT ON TABLE "Sales Ops"."Order Items" IS 'Line items | with a pipe
and a second line';
ANALYZE;
`;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

describe("awkward identifiers through the whole pipeline", () => {
  let fixture: ExtractFixture;
  beforeAll(async () => {
    fixture = await createExtractFixture("okf_awkward", schema);
  });
  afterAll(async () => {
    await fixture.db.drop();
  });

  it("writes every object to a slug path inside the bundle, with working links, and validates", async () => {
    const result = await fixture.extract();
    expect(result.exitCode).toBe(0);
    const created = result.sources[0]?.created ?? [];
    expect(created).toHaveLength(9);
    for (const path of created) {
      expect(resolve(fixture.bundle, path).startsWith(fixture.bundle + "/")).toBe(true);
      for (const segment of path.split("/"))
        expect(segment).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/);
    }
    const lowerCased = created.map((path) => path.toLowerCase());
    expect(new Set(lowerCased).size).toBe(created.length);
    expect(filesUnder(fixture.bundle).every((file) => !file.includes(".."))).toBe(true);

    const users = created.find((path) => path.endsWith("/users.md")) ?? "";
    const text = fixture.read(users);
    expect(text).toContain("title: users");
    expect(text).toMatch(/schema: Sales Ops/);
    expect(text).toMatch(/`manager_id` → \[team\]\(team\.md\) `id`/);
    expect(text).toMatch(/\[team\]\(team\.md\) `lead_id` → `id`/);

    // `Users."e-mail"` is a sensitive field awaiting a steward's decision: that is the only
    // kind of finding allowed here, and no link may be broken.
    const report = await validateBundle(fixture.bundle, {});
    expect(report.errorCount).toBe(0);
    expect(new Set(report.findings.map((f) => f.rule))).toEqual(
      new Set(["governance/pii-agent-usage", "governance/pending-decision"]),
    );
  });

  it("prints the validation report as JSON", async () => {
    await fixture.extract();
    const run = await runCli(["validate", "--json"], fixture.dir);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ errorCount: 0, warningCount: 2 });
  });
});
