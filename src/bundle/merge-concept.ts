import type { Document } from "yaml";
import type { EnrichedDataset } from "../model/index.js";
import type { GeneratedConcept } from "../knowledge-file/generated-concept.js";
import { frontmatterValues, serializeKnowledgeFile } from "../knowledge-file/knowledge-file.js";
import { withoutTableColumn } from "../knowledge-file/markdown-table.js";
import type { GeneratedRegion } from "../knowledge-file/regions.js";
import { locateRegions, spliceRegions } from "../knowledge-file/regions.js";
import { applyApprovalTransition, deprecationAuthor } from "./approval-transitions.js";
import { conceptStructure, describeStructureChange, hashOf } from "./concept-structure.js";
import { frontmatterChanges, sectionChanges } from "./change-details.js";
import { mergeFrontmatter, setKey } from "./merge-frontmatter.js";
import type { PersonEdits } from "./person-edits.js";
import type { ConceptState } from "./source-state.js";

export interface ConceptMergeInput {
  dataset: EnrichedDataset;
  /** Bundle-relative path of the concept file, for messages. */
  path: string;
  /** What people made of the file (see readPersonEdits). */
  edits: PersonEdits;
  /** What this run generated for it (see renderConcept). */
  generated: GeneratedConcept;
  /** What the last run generated (the merge base). */
  previous: ConceptState | undefined;
  /** Human-owned keys for a new file (config defaults). */
  initial: Record<string, unknown>;
  /** The source's word for a field (`column`, `attribute`), for log.md. */
  fieldWord: string;
  now: string;
  generator: string;
}

export interface ConceptMergeResult {
  text: string;
  state: ConceptState;
  action: "created" | "changed" | "unchanged";
  /** What changed, for log.md. */
  details: string[];
  /** For log.md too: the sections and frontmatter keys whose text changed (`updated Schema`). */
  updated: string[];
  /** Things a person should know (their edit kept although the source changed). */
  notes: string[];
  /** Findings whose field had no row in the file's Sensitive Fields table before this run. */
  newFindings: Array<{ path: string; category: string }>;
  /** The file was approved and is now `needs_review` because its machine facts changed. */
  movedToReview: boolean;
  /** Fields whose findings a person rejected in the file's Sensitive Fields table. */
  rejectedPaths: string[];
}

