import { sectionHash } from "../../src/proposals/human-sections.js";
import { proposalText, type NewProposal } from "../../src/proposals/proposal-file.js";
import type { BadInputCase, FileContent } from "./bad-input-case.js";
import { defineCases } from "./bad-input-case.js";
import { aliasBomb } from "./config-text.js";
import { someoneEmail, territory } from "./knowledge-text.js";

/**
 * Markers a person or a tool got wrong, and hostile proposal files (issue 12): validate names
 * the file and line, apply refuses and writes nothing, and nothing outside the bundle changes.
 */

const fence = "```";
const territoryPath = "knowledge/crm/postgres/sales/territory.md";
const accountPath = "crm/postgres/sales/customer_account.md";

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

/** A proposal file for the demo's customer_account, as createProposal writes one. */
function proposal(text: string, overrides: Partial<NewProposal> = {}): string {
  return proposalText({
    id: "p1",
    concept: "sales.crm.customer_account",
    conceptPath: accountPath,
    section: "Caveats",
    author: "agent:mcp",
    createdAt: "2026-11-28T10:00:00Z",
    baseHash: sectionHash("_Owner to write._"),
    rationale: "Seen in the job schedule.",
    text,
    ...overrides,
  });
}

const apply = ["proposals", "apply", "p1", "--by", "steward"];
const refused = (reason: string) =>
  new RegExp(`okf: refused to apply 1 proposal; nothing was written\\.\\n  p1: ${reason}`);

const proposalCases: BadInputCase[] = [
  {
    name: "a proposal with an unclosed backtick fence",
    files: { "proposals/p1.md": proposal(`Run:\n\n${fence}sql\nSELECT 1;`) },
    args: [...apply, "--force"],
    code: 1,
    message: refused("The proposed text opens a code fence on its line 3 and never closes it"),
  },
  {
    name: "a proposal with an unclosed tilde fence closed by backticks",
    files: { "proposals/p1.md": proposal(`~~~\nSELECT 1;\n${fence}`) },
    args: apply,
    code: 1,
    message: refused("The proposed text opens a code fence on its line 1"),
  },
  {
    name: "a proposal that opens an HTML comment and never closes it",
    files: { "proposals/p1.md": proposal("Fine.\n\n<!-- hide what follows") },
    args: [...apply, "--force"],
    code: 1,
    message: refused("The proposed text opens an HTML comment on its line 3 and never closes it"),
  },
  {
    name: "a proposal that opens a <pre> block and never closes it",
    files: { "proposals/p1.md": proposal("<pre>\nSELECT 1;") },
    args: apply,
    code: 1,
    message: refused("The proposed text opens an HTML block on its line 1 and never closes it"),
  },
  {
    name: "a proposal with a ## heading",
    files: { "proposals/p1.md": proposal("Fine.\n\n## Prohibited Use\nNothing is.") },
    args: apply,
    code: 1,
    message: refused('The proposed text contains a "#" or "##" heading or an okf marker'),
  },
  {
    name: "a proposal with an okf marker",
    files: { "proposals/p1.md": proposal("<!-- okf:end schema -->") },
    args: apply,
    code: 1,
    message: refused('The proposed text contains a "#" or "##" heading or an okf marker'),
  },
  {
    name: "a proposal for a generated section",
    files: { "proposals/p1.md": proposal("Mine.", { section: "Schema" }) },
    args: apply,
    code: 1,
    message: refused('"Schema" is a generated section of'),
  },
  {
    name: "a proposal for a section the file does not have",
    files: { "proposals/p1.md": proposal("Mine.", { section: "Secrets" }) },
    args: apply,
    code: 1,
    message: refused(`${accountPath.replace(/\./g, "\\.")} has no section "Secrets"`),
  },
  {
    name: "a huge proposal",
    files: { "proposals/p1.md": proposal("a ".repeat(2_500_000)) },
    args: apply,
    code: 1,
    message: refused("The proposed text has 4999999 characters; at most 20000 are accepted"),
    withinMs: 15_000,
    maxOutputChars: 2_000,
  },
  {
    name: "a proposal with a control character",
    files: { "proposals/p1.md": proposal("Bell \u0007 here.") },
    args: apply,
    code: 1,
    message: refused("The proposed text contains a control character"),
  },
  {
    name: "a proposal quoting an email address",
    files: { "proposals/p1.md": proposal(`Write to ${someoneEmail}.`) },
    args: apply,
    code: 1,
    message: refused("The proposed text fails the privacy lint"),
    never: [someoneEmail],
  },
  {
    name: "a proposal whose concept file holds an open fence",
    demoBundle: true,
    files: { "proposals/p1.md": proposal("Loaded nightly.") },
    prepare: (project) => {
      const path = `knowledge/${accountPath}`;
      const text = project.read(path);
      project.write(path, text.replace("## Caveats\n", `## Caveats\n${fence}\nunfinished\n`));
    },
    args: [...apply, "--force"],
    code: 1,
    message: refused(
      ".*the code fence opened on line \\d+ is never closed, so the okf marker on line \\d+ would be read as code",
    ),
  },
  {
    name: "a proposal for a section whose open fence swallows the person's sections after it",
    demoBundle: true,
    files: { "proposals/p1.md": proposal("Fixed.", { section: "Examples" }) },
    prepare: (project) => {
      const path = `knowledge/${accountPath}`;
      const tail = `\n## Examples\n${fence}sql\nSELECT 1;\n\n## Contacts\nAsk the CRM team.\n`;
      project.write(path, project.read(path) + tail);
    },
    args: [...apply, "--force"],
    code: 1,
    message: refused(
      `applying it would change ${accountPath.replace(/\./g, "\\.")} outside the section "Examples": the code fence "${fence}sql" on line \\d+ of the body is never closed`,
    ),
  },
  {
    name: "a proposal with a YAML alias bomb",
    files: { "proposals/p1.md": `---\nproposal_id: p1\nstatus: open\n${aliasBomb()}---\n# x\n` },
    args: apply,
    code: 2,
    message: /No proposal has the id "p1"; nothing was done\./,
    withinMs: 10_000,
  },
  {
    name: "proposals list with an alias-bomb proposal",
    files: { "proposals/p1.md": `---\nproposal_id: p1\nstatus: open\n${aliasBomb()}---\n# x\n` },
    args: ["proposals", "list"],
    code: 0,
    on: "stdout",
    message: /^No open proposals\.\n$/,
    withinMs: 10_000,
  },
  {
    name: "a proposal whose id and concept path climb out of the bundle",
    files: {
      "proposals/p1.md": proposal("Mine.", {
        id: "../../sentinel",
        concept: "../../sentinel",
        conceptPath: "../../sentinel.md",
      }),
    },
    args: ["proposals", "apply", "../../sentinel", "--by", "steward"],
    code: 1,
    message: /\.\.\/\.\.\/sentinel: its concept is no longer in the bundle/,
  },
  {
    name: "an id argument that climbs out of the proposals folder",
    files: { "proposals/p1.md": proposal("Mine.") },
    args: ["proposals", "reject", "../sentinel", "--by", "steward"],
    code: 2,
    message: /No proposal has the id "\.\.\/sentinel"; nothing was done\./,
  },
  {
    name: "a proposal already applied",
    files: { "proposals/p1.md": proposal("Mine.").replace("status: open", "status: applied") },
    args: apply,
    code: 2,
    message: /Only open proposals can be acted on: p1 is applied; nothing was done\./,
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
