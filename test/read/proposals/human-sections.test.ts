import { describe, expect, it } from "vitest";
import {
  bodySections,
  replaceSectionText,
  sectionHash,
} from "../../../src/read/proposals/human-sections.js";

const body = [
  "# account",
  "",
  "<!-- okf:begin summary -->",
  "PostgreSQL table.",
  "<!-- okf:end summary -->",
  "",
  "## Business Meaning",
  "One row per account.",
  "",
  "### Edge cases",
  "```sql",
  "## not a heading inside a fence",
  "```",
  "",
  "## Caveats",
  "",
  "<!-- okf:begin schema -->",
  "## Schema",
  "| Column |",
  "<!-- okf:end schema -->",
  "",
  "## Prohibited Use",
  "Never export.",
  "",
].join("\n");

describe("human sections of a concept body", () => {
  it("finds ## sections outside okf regions; ### headings and fenced lines belong to them", () => {
    const { human, generated } = bodySections(body, "a.md");
    expect(human.map((section) => section.name)).toEqual([
      "Business Meaning",
      "Caveats",
      "Prohibited Use",
    ]);
    expect(human[0]?.text).toBe(
      "One row per account.\n\n### Edge cases\n```sql\n## not a heading inside a fence\n```",
    );
    expect(human[1]?.text).toBe("");
    expect(human[2]?.text).toBe("Never export.");
    expect(generated).toEqual(["Schema"]);
  });

  it("replaces one section's text and keeps every other byte", () => {
    const [meaning, caveats, prohibited] = bodySections(body, "a.md").human;
    if (!meaning || !caveats || !prohibited) throw new Error("sections missing");
    const replaced = replaceSectionText(body, meaning, "A customer company.\n\n");
    expect(replaced).toBe(
      body.replace(
        "One row per account.\n\n### Edge cases\n```sql\n## not a heading inside a fence\n```",
        "A customer company.",
      ),
    );
    const filled = replaceSectionText(body, caveats, "Late by a day.");
    expect(filled).toBe(body.replace("## Caveats\n\n", "## Caveats\nLate by a day.\n\n"));
    const last = replaceSectionText(body, prohibited, "Never sell.");
    expect(last).toBe(body.replace("Never export.", "Never sell."));
  });

  it("hashes a section's text without the blank lines around it", () => {
    expect(sectionHash("\n\nNever export.\n\n")).toBe(sectionHash("Never export."));
    expect(sectionHash("Never export.")).not.toBe(sectionHash("Never sell."));
    expect(sectionHash("Never export.")).toMatch(/^[0-9a-f]{64}$/);
  });

  it("gives a heading on the body's last line, without a newline, a line of its own", () => {
    const short = "# t\n\n## Caveats";
    const [caveats] = bodySections(short, "t.md").human;
    if (!caveats) throw new Error("section missing");
    expect(replaceSectionText(short, caveats, "Late.")).toBe("# t\n\n## Caveats\nLate.\n");
  });

  it("reads fences as validation does: a fence line with an info string does not close one", () => {
    const fenced = "## A\n```\n```python\n## inside\n```\n\n## B\nText.\n";
    expect(bodySections(fenced, "a.md").human.map((section) => section.name)).toEqual(["A", "B"]);
  });
});
