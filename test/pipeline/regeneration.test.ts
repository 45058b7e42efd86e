import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { BundleLockedError } from "../../src/errors.js";
import { createExtractFixture, type ExtractFixture } from "../helpers/extract-fixture.js";

const schema = `
CREATE SCHEMA sales;
CREATE TABLE sales.territory (territory_id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE sales.account (
  account_id bigint PRIMARY KEY,
  name text NOT NULL,
  segment text,
  territory_id integer REFERENCES sales.territory
);
COMMENT ON TABLE sales.account IS 'Customer accounts.';
COMMENT ON COLUMN sales.account.segment IS 'Commercial segment';
COMMENT ON COLUMN sales.account.name IS 'Legal name';
INSERT INTO sales.territory SELECT g, 'T' || g FROM generate_series(1, 10) g;
INSERT INTO sales.account SELECT g, 'Account ' || g, CASE WHEN g % 10 = 0 THEN NULL ELSE 'smb' END, 1 + g % 10 FROM generate_series(1, 1000) g;
ANALYZE;
`;

const account = "crm/" + "DB/sales/account.md";
let fixture: ExtractFixture;
const fixtures: ExtractFixture[] = [];
const path = () => account.replace("DB", fixture.db.name);

beforeEach(async () => {
  fixture = await createExtractFixture("okf_regen", schema);
  fixtures.push(fixture);
  const first = await fixture.extract();
  expect(first.exitCode).toBe(0);
  expect(first.sources[0]?.created).toContain(path());
});

afterAll(async () => {
  await Promise.all(fixtures.map((f) => f.db.drop()));
});

