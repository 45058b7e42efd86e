import type { DatasetKind } from "./dataset.js";

/** How a source names things, for display. */
export interface SourceVocabulary {
  /** "PostgreSQL": the first word of the OKF `type`. */
  engine: string;
  /** Default `system` label when the config sets none. */
  system: string;
  /** column / attribute / field. */
  fieldWord: string;
  /** The second half of the OKF `type` per kind: "Table", "View", … */
  kindTitles: Partial<Record<DatasetKind, string>>;
  /** Title of the `sources` entry: what was read. */
  catalogTitle: string;
}
