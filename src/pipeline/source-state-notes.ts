import { stateFilePath } from "../bundle/source-state.js";
import { beginStateTransaction, type StateTransaction } from "../bundle/state-journal.js";
import { redact } from "../secrets.js";
import type { SourceOutcome } from "./extract-types.js";
import type { SourceRun } from "./run-source.js";

/**
 * Opens the source's state transaction, telling the user what it had to repair: entries of the
 * state file that were dropped (a note), and an interrupted run's state completed (progress).
 */
export function beginSourceState(
  run: SourceRun,
  outcome: SourceOutcome,
): Promise<StateTransaction> {
  const { source, files } = run;
  return beginStateTransaction(files.bundleDir, source.name, {
    dryRun: files.dryRun,
    onInvalidKey: (key) => {
      outcome.notes.push({
        file: stateFilePath(source.name),
        note: `entry ${redact(JSON.stringify(key))} ignored: it is not a path of this source's concept files`,
      });
    },
    onRecovered: (entries) => {
      run.progress(
        `${source.name}: completed the merge state of an interrupted run (${String(entries)} file${entries === 1 ? "" : "s"})`,
      );
    },
  });
}
