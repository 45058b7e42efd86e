import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { governanceFacts } from "../../src/read/concepts/governance-facts.js";
import { readConceptRecords } from "../../src/read/concepts/read-concept-records.js";
import { createExtractFixture, type ExtractFixture } from "../helpers/extract-fixture.js";
import { runCli } from "../helpers/run-cli.js";

const schema = `
CREATE SCHEMA sales;
CREATE TABLE sales.customer (customer_id int PRIMARY KEY, name text NOT NULL);
CREATE TABLE sales.customer_legacy (customer_no int PRIMARY KEY, name text);
CREATE TABLE sales.territory (territory_id int PRIMARY KEY, name text NOT NULL);
ANALYZE;
`;

/** The run dates of a night after night of extracts, from 2026-11-28. */
const night = (n: number) =>
  `2026-${n < 4 ? "11" : "12"}-${String(n < 4 ? 27 + n : n - 3).padStart(2, "0")}T02:00:00Z`;

/**
 * A person's `approval_status: deprecated` stands through regeneration until a person lifts it;
 * only a deprecation extract wrote itself (the object was gone) is lifted when the object returns.
 * A real PostgreSQL source (PGlite when no server answers).
 */
describe("deprecation through regeneration", () => {
  let fixture: ExtractFixture;
  const file = (table: string) => `crm/${fixture.db.name}/sales/${table}.md`;
  const conceptState = (table: string): Record<string, unknown> | undefined => {
    const state = JSON.parse(
      readFileSync(join(fixture.bundle, ".okf", "state", "crm.json"), "utf8"),
    ) as { concepts: Record<string, Record<string, unknown>> };
    return state.concepts[file(table)];
  };

  beforeAll(async () => {
    fixture = await createExtractFixture("okf_deprecation", schema);
    expect((await fixture.extract()).exitCode).toBe(0);
  });
  afterAll(async () => {
    await fixture.db.drop();
  });

  it("keeps a person's deprecation and replaced_by through ten runs and a source change", async () => {
    fixture.write(
      file("customer_legacy"),
      fixture
        .read(file("customer_legacy"))
        .replace(
          "approval_status: draft\nstatus: draft",
          "approval_status: deprecated\nreplaced_by: sales.crm.customer\nstatus: deprecated",
        ),
    );
    const deprecated = fixture.read(file("customer_legacy"));
    for (let n = 1; n <= 10; n++) {
      const run = await fixture.extract({ now: night(n) });
      expect(run.exitCode).toBe(0);
      expect(run.sources[0]?.deprecated).toEqual([]);
      expect(fixture.read(file("customer_legacy"))).toContain(
        "approval_status: deprecated\nreplaced_by: sales.crm.customer\n",
      );
    }
    expect(conceptState("customer_legacy")?.deprecatedBy).toBe("person");

    await fixture.db.admin("ALTER TABLE sales.customer_legacy ADD COLUMN region text");
    const changed = await fixture.extract({ now: night(11) });
    expect(changed.sources[0]?.changed).toEqual([file("customer_legacy")]);
    const after = fixture.read(file("customer_legacy"));
    expect(after).toContain("| region | text | yes |");
    expect(after).toContain(
      "approval_status: deprecated\nreplaced_by: sales.crm.customer\nstatus: deprecated\n",
    );
    // Only the machine's description and generated.at moved: every key a person owns is as it was.
    expect(after).toContain("with 3 columns");
    const keys = (text: string) =>
      text
        .slice(0, text.indexOf("\n---\n"))
        .replace(/\n {2}at: .*/g, "")
        .replace(/\ndescription: .*/, "");
    expect(keys(after)).toBe(keys(deprecated));
    const log = fixture.read("log.md");
    expect(log).toContain("+ column region");
    expect(log).not.toContain("needs_review");
  });

  it("tells agents and `okf status` which concept to use instead", async () => {
    const records = await readConceptRecords(fixture.bundle, new Date(night(11)));
    const legacy = records.find((record) => record.path === file("customer_legacy"));
    expect(legacy?.governance).toMatchObject({
      deprecated: true,
      replacedBy: "sales.crm.customer",
    });
    const facts = legacy && governanceFacts(legacy);
    expect(facts?.replaced_by).toBe("sales.crm.customer");
    expect(facts?.warnings[0]).toBe(
      "WARNING: deprecated: use sales.crm.customer instead — do not query this one or rely on its description.",
    );
    expect(facts?.warnings.join("\n")).not.toContain("needs_review");

    const status = await runCli(["status"], fixture.dir);
    expect(status.stdout).toContain(
      `Deprecated: 1\n  ${file("customer_legacy")}  use sales.crm.customer instead\n`,
    );
    const validate = await runCli(["validate"], fixture.dir);
    expect(validate.stdout).not.toContain("governance/replaced-by");
  });

  it("lifts a deprecation extract wrote when the object comes back", async () => {
    await fixture.db.admin("DROP TABLE sales.territory");
    const dropped = await fixture.extract({ now: night(12) });
    expect(dropped.sources[0]?.deprecated).toEqual([file("territory")]);
    expect(conceptState("territory")?.deprecatedBy).toBe("extract");
    // A second night without it changes nothing, and keeps the record of who deprecated it.
    await fixture.extract({ now: night(13) });
    expect(conceptState("territory")?.deprecatedBy).toBe("extract");

    await fixture.db.admin(
      "CREATE TABLE sales.territory (territory_id int PRIMARY KEY, name text NOT NULL)",
    );
    const back = await fixture.extract({ now: night(14) });
    expect(back.sources[0]?.changed).toEqual([file("territory")]);
    const text = fixture.read(file("territory"));
    expect(text).toContain("approval_status: needs_review\n");
    expect(text).toContain("status: draft\n");
    expect(fixture.read("log.md")).toContain("approval_status: deprecated → needs_review");
    expect(conceptState("territory")?.deprecatedBy).toBeUndefined();
  });

  it("reads a state from before okf recorded who deprecated a file", async () => {
    await fixture.db.admin("DROP TABLE sales.territory");
    await fixture.extract({ now: night(15) });
    // As an earlier release left it: the file deprecated, the state without `deprecatedBy`.
    const statePath = join(fixture.bundle, ".okf", "state", "crm.json");
    const state = JSON.parse(readFileSync(statePath, "utf8")) as {
      concepts: Record<string, Record<string, unknown>>;
    };
    for (const entry of Object.values(state.concepts)) delete entry.deprecatedBy;
    fixture.write(".okf/state/crm.json", `${JSON.stringify(state, null, 1)}\n`);

    await fixture.extract({ now: night(16) });
    // The object is gone: extract most likely wrote the deprecation; the person's stays theirs.
    expect(conceptState("territory")?.deprecatedBy).toBe("extract");
    expect(conceptState("customer_legacy")?.deprecatedBy).toBe("person");
    await fixture.db.admin("CREATE TABLE sales.territory (territory_id int PRIMARY KEY)");
    await fixture.extract({ now: night(17) });
    expect(fixture.read(file("territory"))).toContain("approval_status: needs_review\n");
    expect(fixture.read(file("customer_legacy"))).toContain("approval_status: deprecated\n");
  });

  it("lets a person lift their deprecation", async () => {
    fixture.write(
      file("customer_legacy"),
      fixture
        .read(file("customer_legacy"))
        .replace(
          "approval_status: deprecated\nreplaced_by: sales.crm.customer\nstatus: deprecated",
          "approval_status: needs_review\nstatus: draft",
        ),
    );
    await fixture.extract({ now: night(18) });
    expect(fixture.read(file("customer_legacy"))).toContain("approval_status: needs_review\n");
    expect(conceptState("customer_legacy")?.deprecatedBy).toBeUndefined();
  });
});
