import { isMap, isScalar, isSeq } from "yaml";
import { okfStatusFor } from "../../bundle/frontmatter-keys.js";
import {
  frontmatterValues,
  parseKnowledgeFile,
  serializeKnowledgeFile,
  styleNode,
} from "../../knowledge-file/knowledge-file.js";
import { setKey } from "../../bundle/merge-frontmatter.js";

/** One review: who approved, when, and when the next review is due. */
export interface ApprovalStamp {
  /** `human:<id>`. */
  actor: string;
  /** ISO timestamp, seconds, UTC. */
  at: string;
  nextReviewDue: string;
}

/** The file cannot take the approval without a person fixing it first. */
export class ApprovalEditError extends Error {}

/**
 * The file's text with the approval recorded in its frontmatter: `approval_status: approved`,
 * `status: stable`, a `verified` entry appended, the review dates set. Everything else (other
 * keys, comments, the body) is kept as it is. Throws KnowledgeFileError for broken YAML or
 * markers, ApprovalEditError for a `verified` key that is not a list.
 */
export function approvedText(text: string, path: string, stamp: ApprovalStamp): string {
  const file = parseKnowledgeFile(text, path);
  const document = file.frontmatter;
  setKey(document, "approval_status", "approved");
  setKey(document, "status", okfStatusFor("approved"));
  setKey(document, "last_reviewed_at", stamp.at);
  setKey(document, "next_review_due", stamp.nextReviewDue);
  setKey(document, "stale_after", stamp.nextReviewDue);

  const entry = { by: stamp.actor, at: stamp.at };
  const verified: unknown = document.get("verified", true);
  if (isSeq(verified)) {
    // Appending to the existing node keeps its style and any comments in the list.
    verified.items.push(styleNode(document.createNode(entry), "verified"));
  } else if (verified === undefined || (isScalar(verified) && verified.value === null)) {
    setKey(document, "verified", [entry]);
  } else if (isMap(verified)) {
    setKey(document, "verified", [frontmatterValues(document).verified, entry]);
  } else {
    throw new ApprovalEditError(
      "its `verified` key is neither a list of `{by, at}` entries nor empty",
    );
  }
  return serializeKnowledgeFile(file);
}
