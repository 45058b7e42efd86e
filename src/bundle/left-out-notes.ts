import { readdir } from "node:fs/promises";
import { join } from "node:path";
import type { LeftOutObjects } from "../model/index.js";
import { sourceSegment } from "./concept-paths.js";
import { readSourceState } from "./source-state.js";

/**
 * What each source's last run left out on purpose, by the folder that holds the source's
 * concepts, from the committed state files (so a run of one source keeps the others' notes).
 */
export async function leftOutByFolder(bundleDir: string): Promise<Map<string, LeftOutObjects[]>> {
  const notes = new Map<string, LeftOutObjects[]>();
  let files: string[];
  try {
    files = await readdir(join(bundleDir, ".okf", "state"));
  } catch {
    return notes;
  }
  for (const file of files.filter((name) => name.endsWith(".json")).sort()) {
    const sourceName = file.slice(0, -".json".length);
    const state = await readSourceState(bundleDir, sourceName).catch(() => undefined);
    if (!state?.leftOut || state.leftOut.length === 0) continue;
    const folder = sourceSegment(sourceName);
    notes.set(folder, [...(notes.get(folder) ?? []), ...state.leftOut]);
  }
  return notes;
}
