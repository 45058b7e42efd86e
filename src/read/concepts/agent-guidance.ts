import type { ConceptRecord } from "./concept-record.js";

const placeholderLine = /^.*_Owner to write.*$/gm;
const longestGuidance = 300;

/**
 * The first sentence of the human `## Agent Usage Guidance` section, for search hits: what an
 * agent must know before it uses the table, in the steward's words. Undefined while the section
 * is missing or still holds only the `_Owner to write…_` placeholder.
 */
export function guidanceSentence(record: ConceptRecord): string | undefined {
  const section = record.sections.find(
    (candidate) => !candidate.generated && /^agent usage guidance$/i.test(candidate.heading),
  );
  const text = section?.text.replace(placeholderLine, "").trim();
  if (text === undefined || text === "") return undefined;
  // The first paragraph, without list markers or a `###` heading, on one line.
  const paragraph = (text.split(/\n\s*\n/)[0] ?? text)
    .split("\n")
    .map((line) => line.replace(/^\s*(?:[-*+]|\d+[.)]|#{3,6})\s+/, "").trim())
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
  const sentence = /^.+?[.!?](?=\s+[\p{Lu}\p{N}`"'([*_]|$)/u.exec(paragraph)?.[0] ?? paragraph;
  return sentence.length <= longestGuidance
    ? sentence
    : `${sentence.slice(0, longestGuidance - 1).trimEnd()}…`;
}
