import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createExtractFixture, type ExtractFixture } from "../helpers/extract-fixture.js";
import { runCli } from "../helpers/run-cli.js";

/**
 * A person's text that looks like okf's markers is the person's (issue 12): an okf marker pair
 * inside fenced code is an example, and a region okf does not generate (`notes`) is their own.
 */

const fence = "```";
const schema = `
CREATE SCHEMA app;
CREATE TABLE app.note (id int PRIMARY KEY, body text);
INSERT INTO app.note SELECT g, 'row ' || g FROM generate_series(1, 20) g;
ANALYZE;
`;

describe("a person's marker-like text survives extract", () => {
  let fixture: ExtractFixture;
  const table = () => `crm/${fixture.db.name}/app/note.md`;

  beforeAll(async () => {
    fixture = await createExtractFixture("okf_person_markers", schema);
    expect((await fixture.extract()).exitCode).toBe(0);
  });
  afterAll(async () => {
    await fixture.db.drop();
  });

  it("keeps a person's fenced marker example and own notes region byte for byte, and still updates generated regions", async () => {
    const caveats = [
      "## Caveats",
      "To hide a region from okf, do not do this:",
      "",
      `${fence}markdown`,
      "<!-- okf:begin schema -->",
      "| hand-made | table |",
      "<!-- okf:end schema -->",
      fence,
      "",
      "~~~",
      "<!-- okf:end summary -->",
      "~~~",
      "",
      "<!-- okf:begin notes -->",
      "My own notes: ask the billing team first.",
      "<!-- okf:end notes -->",
    ].join("\n");
    const edited = fixture.read(table()).replace("## Caveats\n_Owner to write._", caveats);
    expect(edited).toContain(caveats);
    fixture.write(table(), edited);
    const check = await runCli(["validate", "--json"], fixture.dir);
    expect(check.code, check.stdout).toBe(0);

    await fixture.db.admin("ALTER TABLE app.note ADD COLUMN region text");
    const next = await fixture.extract({ now: "2026-11-30T02:00:00Z" });
    expect(next.exitCode).toBe(0);
    expect(next.sources[0]?.changed).toContain(table());
    const after = fixture.read(table());
    expect(after).toContain("| region | text | yes |");
    expect(after).toContain(`\n${caveats}\n`);
    const sliceFrom = (text: string) =>
      text.slice(
        text.indexOf("## Business Meaning"),
        text.indexOf("<!-- okf:begin schema -->\n## Schema"),
      );
    expect(sliceFrom(after)).toBe(sliceFrom(edited));
    const again = await fixture.extract({ now: "2026-12-01T02:00:00Z" });
    expect(again.exitCode).toBe(0);
    expect(again.sources[0]?.changed).toEqual([]);
    expect(fixture.read(table())).toBe(after);
  });
});
