import { deprecateConcept } from "../bundle/approval-transitions.js";
import type { SourceState } from "../bundle/source-state.js";
import { KnowledgeFileError } from "../errors.js";
import type { DatasetRef, ExtractionFailure } from "../model/index.js";
import type { SourceOutcome } from "./extract-types.js";
import type { SourceRun } from "./run-source.js";

/** Objects that disappeared from the source keep their file, marked deprecated (docs/regeneration.md). */
export async function deprecateMissing(
  run: SourceRun,
  previous: SourceState,
  next: SourceState,
  failures: readonly ExtractionFailure[],
  outcome: SourceOutcome,
): Promise<void> {
  if (failures.some((failure) => failure.scope === undefined)) return;
  for (const [path, state] of Object.entries(previous.concepts)) {
    if (path in next.concepts) continue;
    // Objects in a part of the source we could not read are not known to be gone.
    if (failures.some((failure) => failure.scope && covers(failure.scope, state.ref))) {
      next.concepts[path] = state;
      continue;
    }
    let text: string | undefined;
    try {
      text = await run.files.read(path);
    } catch (error) {
      if (!(error instanceof KnowledgeFileError)) throw error;
      run.unparseable.push({ file: path, message: error.message, hint: error.hint });
      next.concepts[path] = state;
      continue;
    }
    if (text === undefined) continue;
    next.concepts[path] = state;
    try {
      const deprecated = deprecateConcept(text, path);
      // Without a record of who deprecated the file (a state from before okf kept one, or a run
      // killed before it wrote its state), the object is gone, so extract most likely did: when
      // the object returns, a person is asked to review it.
      const by = deprecated === undefined ? (state.deprecatedBy ?? "extract") : "extract";
      next.concepts[path] = { ...state, deprecatedBy: by };
      if (deprecated === undefined) continue;
      await run.files.write(path, deprecated);
      outcome.deprecated.push(path);
      outcome.changes.push({
        path,
        title: state.ref.name,
        action: "deprecated",
        details: ["no longer in the source"],
        newFindings: [],
        movedToReview: false,
      });
    } catch (error) {
      if (!(error instanceof KnowledgeFileError)) throw error;
      run.unparseable.push({ file: path, message: error.message, hint: error.hint });
    }
  }
}

function covers(scope: DatasetRef, ref: DatasetRef): boolean {
  return (
    (scope.database === undefined || scope.database === ref.database) &&
    (scope.schema === undefined || scope.schema === ref.schema) &&
    (scope.name === "*" || scope.name === ref.name)
  );
}
