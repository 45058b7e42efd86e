import type { BadInputCase, FileContent } from "./bad-input-case.js";
import { defineCases } from "./bad-input-case.js";
import { territory } from "./knowledge-text.js";
import { proposalCases } from "./proposal-cases.js";

/**
 * Markers a person or a tool got wrong, and hostile proposal files (issue 12): validate names
 * the file and line, apply refuses and writes nothing, and nothing outside the bundle changes.
 */

const fence = "```";
const territoryPath = "knowledge/crm/postgres/sales/territory.md";

/** The demo's territory file with `from` replaced by `to` (which must be there). */
function territoryWith(from: string, to: string): Record<string, FileContent> {
  if (!territory.includes(from)) throw new Error(`not in territory.md: ${from}`);
  return { [territoryPath]: territory.replace(from, to) };
}

const caveats = "## Caveats\n_Owner to write._";
const validateArgs = ["validate", "knowledge"];
const markerError = (line: number, text: string) =>
  new RegExp(`territory\\.md:${String(line)} +error +okf/markers +${text}`);
const clean = /20 files checked: 0 errors/;

const markerCases: BadInputCase[] = [
  {
    name: "crossed markers",
    files: territoryWith("<!-- okf:end summary -->", "<!-- okf:end schema -->"),
    args: validateArgs,
    code: 1,
    message: markerError(35, '"okf:end schema" closes nothing: region "summary" \\(line 31\\)'),
  },
  {
    name: "a begin marker repeated inside its own region",
    files: territoryWith("<!-- okf:end summary -->", "<!-- okf:begin summary -->"),
    args: validateArgs,
    code: 1,
    message: markerError(35, '"okf:begin summary" is inside region "summary"'),
  },
  {
    name: "an unclosed fence in Caveats before the generated regions",
    files: territoryWith(caveats, `## Caveats\n${fence}sql\nSELECT 1;`),
    args: validateArgs,
    code: 1,
    message: markerError(44, "this code fence is never closed, so the okf marker on line 47"),
  },
  {
    name: "a closing fence indented four spaces closes nothing",
    files: territoryWith(caveats, `## Caveats\n${fence}\nx\n    ${fence}`),
    args: validateArgs,
    code: 1,
    message: /territory\.md:44 +error +okf\/markers +this code fence is never closed/,
  },
  {
    name: "a missing end marker in a CRLF file",
    files: {
      [territoryPath]: territory.replace("<!-- okf:end summary -->\n", "").replace(/\n/g, "\r\n"),
    },
    args: validateArgs,
    code: 1,
    message: markerError(45, '"okf:begin schema" is inside region "summary", opened on line 31'),
  },
  {
    name: "an unbalanced marker pair inside a tilde fence",
    files: territoryWith(caveats, "## Caveats\n~~~\n<!-- okf:begin schema -->\n~~~"),
    args: validateArgs,
    code: 0,
    on: "stdout",
    message: clean,
  },
  {
    name: "a marker inside a four-backtick fence holding a three-backtick line",
    files: territoryWith(
      caveats,
      `## Caveats\n${fence}\`\n${fence}\n<!-- okf:end usage -->\n${fence}\``,
    ),
    args: validateArgs,
    code: 0,
    on: "stdout",
    message: clean,
  },
  {
    name: "a person's unbalanced region of their own name",
    files: territoryWith(caveats, "## Caveats\n<!-- okf:begin notes -->\nMine, never closed."),
    args: validateArgs,
    code: 0,
    on: "stdout",
    message: clean,
  },
  {
    name: "an index region in a concept file",
    files: territoryWith(caveats, "## Caveats\n<!-- okf:end index -->"),
    args: validateArgs,
    code: 0,
    on: "stdout",
    message: clean,
  },
  {
    name: "an upper-case region name is not okf's",
    files: territoryWith(caveats, "## Caveats\n<!-- okf:begin SUMMARY -->"),
    args: validateArgs,
    code: 0,
    on: "stdout",
    message: clean,
  },
  {
    name: "a marker quoted in a block quote",
    files: territoryWith(caveats, "## Caveats\n> <!-- okf:end summary -->"),
    args: validateArgs,
    code: 0,
    on: "stdout",
    message: clean,
  },
  {
    name: "an index.md whose listing is never closed",
    demoBundle: true,
    prepare: (project) => {
      const index = project.read("knowledge/crm/index.md");
      project.write("knowledge/crm/index.md", index.replace("<!-- okf:end index -->\n", ""));
    },
    args: validateArgs,
    code: 1,
    message:
      /crm\/index\.md:3 +error +okf\/markers +region "index" is never closed by <!-- okf:end index -->/,
  },
  {
    name: "a concept's region name in an index.md",
    demoBundle: true,
    prepare: (project) => {
      const index = project.read("knowledge/crm/index.md");
      project.write("knowledge/crm/index.md", `${index}\n<!-- okf:begin summary -->\nmine\n`);
    },
    args: validateArgs,
    code: 0,
    on: "stdout",
    message: clean,
  },
];

defineCases(
  "markers a person got wrong",
  markerCases.map((c) => ({ demoBundle: true, on: "stdout", ...c })),
);
defineCases(
  "hostile proposal files",
  proposalCases.map((c) => ({
    demoBundle: true,
    ...c,
    files: { "okf.config.yaml": "bundle: knowledge\nsources: []\n", ...c.files },
  })),
);
