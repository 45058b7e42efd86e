import type { Document } from "yaml";
import type { EnrichedDataset } from "../model/index.js";
import { renderConcept } from "../render/render-concept.js";
import type { RenderInput } from "../render/render-input.js";
import type { TemplateSet } from "../render/templates.js";
import { conceptStructure, describeStructureChange, hashOf } from "./concept-structure.js";
import { frontmatterChanges, sectionChanges } from "./change-details.js";
import { okfStatusFor } from "./frontmatter-keys.js";
import {
  frontmatterValues,
  parseKnowledgeFile,
  serializeKnowledgeFile,
} from "../knowledge-file/knowledge-file.js";
import { cellText, readTableColumn, withoutTableColumn } from "../knowledge-file/markdown-table.js";
import type { GeneratedRegion } from "../knowledge-file/regions.js";
import { mergeFrontmatter, setKey } from "./merge-frontmatter.js";
import { locateRegions, spliceRegions } from "../knowledge-file/regions.js";
import type { ConceptState } from "./source-state.js";

export interface ConceptMergeInput {
  dataset: EnrichedDataset;
  render: Omit<RenderInput, "descriptions" | "decisions" | "dataset">;
  templates: TemplateSet;
  /** The file as people left it; undefined when it does not exist. */
  existingText: string | undefined;
  /** What the last run generated (the merge base). */
  previous: ConceptState | undefined;
  /** Human-owned keys for a new file (config defaults). */
  initial: Record<string, unknown>;
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

/** Renders a dataset and merges it into its knowledge file without losing a person's work. */
export function mergeConcept(input: ConceptMergeInput): ConceptMergeResult {
  const { dataset, previous } = input;
  const path = input.render.path;
  const existing =
    input.existingText === undefined ? undefined : parseKnowledgeFile(input.existingText, path);
  const notes: string[] = [];

  const regions = existing ? locateRegions(existing.body, path) : [];
  const cellsOf = (region: string, column: string) =>
    readTableColumn(regions.find((r) => r.name === region)?.content ?? "", column);
  const fileCells = cellsOf("schema", "Description");
  const decisions = cellsOf("sensitive", "Decision");
  const cells: Record<string, string> = {};
  const descriptions = new Map<string, string>();
  for (const field of dataset.fields) {
    // As the cell says it (no HTML), so that an unedited cell reads back equal to it.
    const generated = cellText(field.comment ?? "");
    cells[field.path] = generated;
    const inFile = fileCells.get(field.path);
    const base = previous?.cells[field.path];
    const edited =
      inFile !== undefined &&
      inFile !== generated &&
      (base === undefined ? inFile !== "" : inFile !== base);
    descriptions.set(field.path, edited ? inFile : generated);
    if (edited && base !== undefined && generated !== base) {
      notes.push(
        `description of ${field.path} kept as edited; the source comment is now "${generated}"`,
      );
    }
  }

  const rendered = renderConcept(
    { ...input.render, dataset, descriptions, decisions },
    input.templates,
  );
  const structure = conceptStructure(dataset);
  const fingerprint = hashOf(structure);
  // Cells people own are left out, so that a steward's edit does not count as new generated
  // content; the generated comments they replace are in `cells` instead.
  const contentHash = hashOf([
    rendered.machineFrontmatter,
    rendered.description,
    rendered.tags,
    rendered.regions.map(withoutHumanCells),
    cells,
  ]);

  const frontmatterBefore = existing ? frontmatterValues(existing.frontmatter) : {};
  const piiBefore = existing ? frontmatterBefore.pii : undefined;
  const { cloud, ...machine } = rendered.machineFrontmatter;
  const { document, descriptionConflict } = mergeFrontmatter(existing?.frontmatter, {
    machine,
    description: { generated: rendered.description, previous: previous?.description },
    tags: { generated: rendered.tags, previous: previous?.tags },
    initial: { ...input.initial, approval_status: "draft", status: "draft" },
    ifAbsent: { classification: dataset.suggestedClassification },
    correctable: { cloud: { generated: cloud, previous: previousCloud(previous, cloud) } },
  });
  if (descriptionConflict)
    notes.push(`description kept as edited; the source now says "${rendered.description}"`);
  const reviewFrom = existing
    ? applyApprovalTransition(document, previous?.fingerprint, fingerprint)
    : undefined;
  if (reviewFrom) notes.push("approved file moved to needs_review: its machine facts changed");
  keepOrRefreshGenerated(document, previous?.contentHash === contentHash, input);

  let body = existing
    ? spliceRegions(existing.body, path, rendered.regions, rendered.order)
    : rendered.newBody;
  for (const section of existing ? rendered.humanSections : []) {
    const heading = section.split("\n")[0] ?? "";
    if (body.split(/\r?\n/).some((line) => line.trimEnd() === heading)) continue;
    body = insertBeforeDetails(body, path, section);
    notes.push(
      `sensitive fields found: a ${heading.replace(/^#+ /, "")} section was added for the owner to write`,
    );
  }
  const text = serializeKnowledgeFile({ frontmatter: document, body, style: existing?.style });
  const action = !existing ? "created" : text === input.existingText ? "unchanged" : "changed";
  const details =
    action === "created"
      ? [
          `${dataset.objectType}, ${String(dataset.fields.length)} ${input.render.source.vocabulary.fieldWord}${dataset.fields.length === 1 ? "" : "s"}`,
        ]
      : previous
        ? describeStructureChange(previous.structure, structure)
        : [];
  return {
    text,
    action,
    details: [
      ...details,
      ...piiChange(piiBefore, rendered.machineFrontmatter.pii),
      ...(reviewFrom ? [`approval_status: ${reviewFrom} → needs_review`] : []),
    ],
    updated:
      action === "changed"
        ? [
            ...sectionChanges(regions, rendered.regions, rendered.order),
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
      description: rendered.description,
      tags: rendered.tags,
      cells,
      cloud: typeof cloud === "string" ? cloud : null,
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

function withoutHumanCells(region: GeneratedRegion): GeneratedRegion {
  if (region.name === "schema")
    return { ...region, content: withoutTableColumn(region.content, "Description") };
  if (region.name === "sensitive")
    return { ...region, content: withoutTableColumn(region.content, "Decision") };
  return region;
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

/**
 * An approved file whose facts changed needs review; a deprecated object that came back, too.
 * Returns the status the file moved from, or undefined when it stays as it is.
 */
function applyApprovalTransition(
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

/** Marks a concept whose object disappeared from the source; returns undefined when already so. */
export function deprecateConcept(text: string, path: string): string | undefined {
  const file = parseKnowledgeFile(text, path);
  if (frontmatterValues(file.frontmatter).approval_status === "deprecated") return undefined;
  setKey(file.frontmatter, "approval_status", "deprecated");
  setKey(file.frontmatter, "status", okfStatusFor("deprecated"));
  return serializeKnowledgeFile(file);
}
