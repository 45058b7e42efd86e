import type { ConceptState } from "../bundle/source-state.js";
import type { KeptFacts } from "./last-observed.js";

/**
 * Whether the existing file must be left exactly as it is: its sample cannot be read tonight,
 * and the state has no last observed sample to render in its place (a file written before okf
 * kept observed facts, or by a run without profiling). Rewriting it would drop the findings and
 * decisions it shows; a file that already says "not observed" is rewritten as usual.
 */
export function keepsFileAsItWas(
  kept: KeptFacts,
  previous: ConceptState | undefined,
  existingText: string | undefined,
): boolean {
  return (
    existingText !== undefined &&
    previous !== undefined &&
    previous.unrefreshedSince?.sample === undefined &&
    kept.unrefreshed.some((fact) => fact.part === "sample" && !fact.known)
  );
}

export const keptAsItWasNote =
  "kept as it was: its profile and findings could not be read tonight, and no earlier observation is recorded to show instead";