describe("regeneration keeps people's work (docs/regeneration.md)", () => {
  it("1. keeps text outside markers byte for byte, in place", async () => {
    const original = fixture.read(path());
    const edited = original
      .replace(
        /_Owner to write: what one row[^\n]*/,
        "One row per **paying** customer.\n\nSee also the CRM handbook.",
      )
      .replace(
        "<!-- okf:begin keys -->",
        "A note between two generated sections.\n\n<!-- okf:begin keys -->",
      )
      .concat("\n## Steward notes\nReviewed with finance.\n");
    fixture.write(path(), edited);
    await fixture.db.admin("ALTER TABLE sales.account ADD COLUMN region text");
    const result = await fixture.extract({ now: "2026-11-28T02:00:00Z" });
    expect(result.sources[0]?.changed).toContain(path());
    const after = fixture.read(path());
    expect(after).toContain("| region | text | yes |");
    const outside = (text: string) =>
      text
        .replace(/<!-- okf:begin (\S+) -->[\s\S]*?<!-- okf:end \1 -->/g, "<$1>")
        .replace(/^---[\s\S]*?---\n/, "");
    expect(outside(after)).toBe(outside(edited));
  });

  it("2. never changes human-owned keys and keeps unknown ones", async () => {
    const edited = fixture
      .read(path())
      .replace(
        "steward: data-platform-team",
        'steward: maria.lopez\nowner: revenue-operations\nteam_channel: "#crm-data"',
      )
      .replace(/^classification: \w+$/m, "classification: confidential");
    fixture.write(path(), edited);
    await fixture.db.admin(
      "COMMENT ON TABLE sales.account IS 'Accounts synchronised from Salesforce.'",
    );
    await fixture.extract({ now: "2026-11-28T02:00:00Z" });
    const after = fixture.read(path());
    expect(after).toContain(
      'steward: maria.lopez\nowner: revenue-operations\nteam_channel: "#crm-data"',
    );
    expect(after).toContain("classification: confidential");
    expect(after).toContain("description: Accounts synchronised from Salesforce.");
  });

  it("3. keeps an edited Description cell while the column exists, and reports the new comment", async () => {
    fixture.write(
      path(),
      fixture.read(path()).replace("| Commercial segment |", "| Segment as sold (smb, mid, ent) |"),
    );
    await fixture.db.admin(
      "COMMENT ON COLUMN sales.account.segment IS 'Segment v2'; COMMENT ON COLUMN sales.account.name IS 'Registered legal name'",
    );
    const result = await fixture.extract({ now: "2026-11-28T02:00:00Z" });
    const after = fixture.read(path());
    expect(after).toContain("| Segment as sold (smb, mid, ent) |");
    expect(after).toContain("| Registered legal name |");
    expect(result.sources[0]?.notes.map((n) => n.note).join("\n")).toContain(
      'description of segment kept as edited; the source comment is now "Segment v2"',
    );
  });

  it("5. leaves files with broken YAML or markers untouched, goes on, and says so in the exit code", async () => {
    const territory = path().replace("account", "territory");
    const brokenYaml = fixture.read(path()).replace("title: account", "title: [account");
    const brokenMarkers = fixture.read(territory).replace("<!-- okf:end schema -->", "");
    fixture.write(path(), brokenYaml);
    fixture.write(territory, brokenMarkers);
    await fixture.db.admin(
      "CREATE TABLE sales.region (region_id int PRIMARY KEY); ALTER TABLE sales.account ADD COLUMN x int; ALTER TABLE sales.territory ADD COLUMN y int",
    );
    const result = await fixture.extract({ now: "2026-11-28T02:00:00Z" });
    expect(result.exitCode).toBe(1);
    expect(result.unparseable.map((u) => u.file).sort()).toEqual([path(), territory].sort());
    expect(result.unparseable[0]?.message).toMatch(/left untouched/);
    expect(fixture.read(path())).toBe(brokenYaml);
    expect(fixture.read(territory)).toBe(brokenMarkers);
    expect(result.sources[0]?.created).toContain(path().replace("account", "region"));
  });

  it("6. is deterministic: an unchanged source writes nothing, and small row-count noise is rounded away", async () => {
    const before = fixture.read(path());
    const again = await fixture.extract({ now: "2026-11-29T02:00:00Z" });
    expect(again.filesWritten).toBe(0);
    expect(again.sources[0]?.unchanged.length).toBe(2);
    // The foreign-key checks then use territory's index (1K scans, rounded) rather than adding
    // sequential scans to a 10-row table: that would be a real change of territory's counters.
    await fixture.db.admin(
      "BEGIN; SET LOCAL enable_seqscan = off; INSERT INTO sales.account SELECT g, 'Account ' || g, 'smb', 1 FROM generate_series(1001, 1004) g; COMMIT; ANALYZE sales.account",
    );
    await fixture.extract({ now: "2026-11-30T02:00:00Z" });
    // Row counts, sizes and activity are rounded away; the id range is a small integer range,
    // printed exactly (issue 13), so it is the one true change, with the date of the run.
    const exactRange = (text: string) =>
      text.replace(/^ {2}at: ".*"$/m, "").replace(/(\| account_id \|[^\n]*range 1 … )\d+/, "$1N");
    expect(exactRange(fixture.read(path()))).toBe(exactRange(before));
    expect(fixture.read(path())).toMatch(/\| account_id \|[^\n]*range 1 … 1004 \|/);
  });

  it("7. refuses a second concurrent run and leaves no temporary files", async () => {
    const runs = await Promise.allSettled([fixture.extract(), fixture.extract()]);
    const refused = runs.filter((r) => r.status === "rejected");
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toBeInstanceOf(BundleLockedError);
    const leftovers = readdirSync(join(fixture.bundle, "crm", fixture.db.name, "sales")).filter(
      (f) => !f.endsWith(".md"),
    );
    expect(leftovers).toEqual([]);
    expect(existsSync(join(fixture.bundle, ".okf", "lock"))).toBe(false);
  });

  it("8. deprecates a dropped object instead of deleting it, and sends it back to review when it returns", async () => {
    const territory = path().replace("account", "territory");
    await fixture.db.admin(
      "ALTER TABLE sales.account DROP COLUMN territory_id; DROP TABLE sales.territory",
    );
    const result = await fixture.extract({ now: "2026-11-28T02:00:00Z" });
    expect(result.sources[0]?.deprecated).toEqual([territory]);
    expect(fixture.read(territory)).toMatch(
      /approval_status: deprecated\n[\s\S]*status: deprecated/,
    );
    expect(fixture.read("log.md")).toMatch(/## 2026-11-28\n\n[\s\S]*Deprecated \[territory\]/);
    expect(fixture.read("crm/" + fixture.db.name + "/sales/index.md")).toMatch(
      /## Deprecated\n\n\* \[territory\]/,
    );
    await fixture.db.admin(
      "CREATE TABLE sales.territory (territory_id integer PRIMARY KEY, name text NOT NULL)",
    );
    await fixture.extract({ now: "2026-11-29T02:00:00Z" });
    expect(fixture.read(territory)).toContain("approval_status: needs_review");
  });

  it("moves an approved file to needs_review when its columns change, and logs what changed", async () => {
    fixture.write(
      path(),
      fixture
        .read(path())
        .replace(
          "approval_status: draft\nstatus: draft",
          "approval_status: approved\nstatus: stable",
        ),
    );
    await fixture.db.admin(
      "ALTER TABLE sales.account ALTER COLUMN segment TYPE varchar(20); ALTER TABLE sales.account ADD COLUMN region text",
    );
    await fixture.extract({ now: "2026-11-28T02:00:00Z" });
    expect(fixture.read(path())).toContain("approval_status: needs_review\n");
    const log = fixture.read("log.md");
    expect(log).toContain("+ column region");
    expect(log).toContain("segment: text → character varying(20)");
  });

  it("writes nothing on --dry-run but reports what would change", async () => {
    await fixture.db.admin("ALTER TABLE sales.account ADD COLUMN region text");
    const before = fixture.read(path());
    const result = await fixture.extract({ now: "2026-11-28T02:00:00Z", dryRun: true });
    expect(result.sources[0]?.changed).toEqual([path()]);
    expect(result.filesWritten).toBe(0);
    expect(fixture.read(path())).toBe(before);
  });
});
