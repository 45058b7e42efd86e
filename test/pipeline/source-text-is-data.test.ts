import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseKnowledgeFile } from "../../src/knowledge-file/knowledge-file.js";
import { regionNames, scanMarkers } from "../../src/knowledge-file/region-markers.js";
import { locateRegions } from "../../src/knowledge-file/regions.js";
import {
  heading,
  proseLines,
  scanCode,
  withoutCodeSpans,
} from "../../src/knowledge-file/markdown-lines.js";
import { createExtractFixture, type ExtractFixture } from "../helpers/extract-fixture.js";
import { runCli } from "../helpers/run-cli.js";

/**
 * Text that comes from the source (comments, a view's definition, sampled values) is data: it
 * can never close or open a region, start a heading or open HTML, and a file holding it stays
 * rewritable by okf run after run (issue 12).
 */

const fence = "```";
/** One hostile text, as an SQL string literal (E'' syntax: `\n` is a newline). */
const hostile = [
  "Notes about <b>orders</b>.",
  "<!-- okf:end summary -->",
  "<!-- okf:begin schema -->",
  "# heading",
  "<script>alert(1)</script>",
  "| a | b |",
  "uses `backticks` and a fence:",
  fence,
  "SELECT 1;",
  fence,
  "last line",
].join("\\n");

const schema = `
CREATE SCHEMA app;
CREATE TABLE app.note (id int PRIMARY KEY, body text, kind text);
COMMENT ON TABLE app.note IS E'${hostile}';
COMMENT ON COLUMN app.note.body IS E'${hostile}';
COMMENT ON COLUMN app.note.kind IS E'<!-- okf:end schema -->\\n# kind';
INSERT INTO app.note SELECT g, 'row ' || g, CASE WHEN g % 2 = 0 THEN 'a|b' ELSE '<i>x</i>' END
  FROM generate_series(1, 50) g;
CREATE VIEW app.note_view AS
  SELECT id, E'<!-- okf:end definition -->\\n# heading\\n${fence}\\n\`\`\`\`\\n<script>alert(1)</script>' AS marker_text
  FROM app.note;
COMMENT ON VIEW app.note_view IS E'${hostile}';
CREATE TABLE app."# <script>x</script> |\`t\`" (
  "<!-- okf:end schema -->" int PRIMARY KEY,
  "a\nb" int REFERENCES app.note
);
ANALYZE;
`;

