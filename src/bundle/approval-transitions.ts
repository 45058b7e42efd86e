import type { Document } from "yaml";
import {
  frontmatterValues,
  parseKnowledgeFile,
  serializeKnowledgeFile,
} from "../knowledge-file/knowledge-file.js";
import { okfStatusFor } from "./frontmatter-keys.js";
import { setKey } from "./merge-frontmatter.js";
import type { ConceptState } from "./source-state.js";

/**
 * An approved file whose facts changed needs review; so does a file extract deprecated because
 * its object had gone, now that the object is back. A person's deprecation stands: only a person
 * lifts it. Returns the status the file moved from, or undefined when it stays as it is.
 */
export function applyApprovalTransition(
  document: Document,
  previous: ConceptState | undefined,
  fingerprint: string,
): "approved" | "deprecated" | undefined {
  const approval = frontmatterValues(document).approval_status;
  const reappeared = approval === "deprecated" && previous?.deprecatedBy === "extract";
  const drifted =
    approval === "approved" && previous !== undefined && previous.fingerprint !== fingerprint;
  if (!reappeared && !drifted) return undefined;
  setKey(document, "approval_status", "needs_review");
  setKey(document, "status", okfStatusFor("needs_review"));
  return approval;
}

/** Who deprecated a file that is deprecated after this run's merge (see ConceptState). */
export function deprecationAuthor(document: Document): "person" | undefined {
  // Extract writes `deprecated` only for an object gone from the source (deprecateMissing);
  // a file still deprecated after the merge of a present object was deprecated by a person.
  return frontmatterValues(document).approval_status === "deprecated" ? "person" : undefined;
}

/**
 * Marks a concept whose object disappeared from the source; returns undefined when it already
 * is deprecated (then whoever deprecated it stays its author).
 */
export function deprecateConcept(text: string, path: string): string | undefined {
  const file = parseKnowledgeFile(text, path);
  if (frontmatterValues(file.frontmatter).approval_status === "deprecated") return undefined;
  setKey(file.frontmatter, "approval_status", "deprecated");
  setKey(file.frontmatter, "status", okfStatusFor("deprecated"));
  return serializeKnowledgeFile(file);
}
