import { sectionHash } from "../../src/read/proposals/human-sections.js";
import { proposalText, type NewProposal } from "../../src/read/proposals/proposal-file.js";
import type { BadInputCase } from "./bad-input-case.js";
import { aliasBomb } from "./config-text.js";
import { someoneEmail } from "./knowledge-text.js";

/**
 * Hostile proposal files beside a copy of the demo bundle (issue 12): `okf proposals apply`
 * refuses them with the reason and writes nothing; ids and paths that climb out lead nowhere.
 */

const fence = "```";
const accountPath = "crm/postgres/sales/customer_account.md";

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

export const proposalCases: BadInputCase[] = [
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
