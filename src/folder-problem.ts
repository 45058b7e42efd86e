import { statSync } from "node:fs";

/**
 * Why `path` cannot be used as a folder, as the end of a sentence that starts with the path, or
 * undefined when it can (a missing folder can, when okf is about to create it).
 */
export function folderProblem(
  path: string,
  options: { mayBeMissing: boolean },
): string | undefined {
  try {
    return statSync(path).isDirectory() ? undefined : "is a file, not a folder";
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return options.mayBeMissing ? undefined : "does not exist";
    if (code === "ENOTDIR") return "is under a file: a part of the path is a file, not a folder";
    return `cannot be read (${code ?? "unknown error"})`;
  }
}
