import { watch } from "node:fs";
import { buildGuardKnowledge, type GuardKnowledge } from "../guard/check-sql.js";
import { guardPolicyBeside } from "../guard/guard-policy.js";
import type { ConceptFile } from "../steward/concept-files.js";
import { readSnapshot, type ToolContext } from "./tool-context.js";

/**
 * Looking at 2,000 files on disk costs 100 ms or more, twice the time check_query may take. So
 * the guard's knowledge is kept between calls, and the bundle is looked at again when the file
 * system reports a change under it, or when the last look is more than `recheckMs` old (a
 * watcher can miss events: network file systems, a folder replaced whole). Without a watcher,
 * every call looks.
 */
const recheckMs = 1000;

interface WatchedKnowledge {
  files: readonly ConceptFile[];
  /** The policy and the day the knowledge was built for (staleness is decided by the date). */
  key: string;
  knowledge?: GuardKnowledge;
  checkedAt: number;
  changed: boolean;
  watching: boolean;
}

const states = new WeakMap<ToolContext, WatchedKnowledge>();

export async function currentGuardKnowledge(context: ToolContext): Promise<GuardKnowledge> {
  const policy = await guardPolicyBeside(context.bundleDir);
  const key = `${JSON.stringify(policy)} ${context.now().toISOString().slice(0, 10)}`;
  const state = states.get(context) ?? watched(context);
  const fresh = state.watching && !state.changed && Date.now() - state.checkedAt < recheckMs;
  if (state.knowledge && fresh && state.key === key) return state.knowledge;
  // Cleared before reading: a change reported while the files are read is seen next call.
  state.changed = false;
  state.checkedAt = Date.now();
  const snapshot = await readSnapshot(context);
  const files = snapshot.entries.map((entry) => entry.concept);
  const same =
    state.key === key &&
    state.files.length === files.length &&
    state.files.every((file, index) => file === files[index]);
  if (!state.knowledge || !same) state.knowledge = buildGuardKnowledge(snapshot.records, policy);
  state.files = files;
  state.key = key;
  return state.knowledge;
}

/** The state of one server, with a recursive watch of its bundle that marks it changed. */
function watched(context: ToolContext): WatchedKnowledge {
  const state: WatchedKnowledge = {
    files: [],
    key: "",
    checkedAt: 0,
    changed: true,
    watching: false,
  };
  states.set(context, state);
  try {
    const watcher = watch(context.bundleDir, { recursive: true, persistent: false });
    state.watching = true;
    watcher.on("change", () => {
      state.changed = true;
    });
    watcher.on("error", () => {
      state.watching = false;
      watcher.close();
    });
  } catch {
    state.watching = false;
  }
  return state;
}
