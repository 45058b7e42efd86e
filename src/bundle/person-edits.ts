import type { EnrichedDataset } from "../model/index.js";
import { parseKnowledgeFile, type KnowledgeFile } from "../knowledge-file/knowledge-file.js";
import { cellText, readTableColumn } from "../knowledge-file/markdown-table.js";
import { locateRegions, type GeneratedRegion } from "../knowledge-file/regions.js";
import { businessMeaningSentence } from "./business-meaning.js";
import { readTableRows, type TableRow } from "../knowledge-file/table-rows.js";
import type { ConceptState } from "./source-state.js";

/**
 * What people made of a concept file, read before anything is generated for it: render shows
 * their cells, and the merge keeps the rest of their work.
 */
export interface PersonEdits {
  /** The file as people left it; undefined when it does not exist yet. */
  text: string | undefined;
  file: KnowledgeFile | undefined;
  /** The file's generated regions as they stand, to tell which sections a run changed. */
  regions: GeneratedRegion[];
  /** Description cell per field path: a person's edit where there is one, else the comment. */
  descriptions: Map<string, string>;
  /** Decision cell per sensitive field path (`confirmed`, `rejected`), as people wrote it. */
  decisions: Map<string, string>;
  /** Masking cell per sensitive field path, as people wrote it. */
  maskings: Map<string, string>;
  /** The Sensitive Fields and Relationships tables' rows as they stand, for rows people added. */
  sensitiveRows: TableRow[];
  joinRows: TableRow[];
  /**
   * The Description cell okf generates per field path. Recorded as the next merge base, so
   * that the next run can tell a person's edit from a comment that changed.
   */
  generatedCells: Record<string, string>;
  /** Edits kept although the source changed under them, for the person to know. */
  notes: string[];
  /** The first sentence of the Business Meaning a person wrote: the generated description. */
  meaning?: string;
}

/** Reads a person's edits; broken YAML or markers throw KnowledgeFileError. */
export function readPersonEdits(
  text: string | undefined,
  path: string,
  dataset: EnrichedDataset,
  previous: ConceptState | undefined,
): PersonEdits {
  const file = text === undefined ? undefined : parseKnowledgeFile(text, path);
  const regions = file ? locateRegions(file.body, path) : [];
  const contentOf = (region: string) => regions.find((r) => r.name === region)?.content ?? "";
  const cellsOf = (region: string, column: string) => readTableColumn(contentOf(region), column);
  const fileCells = cellsOf("schema", "Description");
  const notes: string[] = [];
  const generatedCells: Record<string, string> = {};
  const descriptions = new Map<string, string>();
  for (const field of dataset.fields) {
    // As the cell says it (no HTML), so that an unedited cell reads back equal to it.
    const generated = cellText(field.comment ?? "");
    generatedCells[field.path] = generated;
    const inFile = fileCells.get(field.path);
    const base = previous?.cells[field.path];
    // Without a base (no state), any text that differs is taken as a person's, but not a blank.
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
  const meaning = file ? businessMeaningSentence(file.body) : undefined;
  return {
    text,
    file,
    regions,
    descriptions,
    decisions: cellsOf("sensitive", "Decision"),
    maskings: cellsOf("sensitive", "Masking"),
    sensitiveRows: readTableRows(contentOf("sensitive")),
    joinRows: readTableRows(contentOf("relationships")),
    generatedCells,
    notes,
    ...(meaning === undefined ? {} : { meaning }),
  };
}
