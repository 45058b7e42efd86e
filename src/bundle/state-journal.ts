import { createHash } from "node:crypto";
import { mkdir, open, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { isConceptPathOf } from "./concept-paths.js";
import { durableStepTaken } from "./fault-hook.js";
import { assertNotLinked, readBundleTextIfExists, withErrorPath } from "./files.js";
import {
  parseSourceState,
  readStateText,
  writeSourceState,
  type ConceptState,
  type SourceState,
} from "./source-state.js";

/**
 * The concept files and the state of a source must change together: a file written without its
 * state entry would be merged, next time, against a stale base, and its generated text kept
 * forever as if a person had written it. The state file is only written at the end of a run,
 * so before each concept file is written, a line goes to the source's journal
 * (`.okf/state/<source>.journal`): the file's path, the hash of the text about to be written
 * and the state entry that text belongs to. The journal starts with the hash of the state file
 * it completes, and is removed once the new state is written.
 *
 * A run that finds a journal (the last one was killed) completes the state first: an entry
 * applies when its file has exactly the journaled text, or when a later line exists (lines are
 * appended only after the previous file's write is done, so that write happened and a person
 * changed the file since). When the state file no longer has the hash the journal started from,
 * the killed run had already written its state and the journal is obsolete.
 */
export interface StateTransaction {
  /** The merge base: the committed state, completed from an interrupted run's journal. */
  readonly previous: SourceState;
  /**
   * Writes a concept file through `write`, journaling first what `path`'s state entry becomes
   * once `text` is there (and, if `write` fails, that it did not happen).
   */
  writeConcept(
    path: string,
    entry: ConceptState,
    text: string,
    write: () => Promise<void>,
  ): Promise<void>;
  /** Writes the new state (when it changed) and ends the journal; false when nothing changed. */
  commit(next: SourceState): Promise<boolean>;
}

export interface StateTransactionOptions {
  dryRun: boolean;
  /** A state key that is not a concept path of this source, dropped. */
  onInvalidKey?: (key: string) => void;
  /** The state of an interrupted run was completed from its journal. */
  onRecovered?: (entries: number) => void;
}

interface JournalLine {
  path: string;
  textHash: string;
  entry: ConceptState;
}

const journalVersion = 1;

function journalFilePath(sourceName: string): string {
  return `.okf/state/${sourceName}.journal`;
}

export async function beginStateTransaction(
  bundleDir: string,
  sourceName: string,
  options: StateTransactionOptions,
): Promise<StateTransaction> {
  const journal = join(bundleDir, journalFilePath(sourceName));
  await assertNotLinked(bundleDir, journalFilePath(sourceName));
  const stateText = await readStateText(bundleDir, sourceName);
  const previous = parseSourceState(stateText, sourceName, options.onInvalidKey);
  const journalText = await readBundleTextIfExists(journal, journalFilePath(sourceName));
  if (journalText !== undefined) {
    const applied = await completeFromJournal(
      bundleDir,
      sourceName,
      journalText,
      stateText,
      previous,
    );
    if (applied > 0) options.onRecovered?.(applied);
    if (!options.dryRun) {
      await writeSourceState(bundleDir, sourceName, previous);
      await rm(journal, { force: true });
    }
  }
  const baseHash = hashOf((await readStateText(bundleDir, sourceName)) ?? "");
  let started = false;
  return {
    previous,
    async writeConcept(path, entry, text, write) {
      if (options.dryRun) return write();
      const line: JournalLine = { path, textHash: hashOf(text), entry };
      const header = started ? "" : `${JSON.stringify({ journal: journalVersion, baseHash })}\n`;
      await appendJournalLine(journal, `${header}${JSON.stringify(line)}\n`, !started);
      started = true;
      durableStepTaken();
      try {
        await write();
      } catch (error) {
        const cancelled = `${JSON.stringify({ path, cancelled: true })}\n`;
        await appendJournalLine(journal, cancelled, false).catch(() => undefined);
        throw error;
      }
    },
    async commit(next) {
      if (options.dryRun) return false;
      const written = await writeSourceState(bundleDir, sourceName, next);
      if (started) {
        await rm(journal, { force: true });
        durableStepTaken();
      }
      return written;
    },
  };
}

/** Applies the journal's entries whose files were written; returns how many. */
async function completeFromJournal(
  bundleDir: string,
  sourceName: string,
  journalText: string,
  stateText: string | undefined,
  state: SourceState,
): Promise<number> {
  const [headerLine = "", ...rest] = journalText.split("\n");
  const header = parseJson(headerLine) as { journal?: unknown; baseHash?: unknown } | undefined;
  if (header?.journal !== journalVersion || header.baseHash !== hashOf(stateText ?? "")) return 0;
  // A torn last line (killed while appending) still proves the line before it was written.
  const lines = rest.filter((line) => line !== "");
  const written = new Map<string, ConceptState>();
  for (const [index, raw] of lines.entries()) {
    const line = parseJson(raw) as (Partial<JournalLine> & { cancelled?: unknown }) | undefined;
    if (typeof line?.path !== "string") continue;
    if (line.cancelled === true) {
      // That write failed: the committed entry stays.
      written.delete(line.path);
      continue;
    }
    // Only paths the state itself would accept: the journal is as open to editing as the state.
    if (line.entry === undefined || !isConceptPathOf(sourceName, line.path)) continue;
    const done =
      index < lines.length - 1 ||
      hashOf((await fileText(bundleDir, line.path)) ?? "\0missing") === line.textHash;
    if (done) written.set(line.path, line.entry);
  }
  for (const [path, entry] of written) state.concepts[path] = entry;
  return written.size;
}

async function fileText(bundleDir: string, path: string): Promise<string | undefined> {
  try {
    await assertNotLinked(bundleDir, path);
    return await readBundleTextIfExists(join(bundleDir, path));
  } catch {
    return undefined;
  }
}

/**
 * Appends the line before the file it announces changes. A killed process loses nothing that it
 * wrote (the kernel keeps it), so a kill at any instant is covered without flushing each line:
 * one flush per written file doubled the time of a first run on 2,000 tables. Only a power cut
 * in the middle of a run may lose the last lines, which at worst leaves a file that the next
 * run counts as edited by a person.
 */
async function appendJournalLine(path: string, text: string, create: boolean): Promise<void> {
  if (create) await mkdir(dirname(path), { recursive: true });
  const handle = await open(path, create ? "w" : "a");
  try {
    await handle.appendFile(text);
  } catch (error) {
    await handle.close().catch(() => undefined);
    // A journal that could not even get its first line (disk full) would only be noise.
    if (create) await rm(path, { force: true });
    throw withErrorPath(error, path);
  }
  await handle.close();
  if (create) await syncFolderOf(path);
}

async function syncFolderOf(path: string): Promise<void> {
  try {
    const folder = await open(dirname(path), "r");
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
  } catch {
    // Not possible on every platform (Windows); only durability across a power cut is weaker.
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function hashOf(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
