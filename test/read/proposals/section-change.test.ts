import { describe, expect, it } from "vitest";
import { bodySections, replaceSectionText } from "../../../src/read/proposals/human-sections.js";
import { changeOutsideSection } from "../../../src/read/proposals/section-change.js";

/** Apply's last check: a new body may differ from the old one only inside the one section. */

const fence = "```";
const body = [
  "# t",
  "",
  "<!-- okf:begin summary -->",
  "Generated.",
  "<!-- okf:end summary -->",
  "",
  "## Caveats",
  "_Owner to write._",
  "",
  "## Prohibited Use",
  "Never export.",
  "",
  "<!-- okf:begin schema -->",
  "## Schema",
  "| a |",
  "<!-- okf:end schema -->",
  "",
].join("\n");

function caveats(text: string) {
  const section = bodySections(text, "a.md").human.find((s) => s.name === "Caveats");
  if (!section) throw new Error("no Caveats");
  return section;
}

/** The body with Caveats' text replaced by `text`, as apply builds it, and the verdict. */
function verdict(text: string, from = body): string | undefined {
  const section = caveats(from);
  return changeOutsideSection(from, replaceSectionText(from, section, text), section, "a.md");
}

describe("changeOutsideSection", () => {
  it.each([
    ["plain text", "Loaded nightly."],
    ["a closed fence holding marker lines", `${fence}\n<!-- okf:end summary -->\n${fence}`],
    ["a ### heading", "### Joins\nUse the id."],
    ["a person's own region name", "<!-- okf:begin notes -->\nmine\n<!-- okf:end notes -->"],
  ])("accepts %s", (_label, text) => {
    expect(verdict(text)).toBeUndefined();
  });

  it.each([
    ["an unclosed fence", `${fence}\nSELECT 1;`, /the code fence opened on line 8 is never closed/],
    [
      "a ## heading",
      "x\n\n## Hijack\ny",
      /the section "Caveats" would no longer read as it does now/,
    ],
    ["a # heading", "x\n\n# Hijack", /the section "Caveats" would no longer read as it does now/],
    [
      "an okf marker pair",
      "<!-- okf:begin keys -->\nk\n<!-- okf:end keys -->",
      /the section "Caveats" would no longer read as it does now/,
    ],
    ["a stray okf end marker", "<!-- okf:end summary -->", /has no matching okf:begin/],
  ])("refuses %s", (_label, text, reason) => {
    const found = verdict(text);
    expect(found).toMatch(/^applying it would change a\.md outside the section "Caveats": /);
    expect(found).toMatch(reason);
    expect(found).toMatch(/; nothing was written$/);
  });

  it("refuses a new body whose bytes before or after the section differ", () => {
    const section = caveats(body);
    const next = replaceSectionText(body, section, "Loaded nightly.");
    for (const changed of [
      next.replace("Generated.", "Edited."),
      next.replace("Never export.", "Export."),
      `${next}x`,
    ]) {
      expect(changeOutsideSection(body, changed, section, "a.md")).toContain(
        "bytes before or after the section would differ",
      );
    }
  });

  it("accepts text for a heading on the last line without a newline", () => {
    const text = "# t\n\n## Caveats";
    const section = caveats(text);
    const next = replaceSectionText(text, section, "Loaded nightly.");
    expect(next).toBe("# t\n\n## Caveats\nLoaded nightly.\n");
    expect(changeOutsideSection(text, next, section, "a.md")).toBeUndefined();
  });

  it("refuses to replace a section whose own code fence is never closed and swallows the sections after it", () => {
    const text = `# t\n\n## Caveats\nSee:\n${fence}sql\nSELECT 1;\n\n## Contacts\nAsk the CRM team.\n`;
    expect(caveats(text).end).toBe(text.length);
    expect(verdict(`${fence}sql\nSELECT 1;\n${fence}`, text)).toMatch(
      /the code fence "```sql" on line 5 of the body is never closed, so every heading after it reads as code/,
    );
  });

  it("still replaces a section before a later section's open fence", () => {
    const text = `# t\n\n## Caveats\nx\n\n## Contacts\n${fence}\nopen\n`;
    expect(verdict("Loaded nightly.", text)).toBeUndefined();
  });
});