/** Splices generated content into a knowledge file without losing a person's work. */
export function mergeConcept(input: ConceptMergeInput): ConceptMergeResult {
  const { dataset, previous, path, edits, generated } = input;
  const existing = edits.file;
  const notes = [...edits.notes];
  const structure = conceptStructure(dataset);
  const fingerprint = hashOf(structure);
  // Cells people own are left out, so that a steward's edit does not count as new generated
  // content; the generated comments they replace are in `generatedCells` instead.
  const contentHash = hashOf([
    generated.machineFrontmatter,
    generated.description,
    generated.tags,
    generated.regions.map((region) => withoutHumanCells(region, generated.humanLines ?? [])),
    edits.generatedCells,
  ]);

  const frontmatterBefore = existing ? frontmatterValues(existing.frontmatter) : {};
  const { cloud, ...machine } = generated.machineFrontmatter;
  const { document, descriptionConflict } = mergeFrontmatter(existing?.frontmatter, {
    machine,
    description: { generated: generated.description, previous: previous?.description },
    tags: { generated: generated.tags, previous: previous?.tags },
    initial: { ...input.initial, approval_status: "draft", status: "draft" },
    ifAbsent: { classification: dataset.suggestedClassification },
    correctable: { cloud: { generated: cloud, previous: previousCloud(previous, cloud) } },
  });
  if (descriptionConflict)
    notes.push(`description kept as edited; the source now says "${generated.description}"`);
  const reviewFrom = existing
    ? applyApprovalTransition(document, previous, fingerprint)
    : undefined;
  if (reviewFrom === "approved")
    notes.push("approved file moved to needs_review: its machine facts changed");
  if (reviewFrom === "deprecated")
    notes.push("deprecated file moved to needs_review: its object is back in the source");
  const deprecatedBy = deprecationAuthor(document);
  keepOrRefreshGenerated(document, previous?.contentHash === contentHash, input);

  let body = existing
    ? spliceRegions(existing.body, path, generated.regions, generated.order)
    : generated.newBody;
  for (const section of existing ? generated.humanSections : []) {
    const heading = section.split("\n")[0] ?? "";
    if (body.split(/\r?\n/).some((line) => line.trimEnd() === heading)) continue;
    body = insertBeforeDetails(body, path, section);
    notes.push(
      `sensitive fields found: a ${heading.replace(/^#+ /, "")} section was added for the owner to write`,
    );
  }
  const text = serializeKnowledgeFile({ frontmatter: document, body, style: existing?.style });
  const action = !existing ? "created" : text === edits.text ? "unchanged" : "changed";
  const fieldCount = dataset.fields.length;
  const details =
    action === "created"
      ? [
          `${dataset.objectType}, ${String(fieldCount)} ${input.fieldWord}${fieldCount === 1 ? "" : "s"}`,
        ]
      : previous
        ? describeStructureChange(previous.structure, structure)
        : [];
  const { decisions } = edits;
  return {
    text,
    action,
    details: [
      ...details,
      ...piiChange(frontmatterBefore.pii, generated.machineFrontmatter.pii),
      ...(reviewFrom ? [`approval_status: ${reviewFrom} → needs_review`] : []),
    ],
    updated:
      action === "changed"
        ? [
            ...sectionChanges(edits.regions, generated.regions, generated.order),
            ...frontmatterChanges(frontmatterBefore, frontmatterValues(document)),
          ]
        : [],
    notes,
    newFindings: dataset.findings
      .filter((finding) => !decisions.has(finding.path))
      .map(({ path: fieldPath, category }) => ({ path: fieldPath, category }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    movedToReview: reviewFrom === "approved",
    rejectedPaths: [...decisions]
      .filter(([, decision]) => decision.trim().toLowerCase() === "rejected")
      .map(([fieldPath]) => fieldPath),
    state: {
      ref: dataset.ref,
      structure,
      fingerprint,
      contentHash,
      description: generated.description,
      tags: generated.tags,
      cells: edits.generatedCells,
      cloud: typeof cloud === "string" ? cloud : null,
      ...(deprecatedBy ? { deprecatedBy } : {}),
    },
  };
}

/**
 * The `cloud` the last run wrote. A state from before okf recorded it wrote the configured
 * cloud, which was `aws` unless the config said otherwise (then it is still `generated`).
 */
function previousCloud(previous: ConceptState | undefined, generated: unknown): unknown {
  if (!previous) return undefined;
  if (previous.cloud !== undefined) return previous.cloud;
  return generated ?? "aws";
}

/** A region without the cells and rows people own (Description, Decision, Masking, added rows). */
function withoutHumanCells(
  region: GeneratedRegion,
  humanLines: readonly string[],
): GeneratedRegion {
  const people = new Set(humanLines);
  const content = region.content
    .split("\n")
    .filter((line) => !people.has(line))
    .join("\n");
  if (region.name === "schema")
    return { ...region, content: withoutTableColumn(content, "Description") };
  if (region.name === "sensitive")
    return {
      ...region,
      content: withoutTableColumn(withoutTableColumn(content, "Decision"), "Masking"),
    };
  if (region.name === "relationships")
    return { ...region, content: withoutTableColumn(content, "Decision") };
  return { ...region, content };
}

/** `pii: true → false` when a person's decisions (or new findings) turned it. */
function piiChange(before: unknown, after: unknown): string[] {
  return typeof before === "boolean" && before !== after
    ? [`pii: ${String(before)} → ${String(after)}`]
    : [];
}

/** A human section goes after the people's sections, before the first detailed region. */
function insertBeforeDetails(body: string, path: string, section: string): string {
  const anchor = locateRegions(body, path).find((region) => region.name !== "summary");
  if (!anchor) return `${body.replace(/\n*$/, "")}\n\n${section}\n`;
  return `${body.slice(0, anchor.start)}${section}\n\n${body.slice(anchor.start)}`;
}

/** `generated.at` moves only when the generated content changes (docs/knowledge-files.md#frontmatter). */
function keepOrRefreshGenerated(
  document: Document,
  unchanged: boolean,
  input: ConceptMergeInput,
): void {
  const current = frontmatterValues(document).generated as
    { by?: unknown; at?: unknown } | undefined;
  if (unchanged && typeof current?.at === "string" && current.by === input.generator) return;
  setKey(document, "generated", { by: input.generator, at: input.now });
}
