import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createExtractFixture, type ExtractFixture } from "../helpers/extract-fixture.js";

const schema = `
  CREATE TABLE plan (plan_id int PRIMARY KEY, name text);
  CREATE TABLE tier (tier_id int PRIMARY KEY);
  INSERT INTO plan VALUES (1, 'basic');
  ANALYZE;`;

let fixture: ExtractFixture;
const log = () => readFileSync(join(fixture.bundle, "log.md"), "utf8");
const link = (table: string) => `[${table}](crm/${fixture.db.name}/public/${table}.md)`;

describe("log.md entries", () => {
  beforeAll(async () => {
    fixture = await createExtractFixture("log_entries", schema);
    expect((await fixture.extract({ now: "2026-11-27T02:00:00Z" })).exitCode).toBe(0);
  });
  afterAll(() => fixture.db.drop());

  it("say the UTC time of the run, and what each file is", () => {
    expect(log()).toBe(
      [
        "# Knowledge Update Log",
        "",
        "## 2026-11-27",
        "",
        `- Created ${link("plan")} at 02:00:00 UTC: table, 2 columns`,
        `- Created ${link("tier")} at 02:00:00 UTC: table, 1 column`,
        "",
      ].join("\n"),
    );
  });

  it("say per file what changed: the structure, then the sections and frontmatter", async () => {
    await fixture.db.admin(`
      ALTER TABLE plan ADD COLUMN price int;
      COMMENT ON TABLE plan IS 'Plans on sale.';`);
    await fixture.extract({ now: "2026-11-28T03:04:05Z" });
    await fixture.db.admin(
      "INSERT INTO plan SELECT g, 'plan ' || g, g FROM generate_series(2, 400) g; ANALYZE plan;",
    );
    await fixture.extract({ now: "2026-11-28T17:45:09Z" });
    const [, today] = log().split("## 2026-11-28\n\n");
    expect(today?.split("\n\n")[0]?.split("\n")).toEqual([
      `- Changed ${link("plan")} at 17:45:09 UTC: updated Summary, Schema, Data Quality, Usage and Freshness`,
      `- Changed ${link("plan")} at 03:04:05 UTC: + column price; updated Summary, Schema, Data Quality; frontmatter description`,
    ]);
  });

  it("are not written by a run that changes nothing", async () => {
    const before = log();
    const result = await fixture.extract({ now: "2026-11-29T02:00:00Z" });
    expect(result.sources[0]?.changed).toEqual([]);
    expect(result.filesWritten).toBe(0);
    expect(log()).toBe(before);
  });
});
