import { randomBytes } from "node:crypto";
import { mkdir, open, rename, rm, stat, type FileHandle } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { durableStepTaken } from "./fault-hook.js";
import { withErrorPath } from "./files.js";

/**
 * okf's temporary files: `.<target name>.<12 hex digits>.tmp` beside their target. Hidden and
 * not ending in .md, so a leftover from a killed process is never read as a concept; exact
 * enough that cleaning them up never touches a person's file.
 */
const temporaryName = /^\..+\.[0-9a-f]{12}\.tmp$/;

/** A fresh temporary path in the folder of `path`, named after it. */
export function temporaryPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
}

export function isTemporaryFileName(name: string): boolean {
  return temporaryName.test(name);
}

/** The same names as a git pathspec glob (for excluding leftovers from a commit). */
export const temporaryFileGlob = `.*.${"[0-9a-f]".repeat(12)}.tmp`;

/**
 * Writes a file so that readers (and a crash) see either the old content or the new, never a
 * mix: the content goes to a hidden temporary file in the same folder, is flushed to disk, and
 * then renamed over the target. The target's permissions are kept.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const folder = dirname(path);
  await mkdir(folder, { recursive: true });
  const temporary = temporaryPathFor(path);
  const existingMode = await modeOf(path);
  let handle: FileHandle | undefined;
  try {
    handle = await open(temporary, "wx");
    await handle.writeFile(content);
    if (existingMode !== undefined) await handle.chmod(existingMode);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temporary, path);
    durableStepTaken();
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temporary, { force: true });
    // The temporary file is okf's business: a refusal is reported for the file being written.
    throw withErrorPath(errorAbout(error, temporary, path), path);
  }
  await syncFolder(folder);
}

function errorAbout(error: unknown, temporary: string, target: string): unknown {
  if (error instanceof Error && "path" in error && error.path === temporary) {
    Object.assign(error, { path: target, syscall: "write" });
  }
  return error;
}

async function modeOf(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).mode & 0o7777;
  } catch {
    return undefined;
  }
}

/** Makes the rename itself durable. Not possible on every platform (Windows), hence best effort. */
async function syncFolder(folder: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(folder, "r");
    await handle.sync();
  } catch {
    // The data is written; only durability across a power cut is weaker here.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
