import { extractorFor } from "../../extractors/registry.js";
import { refKey } from "../bundle/concept-paths.js";
import { readSourceState } from "../bundle/source-state.js";
import type { SourceConfig } from "../config/schema.js";
import type { RenderInput } from "../render/render-input.js";

/**
 * Paths of other sources' concepts, from their state files: sources a run depends on run first
 * (see runExtract), so a link reflects this run when both run, and the last run otherwise.
 */
export async function linkedConceptPaths(
  bundleDir: string,
  sourceNames: readonly string[],
): Promise<NonNullable<RenderInput["linkedPathOf"]>> {
  const bySource = new Map<string, Map<string, string>>();
  for (const name of sourceNames) {
    const state = await readSourceState(bundleDir, name);
    const paths = Object.entries(state.concepts).map(
      ([path, concept]) => [refKey(concept.ref), path] as const,
    );
    bySource.set(name, new Map(paths));
  }
  return (sourceName, ref) => bySource.get(sourceName)?.get(refKey(ref));
}

/** The sources whose concepts this one links to. */
export function linkedSources(source: SourceConfig): string[] {
  return extractorFor(source).dependsOn?.(source) ?? [];
}
