import { isAbsolute, relative } from "node:path";
import { FileSystemError } from "../errors.js";

/** What each refusal of the file system means for someone running okf, and what to do. */
const reasons: Record<string, { reason: string; hint: string }> = {
  ENOSPC: {
    reason: "the disk is full",
    hint: "Free some space and run the command again; every file okf finished writing is whole.",
  },
  EDQUOT: {
    reason: "the disk quota is exhausted",
    hint: "Free some space and run the command again; every file okf finished writing is whole.",
  },
  EACCES: {
    reason: "permission denied",
    hint: "Make the file and its folder writable by this user (or run okf as their owner).",
  },
  EPERM: {
    reason: "the operation is not permitted (the file may be immutable or locked)",
    hint: "Remove the immutable flag or lock (chattr -i, chflags nouchg), or make the file writable.",
  },
  EROFS: {
    reason: "the file system is read-only",
    hint: "Run okf where the bundle can be written, or mount the file system read-write.",
  },
  EISDIR: {
    reason: "it is a folder where okf needs a file",
    hint: "Move the folder out of the way (okf writes a file at that path).",
  },
  ENOTDIR: {
    reason: "a part of the path is a file where okf needs a folder",
    hint: "Move that file out of the way, or point okf at another folder.",
  },
  ENAMETOOLONG: {
    reason: "the name is too long for the file system",
    hint: "Use shorter source, schema or folder names.",
  },
  EEXIST: {
    reason: "something already exists at that path",
    hint: "Move it out of the way and run the command again.",
  },
  ENOENT: {
    reason: "it does not exist (it may have been removed while okf ran)",
    hint: "Run the command again.",
  },
  ELOOP: {
    reason: "it leads through too many symbolic links",
    hint: "Replace the symbolic link loop with a real file or folder.",
  },
  EMFILE: {
    reason: "too many files are open",
    hint: "Raise the open-file limit (ulimit -n) or lower a source's `concurrency`.",
  },
  ENFILE: {
    reason: "too many files are open on this system",
    hint: "Raise the open-file limit or lower a source's `concurrency`.",
  },
  EIO: {
    reason: "an input/output error occurred on the disk",
    hint: "Check the disk, then run the command again.",
  },
  EBUSY: {
    reason: "the file or folder is busy",
    hint: "Close what holds it and run the command again.",
  },
  ENXIO: {
    reason: "it is a device or socket, not a file",
    hint: "Point okf at a regular file or folder.",
  },
};

const verbs: Record<string, string> = {
  open: "open",
  read: "read",
  write: "write",
  mkdir: "create the folder",
  rename: "replace",
  unlink: "remove",
  rm: "remove",
  rmdir: "remove the folder",
  scandir: "list the folder",
  opendir: "list the folder",
  stat: "inspect",
  lstat: "inspect",
  copyfile: "copy to",
  chmod: "change the mode of",
  fsync: "flush",
};

/**
 * A Node.js file-system error (ENOSPC, EACCES, EISDIR, …) as a FileSystemError naming the path
 * and what to do; undefined for anything else, which is a bug.
 */
export function fileSystemErrorOf(error: unknown, cwd: string): FileSystemError | undefined {
  if (!(error instanceof Error) || !("code" in error) || typeof error.code !== "string") {
    return undefined;
  }
  const known = reasons[error.code];
  if (!known) return undefined;
  const details = error as NodeJS.ErrnoException & { dest?: unknown };
  const target = typeof details.dest === "string" ? details.dest : details.path;
  const verb = verbs[details.syscall ?? ""] ?? "use";
  const where = target === undefined ? "a file" : shown(target, cwd);
  return new FileSystemError(
    `cannot ${verb} ${where}: ${known.reason} (${error.code}).`,
    known.hint,
  );
}

function shown(path: string, cwd: string): string {
  const inside = relative(cwd, path);
  return inside !== "" && !inside.startsWith("..") && !isAbsolute(inside) ? inside : path;
}
