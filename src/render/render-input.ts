import type { DatasetRef, EnrichedDataset, SourceVocabulary } from "../model/index.js";
import type { TableRow } from "../knowledge-file/table-rows.js";
import type { UnrefreshedFact } from "./unrefreshed-view.js";

/** Everything the renderer needs about one concept; it knows nothing about drivers or files. */
export interface RenderInput {
  dataset: EnrichedDataset;
  source: {
    name: string;
    system: string;
    domain?: string;
    cloud?: string;
    /** Credential-free URI or ARN of the source as a whole. */
    resource: string;
    vocabulary: SourceVocabulary;
  };
  /** Bundle-relative path of this concept (`crm/crm_prod/sales/customer_account.md`). */
  path: string;
  /** Dotted frontmatter id. */
  id: string;
  /** Bundle-relative path of another object's concept, when the bundle has one. */
  pathOf: (ref: DatasetRef) => string | undefined;
  /** Bundle-relative path of a concept of another source (`Dataset.linked`), when it has one. */
  linkedPathOf?: (source: string, ref: DatasetRef) => string | undefined;
  /** Description cell per field path: a person's edit read from the file, or the comment. */
  descriptions: ReadonlyMap<string, string>;
  /** A person's Decision cell per sensitive field path (`confirmed`, `rejected`), kept across runs. */
  decisions: ReadonlyMap<string, string>;
  /**
   * The first sentence of the Business Meaning a person wrote in the file: the description,
   * ahead of the table comment and the generated summary.
   */
  meaning?: string;
  /** A person's Masking cell per sensitive field path, kept across runs. */
  maskings?: ReadonlyMap<string, string>;
  /** The rows of the file's Sensitive Fields table, for the rows people added. */
  sensitiveRows?: readonly TableRow[];
  /** The rows of the file's Relationships table, for Decision cells and the rows people added. */
  joinRows?: readonly TableRow[];
  /** Parts this run could not read, shown as last observed (or as never observed). */
  unrefreshed?: readonly UnrefreshedFact[];
}
