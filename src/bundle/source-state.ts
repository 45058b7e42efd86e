import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { DatasetRef } from "../model/index.js";
import type { ConceptStructure } from "./concept-structure.js";
import type { ObservedFacts, UnrefreshedSince } from "./observed-facts.js";
import { writeFileAtomic } from "./atomic-write.js";

/**
 * What the last run generated for each concept of a source: the base of the three-way merge.
 * Kept in `<bundle>/.okf/state/<source>.json` (not markdown, so not part of the OKF bundle), and
 * meant to be committed with the bundle so a fresh clone in CI merges correctly.
 */
export interface ConceptState {
  ref: DatasetRef;
  structure: ConceptStructure;
  fingerprint: string;
  contentHash: string;
  description: string;
  tags: string[];
  /** Generated Description cell per field path. */
  cells: Record<string, string>;
  /** The parts a run may fail to read, as last read (kept through runs that could not). */
  lastObserved?: ObservedFacts;
  /** Parts this file shows as last observed because recent runs could not read them. */
  unrefreshedSince?: UnrefreshedSince;
}

export interface SourceState {
  version: 1;
  concepts: Record<string, ConceptState>;
}

export function stateFile(bundleDir: string, sourceName: string): string {
  return join(bundleDir, ".okf", "state", `${sourceName}.json`);
}

export async function readSourceState(bundleDir: string, sourceName: string): Promise<SourceState> {
  try {
    const parsed = JSON.parse(
      await readFile(stateFile(bundleDir, sourceName), "utf8"),
    ) as Partial<SourceState> | null;
    if (parsed?.version === 1 && typeof parsed.concepts === "object") {
      return { version: 1, concepts: parsed.concepts };
    }
  } catch {
    // A missing or damaged state only costs merge precision: edits are then judged against the file.
  }
  return { version: 1, concepts: {} };
}

export function serializeSourceState(state: SourceState): string {
  const concepts = Object.fromEntries(
    Object.keys(state.concepts)
      .sort()
      .map((path) => [path, state.concepts[path]]),
  );
  return `${JSON.stringify({ version: 1, concepts }, null, 1)}\n`;
}

/** Writes the state only when it changed, so an unchanged run writes nothing. */
export async function writeSourceState(
  bundleDir: string,
  sourceName: string,
  state: SourceState,
): Promise<boolean> {
  const file = stateFile(bundleDir, sourceName);
  const text = serializeSourceState(state);
  const current = await readFile(file, "utf8").catch(() => undefined);
  if (current === text) return false;
  await writeFileAtomic(file, text);
  return true;
}
