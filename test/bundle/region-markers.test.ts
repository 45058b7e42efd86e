import { describe, expect, it } from "vitest";
import { scanMarkers } from "../../src/knowledge-file/region-markers.js";
import { parseKnowledgeFile } from "../../src/knowledge-file/knowledge-file.js";
import { locateRegions } from "../../src/knowledge-file/regions.js";

/** Which marker lines are okf's: never inside fenced code, and only okf's own names (issue 12). */

const fence = "```";
const begin = (name: string) => `<!-- okf:begin ${name} -->`;
const end = (name: string) => `<!-- okf:end ${name} -->`;

type Case = [label: string, file: string, body: string, markers: string[]];

const cases: Case[] = [
  [
    "a region",
    "a.md",
    `${begin("summary")}\nx\n${end("summary")}\n`,
    ["0 begin summary", "2 end summary"],
  ],
  [
    "CRLF lines",
    "a.md",
    `${begin("summary")}\r\nx\r\n${end("summary")}\r\n`,
    ["0 begin summary", "2 end summary"],
  ],
  ["inside a backtick fence", "a.md", `${fence}\n${begin("summary")}\n${fence}\n`, []],
  ["inside a tilde fence", "a.md", `~~~\n${end("schema")}\n~~~\n`, []],
  [
    "after an indented fence is closed",
    "a.md",
    `   ${fence}\n${begin("keys")}\n  ${fence}\n${begin("keys")}\n`,
    ["3 begin keys"],
  ],
  [
    "inside a fence a shorter fence cannot close",
    "a.md",
    `${fence}\`\n${fence}\n${begin("summary")}\n${fence}\`\`\n${end("summary")}\n`,
    ["4 end summary"],
  ],
  [
    "after a backtick line with a backtick in its info (not a fence)",
    "a.md",
    `${fence}a\`b\n${begin("summary")}\n`,
    ["1 begin summary"],
  ],
  [
    "after a 4-space indented fence (indented code, not a fence)",
    "a.md",
    `    ${fence}\n${begin("summary")}\n`,
    ["1 begin summary"],
  ],
  ["a person's own name", "a.md", `${begin("notes")}\n${end("notes")}\n`, []],
  ["the index name in a concept", "a.md", `${begin("index")}\n${end("index")}\n`, []],
  [
    "a concept name in index.md",
    "crm/index.md",
    `${begin("index")}\n${begin("summary")}\n${end("index")}\n`,
    ["0 begin index", "2 end index"],
  ],
  [
    "spacing variants",
    "a.md",
    `<!--okf:begin summary-->\n<!--  okf:end   summary  -->  \n`,
    ["0 begin summary", "1 end summary"],
  ],
  [
    "an indented or trailing-text marker",
    "a.md",
    ` ${begin("summary")}\n${begin("summary")} x\n`,
    [],
  ],
  ["an unknown action", "a.md", `<!-- okf:start summary -->\n`, []],
];

describe("scanMarkers", () => {
  it.each(cases)("%s", (_label, file, body, expected) => {
    const { markers, swallowed } = scanMarkers(body, file);
    expect(markers.map((m) => `${String(m.index)} ${m.action} ${m.name}`)).toEqual(expected);
    expect(swallowed).toBeUndefined();
  });

  it("gives each marker's offsets: the text without \\r, and the next line", () => {
    const body = `x\r\n${begin("summary")}\r\ny`;
    const [marker] = scanMarkers(body, "a.md").markers;
    expect(marker).toMatchObject({ index: 1, start: 3, end: 3 + begin("summary").length });
    expect(body.slice(marker?.next)).toBe("y");
  });

  it.each([
    [
      "an okf marker after an unclosed fence",
      `${fence}\nx\n${begin("summary")}\n`,
      { fenceLine: 0, markerLine: 2 },
    ],
    [
      "a tilde line cannot close a backtick fence",
      `${fence}\n~~~\n${end("schema")}\n`,
      { fenceLine: 0, markerLine: 2 },
    ],
    [
      "a 4-space closing line does not close",
      `${fence}\n    ${fence}\n${end("keys")}\n`,
      { fenceLine: 0, markerLine: 2 },
    ],
  ])("reports %s as swallowed", (_label, body, swallowed) => {
    expect(scanMarkers(body, "a.md")).toEqual({ markers: [], swallowed });
    expect(() => locateRegions(body, "a.md")).toThrow(
      /never closed, so the okf marker on line 3 would be read as code/,
    );
  });

  it.each([
    ["nothing after it", `${fence}\nx\n`],
    ["only a person's region after it", `${fence}\nx\n${begin("notes")}\n`],
  ])("an unclosed fence with %s swallows nothing of okf's", (_label, body) => {
    expect(scanMarkers(body, "a.md")).toEqual({ markers: [] });
  });

  it.each([
    [
      "an end without begin",
      `x\n${end("summary")}\n`,
      '"okf:end summary" on line 6 has no matching',
    ],
    [
      "a swallowed marker",
      `${fence}\nx\n${begin("summary")}\n`,
      "opened on line 5 is never closed, so the okf marker on line 7",
    ],
    [
      "a region never closed",
      `\n${begin("keys")}\n`,
      'region "keys" opened on line 6 is never closed',
    ],
  ])("names the file's own line numbers for %s", (_label, body, message) => {
    const text = `---\ntype: PostgreSQL Table\ntitle: t\n---\n${body}`;
    expect(() => parseKnowledgeFile(text, "a.md")).toThrow(message);
    expect(() => parseKnowledgeFile(text.replace(/\n/g, "\r\n"), "a.md")).toThrow(message);
  });
});
