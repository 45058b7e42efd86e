import type { Dataset } from "./dataset.js";

/** Per-field figures computed by the profiler from a sample. Filled by the profiler stage. */
export interface FieldProfile {
  path: string;
  sampled: number;
  present: number;
  nulls: number;
  distinct?: number;
  /** Low-cardinality values; never filled for sensitive fields. */
  values?: string[];
  min?: string;
  max?: string;
}

export interface DatasetProfile {
  /** How the sample was taken, e.g. "TABLESAMPLE SYSTEM sample of 10,000 rows". */
  method: string;
  sampled: number;
  fields: FieldProfile[];
}

export type FindingDecision = "confirmed" | "rejected" | "";

/** A field the classifier believes holds sensitive data, with evidence a reviewer can check. */
export interface SensitiveFinding {
  path: string;
  /** `pii.email`, `pii.phone`, `secret.password`, … */
  category: string;
  confidence: "low" | "medium" | "high";
  evidence: string[];
}

/** A dataset after the profile and classify stages. */
export interface EnrichedDataset extends Dataset {
  profile?: DatasetProfile;
  findings: SensitiveFinding[];
  /** Suggested `classification` for new files. */
  suggestedClassification?: "public" | "internal" | "confidential" | "restricted";
}
