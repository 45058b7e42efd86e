import { describe, expect, it } from "vitest";
import { KnowledgeFileError } from "../../src/errors.js";
import { locateRegions, spliceRegions } from "../../src/knowledge-file/regions.js";

const body = `# t

<!-- okf:begin summary -->
old summary
<!-- okf:end summary -->

## Business Meaning
Written by a person.

<!-- okf:begin schema -->
old schema
<!-- okf:end schema -->

Trailing human note.
`;

describe("generated regions", () => {
  it("replaces region contents and keeps every byte outside them", () => {
    const result = spliceRegions(
      body,
      "t.md",
      [
        { name: "summary", content: "new summary" },
        { name: "schema", content: "new schema\nline 2" },
      ],
      ["summary", "schema"],
    );
    expect(result).toBe(
      body.replace("old summary", "new summary").replace("old schema", "new schema\nline 2"),
    );
  });

  it("removes regions no longer generated and inserts new ones in template order", () => {
    const result = spliceRegions(
      body,
      "t.md",
      [
        { name: "summary", content: "s" },
        { name: "keys", content: "k" },
      ],
      ["summary", "schema", "keys"],
    );
    expect(result).not.toContain("old schema");
    expect(result).toContain("Written by a person.");
    expect(result).toContain("Trailing human note.");
    expect(result.indexOf("okf:begin keys")).toBeGreaterThan(result.indexOf("okf:end summary"));
    expect(locateRegions(result, "t.md").map((r) => r.name)).toEqual(["summary", "keys"]);
  });

  it("places a region before the first following one when none precedes it", () => {
    const result = spliceRegions(
      "# t\n\nhuman\n\n<!-- okf:begin schema -->\nx\n<!-- okf:end schema -->\n",
      "t.md",
      [
        { name: "summary", content: "s" },
        { name: "schema", content: "x" },
      ],
      ["summary", "schema"],
    );
    expect(result).toBe(
      "# t\n\nhuman\n\n<!-- okf:begin summary -->\ns\n<!-- okf:end summary -->\n\n<!-- okf:begin schema -->\nx\n<!-- okf:end schema -->\n",
    );
  });

  it.each([
    ["an unclosed region", "<!-- okf:begin summary -->\nx\n"],
    ["an end without begin", "x\n<!-- okf:end summary -->\n"],
    [
      "nested regions",
      "<!-- okf:begin summary -->\n<!-- okf:begin schema -->\n<!-- okf:end schema -->\n<!-- okf:end summary -->\n",
    ],
    [
      "a duplicate region",
      "<!-- okf:begin summary -->\n<!-- okf:end summary -->\n<!-- okf:begin summary -->\n<!-- okf:end summary -->\n",
    ],
  ])("rejects %s", (_label, text) => {
    expect(() => locateRegions(text, "bad.md")).toThrow(KnowledgeFileError);
  });
});
