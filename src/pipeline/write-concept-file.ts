import { mergeConcept, type ConceptMergeResult } from "../bundle/merge-concept.js";
import { readPersonEdits } from "../bundle/person-edits.js";
import type { ConceptState } from "../bundle/source-state.js";
import type { StateTransaction } from "../bundle/state-journal.js";
import { renderConcept } from "../render/render-concept.js";
import type { RenderInput } from "../render/render-input.js";
import type { TemplateSet } from "../render/templates.js";
import { generatorName } from "../version.js";
import type { BundleFiles } from "./bundle-files.js";
import { keepsFileAsItWas } from "./kept-as-it-was.js";
import { nextObserved, type KeptFacts } from "./last-observed.js";
import { withPersonSensitiveFields } from "./person-sensitive-fields.js";

/** What render needs of a concept besides its dataset and the person's cells. */
export type RenderContext = Omit<
  RenderInput,
  "dataset" | "descriptions" | "decisions" | "meaning" | "maskings" | "sensitiveRows" | "joinRows"
>;

/** Where concept files go tonight, the same for every concept of a source. */
export interface ConceptFileWriter {
  files: BundleFiles;
  state: StateTransaction;
  templates: TemplateSet;
  now: string;
  /** Human-owned keys for a new file (config defaults). */
  initial: Record<string, unknown>;
}

/** One concept as the source run prepared it. */
export interface ConceptJob {
  kept: KeptFacts;
  /** What the last run generated for it (the merge base). */
  previous: ConceptState | undefined;
  render: RenderContext;
}

export type ConceptFileOutcome =
  | { keptAsItWas: true; entry: ConceptState }
  | { keptAsItWas: false; merged: ConceptMergeResult; entry: ConceptState };

/**
 * One concept down the write path, a stage at a time, each taking what the one before gave:
 * read the person's edits from the file, render the generated content, splice it into the file,
 * write it. Broken YAML or markers in the file throw KnowledgeFileError before anything is written.
 */
export async function writeConceptFile(
  writer: ConceptFileWriter,
  job: ConceptJob,
): Promise<ConceptFileOutcome> {
  const { path } = job.render;
  const text = await writer.files.read(path);
  if (job.previous && keepsFileAsItWas(job.kept, job.previous, text))
    return { keptAsItWas: true, entry: job.previous };

  const edits = readPersonEdits(text, path, job.kept.dataset, job.previous);
  const kept = withPersonSensitiveFields(job.kept, edits.sensitiveRows);
  const { dataset } = kept;
  const { descriptions, decisions, maskings, sensitiveRows, joinRows, meaning } = edits;
  const generated = renderConcept(
    {
      ...job.render,
      dataset,
      descriptions,
      decisions,
      maskings,
      sensitiveRows,
      joinRows,
      ...(meaning === undefined ? {} : { meaning }),
    },
    writer.templates,
  );
  const merged = mergeConcept({
    dataset,
    path,
    edits,
    generated,
    previous: job.previous,
    initial: writer.initial,
    fieldWord: job.render.source.vocabulary.fieldWord,
    now: writer.now,
    generator: generatorName,
  });
  const contentUnchanged = job.previous?.contentHash === merged.state.contentHash;
  const entry = { ...merged.state, ...nextObserved(kept, job.previous, contentUnchanged) };
  if (merged.action !== "unchanged") {
    // The state journal records the entry first, so a killed run never mistakes its own text
    // for a person's edit (docs/regeneration.md).
    await writer.state.writeConcept(path, entry, merged.text, () =>
      writer.files.write(path, merged.text),
    );
  }
  return { keptAsItWas: false, merged, entry };
}