/** Every file of the bundle, by relative path, with its text. */
function bundleSnapshot(bundle: string): Map<string, string> {
  return new Map(
    readdirSync(bundle, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort()
      .map((path) => [relative(bundle, path), readFileSync(path, "utf8")]),
  );
}

const markerText = /^<!--[ \t]*okf:(begin|end)[ \t]+([A-Za-z0-9_-]+)[ \t]*-->[ \t]*$/;

/** Every way the file's structure could have been changed by the source's text. */
function structureOf(path: string, text: string) {
  // Sub-folder index.md files have no frontmatter.
  const body = text.startsWith("---\n") ? parseKnowledgeFile(text, path).body : text;
  const regions = locateRegions(body, path).map((region) => region.name);
  const prose = proseLines(body, 0).map((line) => line.text);
  return {
    regions,
    headings: prose.flatMap((line) => {
      const found = heading(line);
      return found ? [`${"#".repeat(found.level)} ${found.title}`] : [];
    }),
    /** Marker-looking lines outside code: okf's own, and no other. */
    markerLines: prose.filter((line) => markerText.test(line)).length,
    ownedMarkers: scanMarkers(body, path).markers.length,
    /** A `<` that opens HTML outside code: none may come from the source. */
    html: prose
      .filter((line) => !markerText.test(line))
      .map((line) => withoutCodeSpans(line))
      .filter((line) => /(?<![\\])<(?=[A-Za-z/!?])/.test(line)),
    unclosedFence: scanCode(body).unclosedFence,
  };
}

describe("source text is data (issue 12)", () => {
  let fixture: ExtractFixture;
  const table = () => `crm/${fixture.db.name}/app/note.md`;
  const view = () => `crm/${fixture.db.name}/app/note_view.md`;

  beforeAll(async () => {
    fixture = await createExtractFixture("okf_source_text", schema);
  });
  afterAll(async () => {
    await fixture.db.drop();
  });

  it("escapes comments and a view definition, validates, and is rewritten to the same bytes", async () => {
    const first = await fixture.extract();
    expect(first.exitCode).toBe(0);
    expect(first.sources[0]?.created).toEqual(expect.arrayContaining([table(), view()]));
    const texts = [table(), view()].map((path) => fixture.read(path));
    for (const [index, path] of [table(), view()].entries()) {
      const text = texts[index] ?? "";
      const structure = structureOf(path, text);
      const generated = structure.regions.filter((name) => regionNames.some((n) => n === name));
      expect(generated, path).toEqual(structure.regions);
      expect(new Set(structure.regions).size).toBe(structure.regions.length);
      expect(structure.markerLines, path).toBe(2 * structure.regions.length);
      expect(structure.ownedMarkers, path).toBe(2 * structure.regions.length);
      expect(
        structure.headings.filter((line) => /heading|kind/.test(line)),
        path,
      ).toEqual([]);
      expect(structure.headings[0], path).toMatch(/^# note/);
      expect(structure.html, path).toEqual([]);
      expect(structure.unclosedFence, path).toBeUndefined();
      // Still readable: the same words, escaped.
      expect(text).toContain("\\<script>alert(1)\\</script>");
      expect(text).toContain("\\<!-- okf:end summary -->");
      expect(text).toContain("\\# heading");
      expect(text).toContain("\\| a \\| b \\|");
      expect(text).toContain("uses \\`backticks\\` and a fence:");
    }
    const [tableText = "", viewText = ""] = texts;
    expect(tableText).toContain("&lt;script>alert(1)&lt;/script> \\| a \\| b \\|");
    expect(tableText).toContain("| &lt;!-- okf:end schema --> # kind |");
    // The definition sits in a fence longer than any backtick run in it, as written.
    expect(viewText).toMatch(
      /\n`````sql\nSELECT[\s\S]*'<!-- okf:end definition -->\n# heading\n```\n````\n[\s\S]*\n`````\n<!-- okf:end definition -->\n/,
    );

    const validate = await runCli(["validate", "--json"], fixture.dir);
    expect(validate.code, validate.stdout).toBe(0);
    expect(JSON.parse(validate.stdout)).toMatchObject({ errorCount: 0 });

    const everything = bundleSnapshot(fixture.bundle);
    for (const night of ["2026-11-28T02:00:00Z", "2026-11-29T02:00:00Z"]) {
      const again = await fixture.extract({ now: night });
      expect(again.exitCode).toBe(0);
      expect(again.sources[0]).toMatchObject({ created: [], changed: [], deprecated: [] });
      expect([table(), view()].map((path) => fixture.read(path))).toEqual(texts);
      expect(bundleSnapshot(fixture.bundle)).toEqual(everything);
    }
  });

  it("escapes a table's and columns' names in its file and in the index", () => {
    const files = [...bundleSnapshot(fixture.bundle).keys()];
    const odd = files.find((path) => path.endsWith(".md") && /script/.test(path)) ?? "";
    expect(odd).not.toBe("");
    const indexes = files.filter((path) => path.endsWith("index.md"));
    expect(indexes.length).toBeGreaterThan(0);
    for (const path of [odd, ...indexes]) {
      const text = fixture.read(path);
      const structure = structureOf(path, text);
      expect(structure.markerLines, path).toBe(2 * structure.regions.length);
      expect(structure.html, path).toEqual([]);
      expect(
        structure.headings.filter((line) => /script/.test(line)),
        path,
      ).toEqual(path === odd ? ["# # \\<script>x\\</script> |\\`t\\`"] : []);
    }
    expect(fixture.read(odd)).toContain("| &lt;!-- okf:end schema --&gt; | integer | no | PK |");
    expect(fixture.read(odd)).toContain("| a b | integer |");
  });
});
