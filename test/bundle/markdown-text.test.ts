import { describe, expect, it } from "vitest";
import {
  codeBlock,
  headingSource,
  inlineSource,
  oneLine,
  paragraphSource,
} from "../../src/knowledge-file/markdown-text.js";
import { scanMarkers } from "../../src/knowledge-file/region-markers.js";
import { heading, proseLines, scanCode } from "../../src/knowledge-file/markdown-lines.js";

/** Source text as markdown data: it reads the same, and never forms structure (issue 12). */

const fence = "```";

describe("inlineSource", () => {
  it.each([
    ["a line break", "a\nb\r\nc\rd", "a b c d"],
    ["Unicode line separators", "x\u2028y\u2029z", "x y z"],
    ["a control character", "a\u0007b", "a b"],
    ["runs of spaces", "  lots   of  space ", "lots of space"],
    ["an okf marker", "<!-- okf:end summary -->", "\\<!-- okf:end summary -->"],
    ["HTML", "<script>x</script>", "\\<script>x\\</script>"],
    ["an autolink", "<https://x.example>", "\\<https://x.example>"],
    ["a processing instruction", "<?php", "\\<?php"],
    ["a less-than sign that opens nothing", "a < b", "a < b"],
    ["backticks", "`code`", "\\`code\\`"],
    ["a backslash before punctuation", "a\\*b", "a\\\\*b"],
    ["a backslash before a letter", "C:\\path", "C:\\path"],
    ["a heading sign inside a line", "# not a heading", "# not a heading"],
  ])("%s", (_label, text, expected) => {
    expect(inlineSource(text)).toBe(expected);
  });
});

describe("headingSource", () => {
  it.each([
    ["a closing # sequence", "Title #", "Title \\#"],
    ["a lone #", "#", "\\#"],
    ["C# and a closing ##", "C# ##", "C# \\##"],
    ["a # inside a word", "a#", "a#"],
    ["HTML", "<b>x", "\\<b>x"],
  ])("%s", (_label, text, expected) => {
    expect(headingSource(text)).toBe(expected);
  });
});

describe("paragraphSource", () => {
  it.each([
    ["an ATX heading", "# heading", "\\# heading"],
    ["a level-6 heading", "###### six", "\\###### six"],
    ["seven #, not a heading", "####### seven", "####### seven"],
    ["a bullet", "- item", "\\- item"],
    ["a star bullet", "* star", "\\* star"],
    ["a plus bullet", "+ plus", "\\+ plus"],
    ["an ordered item", "1. one", "1\\. one"],
    ["an ordered item with )", "1) one", "1\\) one"],
    ["ten digits, not a list", "1234567890. big", "1234567890. big"],
    ["a block quote", "> quote", "\\> quote"],
    ["a table row", "| a | b |", "\\| a \\| b \\|"],
    ["a backtick fence", fence, "\\`\\`\\`"],
    ["a tilde fence", "~~~", "\\~~~"],
    ["indentation (an indented code block)", "    four", "four"],
    ["a thematic break", "---", "\\---"],
    ["a spaced thematic break", "_ _ _", "\\_ _ _"],
    ["a setext = underline", "Title\n===", "Title\n\\==="],
    ["a setext - underline of two", "Title\n--", "Title\n\\--"],
    ["a lone -", "Title\n-", "Title\n\\-"],
    ["a link reference definition", "[label]: https://x.example", "\\[label]: https://x.example"],
    ["an okf marker line", "<!-- okf:begin schema -->", "\\<!-- okf:begin schema -->"],
    ["an HTML block", "text\n<div>", "text\n\\<div>"],
    ["many blank lines", "a\n\n\n\nb", "a\n\nb"],
    ["CR and CRLF", "a\r\nb\rc", "a\nb\nc"],
  ])("%s", (_label, text, expected) => {
    expect(paragraphSource(text)).toBe(expected);
  });

  it("leaves no heading, marker, fence or HTML block start in any line", () => {
    const hostile = [
      "# h",
      "## Caveats",
      "<!-- okf:end summary -->",
      "<!-- okf:begin notes -->",
      fence,
      "~~~~",
      "<script>",
      "Title",
      "--",
      "> q",
      "| a |",
    ].join("\n");
    const out = paragraphSource(hostile);
    const body = `# t\n\n<!-- okf:begin summary -->\n${out}\n<!-- okf:end summary -->\n`;
    const headings = proseLines(body, 0).filter((line) => heading(line.text));
    expect(headings.map((line) => line.text)).toEqual(["# t"]);
    expect(scanMarkers(body, "a.md").markers.map((m) => m.index)).toEqual([2, 14]);
    expect(scanCode(out).code.some(Boolean)).toBe(false);
    expect(out.split("\n").filter((line) => /^[<>|#~`-]/.test(line))).toEqual([]);
  });
});

describe("codeBlock", () => {
  it.each([
    ["plain SQL", "SELECT 1", "```sql\nSELECT 1\n```"],
    ["a triple backtick inside", "a ``` b", "````sql\na ``` b\n````"],
    ["a fence line of four inside", "````", "`````sql\n````\n`````"],
    ["CRLF", "x\r\ny", "```sql\nx\ny\n```"],
  ])("%s", (_label, content, expected) => {
    expect(codeBlock("sql", content)).toBe(expected);
  });

  it("keeps marker lines inside as code", () => {
    const block = codeBlock("sql", `<!-- okf:end definition -->\n${fence}\n# h`);
    const body = `<!-- okf:begin definition -->\n${block}\n<!-- okf:end definition -->\n`;
    expect(scanMarkers(body, "a.md").markers.map((m) => m.index)).toEqual([0, 6]);
    expect(scanCode(body).unclosedFence).toBeUndefined();
  });
});

describe("oneLine", () => {
  it("makes any text one line", () => {
    expect(oneLine(" a\n\n b\u2028c\u0000d ")).toBe("a b c d");
  });
});
