import type { DatasetRef } from "./dataset.js";

/**
 * Why two datasets may be joined: a declared foreign key (from this dataset, or to it from
 * another), or a guess from names where nothing is declared (see src/relate/README.md).
 */
type JoinEvidence =
  | { kind: "foreign_key" }
  | { kind: "foreign_key_incoming" }
  /** The column has the name of the other table's single-column key. */
  | { kind: "same_key_name" }
  /** The column is `<table>_id` (or `<singular table>_id`) and the other table is that table. */
  | { kind: "column_names_table"; column: string }
  /** DynamoDB: a key attribute that names another table of the source. */
  | { kind: "key_attribute_names_table" };

/** How many rows of the other side one row of this side meets. */
export type JoinCardinality = "many-to-one" | "one-to-one" | "one-to-many" | "many-to-many";

/** One way this dataset joins another of the same source, seen from this dataset. */
export interface JoinCandidate {
  /** This dataset's columns, pair by pair with `otherColumns`. */
  columns: string[];
  other: DatasetRef;
  otherColumns: string[];
  evidence: JoinEvidence;
  /** Absent when the keys do not tell (a table without declared keys). */
  cardinality?: JoinCardinality;
}
