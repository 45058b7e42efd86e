import { describe, expect, it } from "vitest";
import { locateRegions } from "../../../src/knowledge-file/regions.js";
import { concept, places, validate } from "./fixture-bundle.js";

const region = (name: string, content = "generated"): string =>
  `<!-- okf:begin ${name} -->\n${content}\n<!-- okf:end ${name} -->`;

describe("okf/markers", () => {
  it("accepts balanced regions, in a concept and in an index", async () => {
    const report = await validate({
      "a.md": concept([], `# a\n\n${region("summary")}\n\nPeople's text.\n\n${region("schema")}\n`),
      "crm/index.md": `# crm\n\n${region("index", "* [a](../a.md) - A")}\n`,
    });
    expect(report.findings).toEqual([]);
  });

  // Lines are file lines: the frontmatter takes lines 1-3, the H1 is line 4.
  const broken: [string, string, number, string][] = [
    ["unclosed", "<!-- okf:begin summary -->\ntext\n", 5, "never closed"],
    ["orphan end", "text\n<!-- okf:end summary -->\n", 6, "no matching okf:begin"],
    [
      "nested",
      "<!-- okf:begin summary -->\n<!-- okf:begin schema -->\n<!-- okf:end schema -->\n<!-- okf:end summary -->\n",
      6,
      "inside region",
    ],
    ["crossed", "<!-- okf:begin summary -->\n<!-- okf:end schema -->\n", 6, "closes nothing"],
    ["repeated", `${region("keys")}\n${region("keys")}\n`, 8, "second time"],
  ];

  it.each(broken)("reports %s markers on the offending line", async (_name, body, line, text) => {
    const report = await validate({ "a.md": concept([], `# a\n${body}`) });
    expect(places(report)).toEqual([`a.md:${line} okf/markers`]);
    expect(report.findings[0]?.severity).toBe("error");
    expect(report.findings[0]?.message).toContain(text);
    // The validator agrees with the merger: extract could not merge this body either.
    expect(() => locateRegions(`# a\n${body}`, "a.md")).toThrow();
  });

  it("still checks the markers of a file whose YAML is broken", async () => {
    const report = await validate({
      "a.md": `---\ntype: a: b\n---\n# a\n<!-- okf:end summary -->\n`,
    });
    expect(places(report)).toEqual(["a.md:2 okf/frontmatter-yaml", "a.md:5 okf/markers"]);
  });
});
