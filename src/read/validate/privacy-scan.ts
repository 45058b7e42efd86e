import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { errorMessage } from "../../errors.js";
import { readMarkdownFile } from "../../knowledge-file/markdown-file.js";
import { privacyFindings } from "./rules/privacy.js";
import type { ValidationFinding } from "./types.js";
import type { MarkdownFile } from "../../knowledge-file/markdown-file.js";

/** The repository's own history is not bundle content; dependencies are nobody's text. */
const skippedFolders = new Set([".git", "node_modules"]);
/** A NUL byte in the first bytes marks a binary file (an image): no text to read. */
const binaryProbeBytes = 8_000;
/** Large files are searched a piece at a time, cut at line ends, so no search runs too deep. */
const longestPiece = 1024 * 1024;

/**
 * Every regular file of the bundle that `validate` does not already check as markdown: files
 * matched by `.okfignore` (exempt from OKF conformance, not from the privacy lint), hidden
 * files such as `.okf/state/*.json`, and files that are not markdown (an exported CSV). Links
 * are not followed: one could lead out of the bundle or loop.
 */
export async function listUncheckedFiles(
  root: string,
  checked: ReadonlySet<string>,
): Promise<string[]> {
  const found: string[] = [];
  const walk = async (prefix: string): Promise<void> => {
    const entries = await readdir(prefix === "" ? root : join(root, prefix), {
      withFileTypes: true,
    });
    for (const entry of entries) {
      const relative = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
      if (entry.isDirectory() && !skippedFolders.has(entry.name)) await walk(relative);
      else if (entry.isFile() && !checked.has(relative)) found.push(relative);
    }
  };
  await walk("");
  return found.sort();
}

/** The privacy lint alone, on one file that no other rule checks. */
export async function scanForPrivacy(root: string, path: string): Promise<ValidationFinding[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(join(root, path));
  } catch (error) {
    return [
      {
        file: path,
        rule: "privacy/unreadable",
        severity: "error",
        message: `the file cannot be read, so the privacy lint could not check it: ${errorMessage(error)}`,
        hint: "Check the file's permissions, or remove it from the bundle.",
      },
    ];
  }
  if (bytes.subarray(0, binaryProbeBytes).includes(0)) return [];
  const text = bytes.toString("utf8");
  if (text.length <= longestPiece) {
    return privacyFindings(readMarkdownFile(path, text)).map((finding) => ({
      file: path,
      ...finding,
    }));
  }
  const findings: ValidationFinding[] = [];
  let lineBefore = 0;
  for (const piece of pieces(text.replace(/\r\n?/g, "\n"))) {
    const file: MarkdownFile = {
      path,
      role: "concept",
      text: piece,
      frontmatter: undefined,
      body: piece,
      bodyStartLine: 1,
    };
    for (const finding of privacyFindings(file)) {
      findings.push({ file: path, ...finding, line: (finding.line ?? 1) + lineBefore });
    }
    lineBefore += piece.split("\n").length - 1;
  }
  return findings;
}

/** The text in pieces of at most `longestPiece` characters, each ending at a line end if it can. */
function* pieces(text: string): Generator<string> {
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + longestPiece);
    if (end < text.length) {
      const lineEnd = text.lastIndexOf("\n", end - 1);
      if (lineEnd > start) end = lineEnd + 1;
    }
    yield text.slice(start, end);
    start = end;
  }
}
