import { UsageError } from "../../errors.js";
import { heading, proseLines, scanCode } from "../../knowledge-file/markdown-lines.js";
import { readMarkdownFile } from "../../knowledge-file/markdown-file.js";
import { privacyRule } from "../validate/rules/privacy.js";
import type { RuleFinding } from "../validate/types.js";

export const maxProposedTextLength = 20_000;
export const maxRationaleLength = 2_000;

/** Tabs and newlines are text; every other control character is not (nor a lone `\r`). */
const controlCharacter = /[^\P{Cc}\t\n]/u;
const okfMarker = /<!--\s*okf:/i;

/**
 * Checks free text a person or an agent wants written (a proposed section text, a rationale, a
 * rejection reason) and returns it with `\r\n` as `\n`. Everything refused is a UsageError that
 * says what to change; a sensitive literal is named by kind with its value masked.
 */
export async function checkedText(
  label: string,
  value: string,
  limits: { max: number; sectionText?: boolean },
): Promise<string> {
  const text = value.replace(/\r\n/g, "\n");
  if (text.trim() === "") throw new UsageError(`The ${label} is empty.`, `Write the ${label}.`);
  if (text.length > limits.max) {
    throw new UsageError(
      `The ${label} has ${String(text.length)} characters; at most ${String(limits.max)} are accepted.`,
      `Shorten the ${label}.`,
    );
  }
  if (controlCharacter.test(text)) {
    throw new UsageError(
      `The ${label} contains a control character; only newlines and tabs are accepted.`,
      `Remove the control characters from the ${label}.`,
    );
  }
  if (limits.sectionText === true) checkSectionStructure(label, text);
  const findings = await privacyFindings(text);
  const [first] = findings;
  if (first) {
    throw new UsageError(
      `The ${label} fails the privacy lint: ${first.message.replace(/^the text /, "it ")}${findings.length > 1 ? ` (and ${String(findings.length - 1)} more)` : ""}.`,
      "Describe the data instead of quoting values: no email addresses, phone or card numbers, IBANs, SSNs or secrets. A synthetic example may stay as pattern: `…`.",
    );
  }
  return text;
}

/**
 * A section's text must end where it starts: a `#`/`##` heading would open a section of its own,
 * the markers belong to okf, and a code fence left open would turn every heading and marker
 * after the section into code (so the next proposal would replace them too).
 */
function checkSectionStructure(label: string, text: string): void {
  const headings = proseLines(text, 1).some((line) => (heading(line.text)?.level ?? 3) <= 2);
  if (headings || okfMarker.test(text)) {
    throw new UsageError(
      `The ${label} contains a "#" or "##" heading or an okf marker, which would change the file's structure.`,
      "Propose the text of one section only; use ### for headings inside it.",
    );
  }
  const { unclosedFence } = scanCode(text);
  if (unclosedFence !== undefined) {
    throw new UsageError(
      `The ${label} opens a code fence on its line ${String(unclosedFence + 1)} and never closes it, which would turn the rest of the file into code.`,
      "Close the code block with a line of the same backticks or tildes.",
    );
  }
  const html = unclosedHtmlBlock(text);
  if (html !== undefined) {
    throw new UsageError(
      `The ${label} opens ${html.kind} on its line ${String(html.line)} and never closes it, which would hide the rest of the file where markdown is rendered.`,
      `Close it (${html.close}) in the same text, or put it in a code block.`,
    );
  }
}

/**
 * CommonMark HTML blocks that run over blank lines until their end marker (types 1 and 2): left
 * open, they would swallow the headings after the section when the file is rendered.
 */
const htmlBlocks = [
  { start: /^ {0,3}<!--/, end: /-->/, kind: "an HTML comment", close: "`-->`" },
  {
    start: /^ {0,3}<(?:script|pre|style|textarea)(?:[ \t>]|$)/i,
    end: /<\/(?:script|pre|style|textarea)>/i,
    kind: "an HTML block",
    close: "`</pre>`, `</script>`, `</style>` or `</textarea>`",
  },
];

function unclosedHtmlBlock(
  text: string,
): { line: number; kind: string; close: string } | undefined {
  let open: { line: number; kind: string; close: string; end: RegExp } | undefined;
  for (const { line, text: content } of proseLines(text, 1)) {
    if (open) {
      if (open.end.test(content)) open = undefined;
      continue;
    }
    const block = htmlBlocks.find((candidate) => candidate.start.test(content));
    // The end may sit on the opening line itself, after the opening tag.
    if (block && !block.end.test(content.replace(block.start, ""))) open = { line, ...block };
  }
  return open && { line: open.line, kind: open.kind, close: open.close };
}

/** `agent:mcp`, `human:alice`: one word, a prefix allowed; written to the proposal file. */
export async function checkedAuthor(author: string): Promise<string> {
  const trimmed = author.trim();
  const hint = "Name the author as one word, such as agent:mcp or human:alice.";
  if (trimmed === "" || trimmed.length > 100 || /[\s\p{Cc}]/u.test(trimmed)) {
    throw new UsageError(`The author ${JSON.stringify(author)} is not an actor id.`, hint);
  }
  if ((await privacyFindings(trimmed)).length > 0) {
    throw new UsageError(
      `The author ${JSON.stringify(author)} looks like personal data (an email address or a number).`,
      hint,
    );
  }
  return trimmed;
}

/** The same lint `okf validate` runs on every bundle file, so an applied text passes it. */
async function privacyFindings(text: string): Promise<RuleFinding[]> {
  return privacyRule.check(readMarkdownFile("proposal.md", text), {
    bundleDir: "",
    now: new Date(),
    markdownFiles: [],
    exists: () => Promise.resolve(false),
    conceptIds: () => Promise.resolve(new Set<string>()),
  });
}
