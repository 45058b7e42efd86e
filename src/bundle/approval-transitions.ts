import type { Document } from "yaml";
import {
  frontmatterValues,
  parseKnowledgeFile,
  serializeKnowledgeFile,
} from "../knowledge-file/knowledge-file.js";
import { okfStatusFor } from "./frontmatter-keys.js";
import { setKey } from "./merge-frontmatter.js";

/**
 * An approved file whose facts changed needs review; a deprecated object that came back, too.
 * Returns the status the file moved from, or undefined when it stays as it is.
 */
export function applyApprovalTransition(
  document: Document,
  before: string | undefined,
  after: string,
): "approved" | "deprecated" | undefined {
  const approval = frontmatterValues(document).approval_status;
  const reappeared = approval === "deprecated";
  const drifted = approval === "approved" && before !== undefined && before !== after;
  if (!reappeared && !drifted) return undefined;
  setKey(document, "approval_status", "needs_review");
  setKey(document, "status", okfStatusFor("needs_review"));
  return approval;
}

/** Marks a concept whose object disappeared from the source; returns undefined when already so. */
export function deprecateConcept(text: string, path: string): string | undefined {
  const file = parseKnowledgeFile(text, path);
  if (frontmatterValues(file.frontmatter).approval_status === "deprecated") return undefined;
  setKey(file.frontmatter, "approval_status", "deprecated");
  setKey(file.frontmatter, "status", okfStatusFor("deprecated"));
  return serializeKnowledgeFile(file);
}
