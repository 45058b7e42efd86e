import { join } from "node:path";
import type { DatasetRef, LeftOutObjects } from "../model/index.js";
import type { ConceptStructure } from "./concept-structure.js";
import type { ObservedFacts, UnrefreshedSince } from "./observed-facts.js";
import { writeFileAtomic } from "./atomic-write.js";
import { isConceptPathOf } from "./concept-paths.js";
import { assertNotLinked, readBundleTextIfExists } from "./files.js";

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
  /** The `cloud` this run wrote, null when none (absent in states from before okf kept it). */
  cloud?: string | null;
  /** The parts a run may fail to read, as last read (kept through runs that could not). */
  lastObserved?: ObservedFacts;
  /** Parts this file shows as last observed because recent runs could not read them. */
  unrefreshedSince?: UnrefreshedSince;
  /**
   * Scans okf's own sample reads added to this dataset's usage counters since the statistics
   * were last reset (`statsReset`): subtracted from the counters before they are shown.
   */
  okfReads?: OkfReads;
  /**
   * Who wrote the file's `approval_status: deprecated`: `extract`, when the object had gone from
   * the source (lifted to needs_review when it comes back), or a `person` (it stands). Absent
   * when the file is not deprecated, and in states from before okf recorded it.
   */
  deprecatedBy?: "extract" | "person";
}

export interface OkfReads {
  seqScans: number;
  idxScans: number;
  /** The engine's statistics reset time these scans were counted after; absent for never. */
  statsReset?: string;
}

export interface SourceState {
  version: 1;
  concepts: Record<string, ConceptState>;
  /** Objects the last run left out on purpose, for the source folder's index.md. */
  leftOut?: LeftOutObjects[];
}

function stateFile(bundleDir: string, sourceName: string): string {
  return join(bundleDir, ".okf", "state", `${sourceName}.json`);
}

/** The state file relative to the bundle. */
export function stateFilePath(sourceName: string): string {
  return `.okf/state/${sourceName}.json`;
}

/**
 * The last committed state of a source. Every key is checked, since the file is committed and
 * may be edited by hand: one that is not a concept path of this source (`../../x.md`, an
 * absolute path, a path into `.okf/`) would make extract read and write outside the source's
 * files, so it is dropped and passed to `onInvalid`. Throws KnowledgeFileError when the state
 * file is reached through a symbolic link.
 */
export async function readSourceState(
  bundleDir: string,
  sourceName: string,
  onInvalid?: (key: string) => void,
): Promise<SourceState> {
  return parseSourceState(await readStateText(bundleDir, sourceName), sourceName, onInvalid);
}

/** The state file's text, undefined when there is none. */
export async function readStateText(
  bundleDir: string,
  sourceName: string,
): Promise<string | undefined> {
  await assertNotLinked(bundleDir, stateFilePath(sourceName));
  return readBundleTextIfExists(stateFile(bundleDir, sourceName), stateFilePath(sourceName));
}

interface StoredState {
  version?: unknown;
  concepts?: unknown;
  leftOut?: unknown;
}

export function parseSourceState(
  text: string | undefined,
  sourceName: string,
  onInvalid?: (key: string) => void,
): SourceState {
  let parsed: StoredState | null = null;
  try {
    parsed = text === undefined ? null : (JSON.parse(text) as StoredState | null);
  } catch {
    // A damaged state only costs merge precision: edits are then judged against the file.
  }
  const concepts: Record<string, ConceptState> = {};
  if (parsed?.version !== 1 || typeof parsed.concepts !== "object" || parsed.concepts === null) {
    return { version: 1, concepts };
  }
  for (const [key, concept] of Object.entries(parsed.concepts as Record<string, ConceptState>)) {
    if (isConceptPathOf(sourceName, key)) concepts[key] = concept;
    else onInvalid?.(key);
  }
  const leftOut = leftOutOf(parsed.leftOut);
  return leftOut.length > 0 ? { version: 1, concepts, leftOut } : { version: 1, concepts };
}

const isText = (value: unknown): value is string => typeof value === "string";

/** The committed file may be edited by hand: entries of another shape are dropped. */
function leftOutOf(stored: unknown): LeftOutObjects[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((entry: unknown) => {
    if (typeof entry !== "object" || entry === null) return [];
    const { what, hint, objects } = entry as Record<string, unknown>;
    if (!isText(what) || !isText(hint) || !Array.isArray(objects)) return [];
    const named = objects.flatMap((object: unknown) => {
      const { name, owner } = (typeof object === "object" && object !== null ? object : {}) as {
        name?: unknown;
        owner?: unknown;
      };
      return isText(name) && isText(owner) ? [{ name, owner }] : [];
    });
    return named.length > 0 ? [{ what, hint, objects: named }] : [];
  });
}

export function serializeSourceState(state: SourceState): string {
  const concepts = Object.fromEntries(
    Object.keys(state.concepts)
      .sort()
      .map((path) => [path, state.concepts[path]]),
  );
  // Written only when there is something, so that a state without it keeps its bytes.
  const leftOut = state.leftOut && state.leftOut.length > 0 ? { leftOut: state.leftOut } : {};
  return `${JSON.stringify({ version: 1, concepts, ...leftOut }, null, 1)}\n`;
}

/** Writes the state only when it changed, so an unchanged run writes nothing. */
export async function writeSourceState(
  bundleDir: string,
  sourceName: string,
  state: SourceState,
): Promise<boolean> {
  const file = stateFile(bundleDir, sourceName);
  const text = serializeSourceState(state);
  const current = await readStateText(bundleDir, sourceName).catch(() => undefined);
  if (current === text) return false;
  await assertNotLinked(bundleDir, stateFilePath(sourceName));
  await writeFileAtomic(file, text);
  return true;
}
