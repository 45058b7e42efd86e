import type { UnobservedPart } from "../model/index.js";

/** A part of a dataset this run could not read (see `Dataset.unobserved`), as the file shows it. */
export interface UnrefreshedFact {
  part: UnobservedPart;
  /** A fixed sentence okf wrote: "permission denied (SQLSTATE 42501)". */
  reason: string;
  /** YYYY-MM-DD of the first run in a row that could not read it. */
  since: string;
  /** Whether the file shows facts observed earlier; false when none ever were. */
  known: boolean;
}

const what: Record<UnobservedPart, string> = {
  sample: "profile and sensitive-field findings",
  indexes: "indexes",
  tags: "resource tags",
  settings: "table settings (TTL, point-in-time recovery)",
  statistics: "column statistics",
};

export function unrefreshedWhat(part: UnobservedPart): string {
  return what[part];
}

/** Data Quality bullets: what is shown as last observed, since when, and why. */
export function unrefreshedBullets(facts: readonly UnrefreshedFact[] | undefined): string[] {
  return (facts ?? []).map((fact) => {
    const subject = what[fact.part].replace(/^./, (letter) => letter.toUpperCase());
    return fact.known
      ? `${subject} could not be refreshed since ${fact.since}: ${fact.reason}. Shown as last observed.`
      : `${subject} not observed since ${fact.since}: ${fact.reason}.`;
  });
}
