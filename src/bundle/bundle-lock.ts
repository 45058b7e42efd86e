import { readFileSync, unlinkSync } from "node:fs";
import { link, mkdir, rename, rm, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { dirname, join } from "node:path";
import { BundleLockedError } from "../errors.js";
import { temporaryPathFor } from "./atomic-write.js";
import {
  assertNotLinked,
  isMissingFile,
  readBundleTextIfExists,
  readTextIfExists,
} from "./files.js";

/** Who holds the lock; written as JSON into `<bundle>/.okf/lock`. */
interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
}

export function bundleLockPath(bundleDir: string): string {
  return join(bundleDir, ".okf", "lock");
}

/**
 * Takes the bundle's lock or throws `BundleLockedError` naming the holder. A lock left by a
 * process that no longer runs on this host is taken over; one from another host is never
 * guessed about; taking one over is told to `onNotice`, naming the old holder. Returns the
 * release function (idempotent); the lock is also removed if this process exits without
 * releasing it.
 */
export async function acquireBundleLock(
  bundleDir: string,
  options: { onNotice?: (line: string) => void } = {},
): Promise<() => Promise<void>> {
  const lockPath = bundleLockPath(bundleDir);
  // A linked .okf folder would put the lock (and the state) outside the bundle.
  await assertNotLinked(bundleDir, ".okf/lock");
  await mkdir(dirname(lockPath), { recursive: true });
  const mine: LockHolder = {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
  };
  const content = `${JSON.stringify(mine, null, 2)}\n`;
  let lastSeen: string | undefined;
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await createExclusively(lockPath, content)) return releaser(lockPath, content);
    // Not through a link, nor waiting on a named pipe: the lock is a file of the bundle.
    const current = await readBundleTextIfExists(lockPath, ".okf/lock");
    if (current === undefined) continue; // released in the meantime
    lastSeen = current;
    const holder = parseHolder(current);
    if (!holder || !isStale(holder)) throw lockedError(lockPath, holder);
    if (await removeIfUnchanged(lockPath, current)) {
      options.onNotice?.(
        `took over the bundle lock left by ${describeHolder(holder)}, which no longer runs`,
      );
    }
  }
  throw lockedError(lockPath, lastSeen === undefined ? undefined : parseHolder(lastSeen));
}

/**
 * Creates a file (the lock, a new proposal) with its full content in one step: a hard link fails
 * if the name exists and never exposes a half-written file. Filesystems without hard links fall
 * back to O_EXCL.
 */
export async function createExclusively(path: string, content: string): Promise<boolean> {
  // The run holding the lock removes leftover temporary files, and may take ours for one
  // between its write and its link: then write it again.
  for (let attempt = 1; ; attempt++) {
    const created = await createOnce(path, content);
    if (created !== "vanished") return created;
    if (attempt === 3) throw Object.assign(new Error(`ENOENT: ${path}`), { code: "ENOENT", path });
  }
}

async function createOnce(path: string, content: string): Promise<boolean | "vanished"> {
  const temporary = temporaryPathFor(path);
  try {
    try {
      await writeFile(temporary, content, { flag: "wx" });
    } catch (error) {
      // Reported for the file being created; the temporary name is okf's business.
      if (error instanceof Error) Object.assign(error, { path });
      throw error;
    }
    await link(temporary, path);
    return true;
  } catch (error) {
    if (errorCode(error) === "EEXIST") return false;
    if (errorCode(error) === "ENOENT" && (error as { path?: unknown }).path === temporary) {
      return "vanished";
    }
    if (!["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS"].includes(errorCode(error) ?? "")) throw error;
    try {
      await writeFile(path, content, { flag: "wx" });
      return true;
    } catch (fallbackError) {
      if (errorCode(fallbackError) === "EEXIST") return false;
      throw fallbackError;
    }
  } finally {
    // Also when the write failed half way (disk full): no partial file is left behind.
    await rm(temporary, { force: true });
  }
}

/**
 * Removes a stale lock without deleting a fresh one that another process created after we
 * read the stale one: move it aside atomically, and put it back if it is not the one we saw.
 * Returns whether the stale lock was the one removed.
 */
async function removeIfUnchanged(lockPath: string, seen: string): Promise<boolean> {
  const aside = temporaryPathFor(lockPath);
  try {
    await rename(lockPath, aside);
  } catch (error) {
    if (isMissingFile(error)) return false;
    throw error;
  }
  const removed = (await readTextIfExists(aside)) === seen;
  if (!removed) await link(aside, lockPath).catch(() => undefined);
  await rm(aside, { force: true });
  return removed;
}

function releaser(lockPath: string, content: string): () => Promise<void> {
  const onExit = (): void => {
    try {
      if (readFileSync(lockPath, "utf8") === content) unlinkSync(lockPath);
    } catch {
      // Already gone, or unreadable while exiting: nothing more can be done.
    }
  };
  process.once("exit", onExit);
  return async () => {
    process.removeListener("exit", onExit);
    if ((await readTextIfExists(lockPath)) === content) await rm(lockPath, { force: true });
  };
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null) return undefined;
    const { pid, host, startedAt } = value as Record<string, unknown>;
    if (typeof pid !== "number" || typeof host !== "string" || typeof startedAt !== "string") {
      return undefined;
    }
    return { pid, host, startedAt };
  } catch {
    return undefined;
  }
}

function isStale(holder: LockHolder): boolean {
  return holder.host === hostname() && !isProcessAlive(holder.pid);
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return errorCode(error) !== "ESRCH";
  }
}

function lockedError(lockPath: string, holder: LockHolder | undefined): BundleLockedError {
  const who = holder ? describeHolder(holder) : "an unknown holder (the lock file is unreadable)";
  return new BundleLockedError(
    `Another okf run is using this bundle: ${who}. Lock file: ${lockPath}`,
    `Wait for that run to finish and try again. If that process is no longer running, delete ${lockPath} and run again.`,
  );
}

function describeHolder(holder: LockHolder): string {
  return `process ${holder.pid} on host ${holder.host}, started ${holder.startedAt}`;
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && "code" in error && typeof error.code === "string"
    ? error.code
    : undefined;
}
