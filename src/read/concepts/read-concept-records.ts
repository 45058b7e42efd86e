import {
  conceptId,
  conceptTitle,
  isDeprecated,
  readBundleConcepts,
  type ConceptFile,
} from "../steward/concept-files.js";
import { reviewDate } from "../validate/rules/governance.js";
import { bodySections, relatedPaths, sectionFields, sensitiveRows } from "./concept-body.js";
import { joinRows } from "./join-rows.js";
import type { ConceptGovernance, ConceptRecord } from "./concept-record.js";

/**
 * Every concept of the bundle as a record, in path order. Files whose frontmatter cannot be
 * parsed are skipped: `okf validate` is where they are reported.
 */
export async function readConceptRecords(bundleDir: string, now: Date): Promise<ConceptRecord[]> {
  const concepts = await readBundleConcepts(bundleDir);
  return concepts
    .map((concept) => toConceptRecord(concept, now))
    .filter((record): record is ConceptRecord => record !== undefined)
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** One concept as a record; undefined when its frontmatter cannot be parsed. */
export function toConceptRecord(concept: ConceptFile, now: Date): ConceptRecord | undefined {
  const values = concept.values;
  if (values === undefined) return undefined;
  const sections = bodySections(concept.file.body);
  const record: ConceptRecord = {
    id: conceptId(concept) ?? concept.path.replace(/\.md$/, ""),
    path: concept.path,
    source: concept.path.split("/")[0] ?? concept.path,
    title: conceptTitle(concept),
    tags: stringList(values.tags),
    governance: governanceOf(concept, values, now),
    fields: sectionFields(sections),
    sensitiveFields: sensitiveRows(sections),
    joins: joinRows(sections, concept.path),
    sections,
    related: relatedPaths(sections, concept.path),
  };
  const optional = {
    description: values.description,
    type: values.type,
    kind: values.kind,
    database: values.database,
    schema: values.schema,
    table: values.table,
  };
  for (const [key, value] of Object.entries(optional)) {
    const text = scalarText(value);
    if (text !== undefined) record[key as keyof typeof optional] = text;
  }
  const domain = scalarText(values.domain);
  if (domain !== undefined) record.domain = domain;
  return record;
}

function governanceOf(
  concept: ConceptFile,
  values: Record<string, unknown>,
  now: Date,
): ConceptGovernance {
  const governance: ConceptGovernance = {
    pii: values.pii === true,
    stale: ["stale_after", "next_review_due"].some((key) => isPast(values[key], now)),
    deprecated: isDeprecated(concept),
    humanReviewed: humanVerified(values.verified),
  };
  const keys = {
    approvalStatus: "approval_status",
    status: "status",
    owner: "owner",
    steward: "steward",
    classification: "classification",
    agentUsage: "agent_usage",
    lastReviewedAt: "last_reviewed_at",
    nextReviewDue: "next_review_due",
    staleAfter: "stale_after",
  } as const;
  for (const [field, key] of Object.entries(keys)) {
    const text = scalarText(values[key]);
    if (text !== undefined) governance[field as keyof typeof keys] = text;
  }
  const replacedBy = idText(values.replaced_by);
  if (replacedBy !== undefined) governance.replacedBy = replacedBy;
  const sourceOfTruth = values.source_of_truth === true ? true : idText(values.source_of_truth);
  if (sourceOfTruth !== undefined) governance.sourceOfTruth = sourceOfTruth;
  return governance;
}

function isPast(value: unknown, now: Date): boolean {
  if (typeof value !== "string") return false;
  const due = reviewDate(value);
  return due !== undefined && due.getTime() <= now.getTime();
}

/** OKF v0.2 `verified`: a list of `{by, at}` entries (a lone entry or string is tolerated). */
function humanVerified(verified: unknown): boolean {
  const entries: unknown[] = Array.isArray(verified) ? verified : [verified];
  return entries.some((entry) => {
    const by =
      entry !== null && typeof entry === "object" ? (entry as Record<string, unknown>).by : entry;
    return typeof by === "string" && by.startsWith("human:");
  });
}

/** A concept id as written (`false`, a number or a blank is none; `okf validate` reports them). */
function idText(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

/** A scalar frontmatter value as text; people write `owner: 42` too. */
function scalarText(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() === "" ? undefined : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

function stringList(value: unknown): string[] {
  const items: unknown[] = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return items.map(scalarText).filter((item): item is string => item !== undefined);
}
