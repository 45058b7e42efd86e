import { constants } from "node:fs";
import { lstat, open, readFile } from "node:fs/promises";
import { join } from "node:path";
import { KnowledgeFileError } from "../errors.js";

export function isMissingFile(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "ENOENT";
}

function isLinkRefusal(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "ELOOP";
}

/** A file's text, or undefined when it does not exist; other errors propagate. */
export async function readTextIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if (isMissingFile(error)) return undefined;
    throw withErrorPath(error, path);
  }
}

/**
 * Like `readTextIfExists`, for a file of the bundle: a symbolic link is not followed (it could
 * lead out of the bundle) but refused with a KnowledgeFileError.
 */
export async function readBundleTextIfExists(
  path: string,
  file = path,
): Promise<string | undefined> {
  let handle;
  try {
    // O_NONBLOCK: opening a named pipe must not wait for a writer; it is refused below.
    handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    if (isMissingFile(error)) return undefined;
    if (isLinkRefusal(error)) throw linkedPathError(file, file);
    throw withErrorPath(error, path);
  }
  try {
    const kind = await handle.stat();
    if (!kind.isFile()) throw notAFileError(path, kind.isDirectory() ? "EISDIR" : "ENXIO");
    return await handle.readFile("utf8");
  } catch (error) {
    throw withErrorPath(error, path);
  } finally {
    await handle.close();
  }
}

/** Errors of an open file handle (EISDIR on read) carry no path; the message must name one. */
export function withErrorPath(error: unknown, path: string): unknown {
  if (error instanceof Error && "code" in error && !("path" in error)) {
    Object.assign(error, { path });
  }
  return error;
}

/** Shaped like Node's own errors, so the CLI reports it as the file system's refusal. */
function notAFileError(path: string, code: "EISDIR" | "ENXIO"): Error {
  return Object.assign(new Error(`${code}: not a regular file, read '${path}'`), {
    code,
    path,
    syscall: "read",
  });
}

/**
 * okf never reads or writes through a symbolic link inside the bundle: a link can lead out of
 * it. Returns the first bundle-relative prefix of `relativePath` that is a link, or undefined
 * (also when the path does not exist yet).
 */
async function linkedPrefix(bundleDir: string, relativePath: string): Promise<string | undefined> {
  const segments = relativePath.split("/");
  for (let count = 1; count <= segments.length; count++) {
    const prefix = segments.slice(0, count).join("/");
    try {
      if ((await lstat(join(bundleDir, prefix))).isSymbolicLink()) return prefix;
    } catch (error) {
      if (isMissingFile(error)) return undefined;
      throw error;
    }
  }
  return undefined;
}

/** Throws the KnowledgeFileError of a path okf will not touch when it goes through a link. */
export async function assertNotLinked(bundleDir: string, relativePath: string): Promise<void> {
  const link = await linkedPrefix(bundleDir, relativePath);
  if (link !== undefined) throw linkedPathError(relativePath, link);
}

function linkedPathError(file: string, link: string): KnowledgeFileError {
  return new KnowledgeFileError(
    file,
    `${file} is reached through the symbolic link ${link}; okf does not read or write through links inside the bundle (one could lead out of it), so it left this file alone.`,
    "Replace the link with the real folder or file, then run again.",
  );
}
