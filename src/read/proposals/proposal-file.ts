import { Document, isMap } from "yaml";
import { parseYaml } from "../../safe-yaml.js";
import { styleNode } from "../../knowledge-file/knowledge-file.js";
import { setKey } from "../../bundle/merge-frontmatter.js";

export type ProposalStatus = "open" | "applied" | "rejected";

export interface NewProposal {
  id: string;
  concept: string;
  conceptPath: string;
  section: string;
  author: string;
  createdAt: string;
  baseHash: string;
  rationale: string;
  text: string;
}

/** What a proposal file says; `file` is its name in the proposals folder. */
export interface Proposal extends NewProposal {
  file: string;
  status: ProposalStatus;
  /** The frontmatter as written, to update the status in place. */
  frontmatter: Document;
}

const rationaleHeading = "## Rationale";
const textHeading = "## Proposed text";

/** The proposal's markdown: frontmatter, a title line, the rationale and the text verbatim. */
export function proposalText(proposal: NewProposal): string {
  const document = new Document({
    proposal_id: proposal.id,
    concept: proposal.concept,
    concept_path: proposal.conceptPath,
    section: proposal.section,
    author: proposal.author,
    created_at: proposal.createdAt,
    status: "open",
    base_hash: proposal.baseHash,
  });
  styleNode(document.contents as NonNullable<Document["contents"]>, "");
  const title = `# Proposed update to ${proposal.section} of ${proposal.concept}`;
  return `---\n${frontmatterYaml(document)}---\n${title}\n\n${rationaleHeading}\n\n${proposal.rationale.trim()}\n\n${textHeading}\n\n${proposal.text.replace(/\n*$/, "")}\n`;
}

/**
 * Reads a proposal file; undefined when it is not one (no frontmatter with a `proposal_id`). The
 * proposed text follows the last `## Proposed text` line: the text itself holds no `##` heading.
 */
export function parseProposal(file: string, raw: string): Proposal | undefined {
  const text = raw.replace(/\r\n/g, "\n");
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match) return undefined;
  const parsed = parseYaml(match[1] ?? "");
  if (!parsed.ok || !isMap(parsed.document.contents)) return undefined;
  const frontmatter = parsed.document;
  const values = parsed.value as Record<string, unknown>;
  const string = (key: string) => {
    const value = values[key];
    return typeof value === "string" ? value : "";
  };
  const status = string("status");
  if (string("proposal_id") === "" || !["open", "applied", "rejected"].includes(status)) {
    return undefined;
  }
  const body = text.slice(match[0].length);
  const textAt = body.lastIndexOf(`\n${textHeading}\n`);
  const rationaleAt = body.indexOf(`${rationaleHeading}\n`);
  const proposed = textAt < 0 ? "" : body.slice(textAt + textHeading.length + 2);
  const rationaleEnd = textAt < 0 ? body.length : textAt;
  const rationale =
    rationaleAt < 0 ? "" : body.slice(rationaleAt + rationaleHeading.length + 1, rationaleEnd);
  return {
    id: string("proposal_id"),
    file,
    status: status as ProposalStatus,
    concept: string("concept"),
    conceptPath: string("concept_path"),
    section: string("section"),
    author: string("author"),
    createdAt: string("created_at"),
    baseHash: string("base_hash"),
    rationale: rationale.trim(),
    text: proposed.replace(/^\n+/, "").trimEnd(),
    frontmatter,
  };
}

/** The proposal file with its frontmatter keys set (status and who decided); the body as it was. */
export function withDecision(
  raw: string,
  proposal: Proposal,
  decision: Record<string, string | undefined>,
): string {
  const document = proposal.frontmatter.clone();
  for (const [key, value] of Object.entries(decision)) {
    if (value !== undefined) setKey(document, key, value);
  }
  const text = raw.replace(/\r\n/g, "\n");
  const end = /^---\n[\s\S]*?\n---\n/.exec(text)?.[0].length ?? 0;
  return `---\n${frontmatterYaml(document)}---\n${text.slice(end)}`;
}

/** The first line of a rationale, for listings. */
export function firstLine(text: string): string {
  return text.split("\n").find((line) => line.trim() !== "") ?? "";
}

function frontmatterYaml(document: Document): string {
  return document.toString({ lineWidth: 0 });
}
