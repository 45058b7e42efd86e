import { readFile, stat } from "node:fs/promises";
import { join, posix } from "node:path";
import pLimit from "p-limit";
import { maxKnowledgeFileLength } from "../../knowledge-file/knowledge-file.js";
import { listMarkdownFiles } from "../../bundle/walk-bundle.js";
import { fileRole, readMarkdownFile } from "../../knowledge-file/markdown-file.js";
import type { MarkdownFile } from "../../knowledge-file/markdown-file.js";

/** One concept (a non-reserved markdown file) of the bundle, read once for a steward command. */
export interface ConceptFile {
  /** Bundle-relative POSIX path, with `.md`. */
  path: string;
  /** The file as it is on disk. */
  text: string;
  /** Split into frontmatter and body, with file line numbers. */
  file: MarkdownFile;
  /** Frontmatter values; undefined when the frontmatter is missing or cannot be parsed. */
  values: Record<string, unknown> | undefined;
  /** Why `values` is undefined. */
  problem?: string;
}

const readConcurrency = 16;

/**
 * Concepts already read, by path, with the file's identity when it was read: a long-running
 * reader (the MCP server) parses only the files that changed since.
 */
export type ConceptFileCache = Map<string, { stamp: string; concept: ConceptFile }>;

/** Every concept of the bundle, in path order (`.okfignore` and hidden folders honoured). */
export async function readBundleConcepts(
  bundleDir: string,
  cache?: ConceptFileCache,
): Promise<ConceptFile[]> {
  const paths = (await listMarkdownFiles(bundleDir)).filter((path) => fileRole(path) === "concept");
  const limit = pLimit(readConcurrency);
  const concepts = await Promise.all(
    paths.map((path) => limit(() => readConcept(bundleDir, path, cache))),
  );
  if (cache) {
    const present = new Set(paths);
    for (const path of cache.keys()) if (!present.has(path)) cache.delete(path);
  }
  return concepts;
}

async function readConcept(
  bundleDir: string,
  path: string,
  cache: ConceptFileCache | undefined,
): Promise<ConceptFile> {
  const file = join(bundleDir, path);
  if (!cache) return toConcept(path, await readFile(file, "utf8"));
  // Writes are atomic renames, so a changed file has a new inode or mtime.
  const info = await stat(file);
  const stamp = `${String(info.ino)}:${String(info.mtimeMs)}:${String(info.size)}`;
  const cached = cache.get(path);
  if (cached?.stamp === stamp) return cached.concept;
  const concept = toConcept(path, await readFile(file, "utf8"));
  cache.set(path, { stamp, concept });
  return concept;
}

function toConcept(path: string, text: string): ConceptFile {
  if (text.length > maxKnowledgeFileLength) {
    const problem = `it is larger than ${String(maxKnowledgeFileLength / 1024 / 1024)} MiB`;
    return { path, text, file: readMarkdownFile(path, ""), values: undefined, problem };
  }
  const file = readMarkdownFile(path, text);
  const frontmatter = file.frontmatter;
  if (frontmatter === undefined) {
    return { path, text, file, values: undefined, problem: "it has no YAML frontmatter" };
  }
  if (frontmatter.kind === "unclosed") {
    return { path, text, file, values: undefined, problem: "its frontmatter is never closed" };
  }
  if (frontmatter.kind === "invalid") {
    return {
      path,
      text,
      file,
      values: undefined,
      problem:
        frontmatter.aliasLimit === true
          ? `its frontmatter is not read: ${frontmatter.reason}`
          : `its frontmatter is not valid YAML (line ${frontmatter.line}: ${frontmatter.reason})`,
    };
  }
  if (!frontmatter.isMapping) {
    return { path, text, file, values: undefined, problem: "its frontmatter is not a mapping" };
  }
  return { path, text, file, values: frontmatter.values };
}

/** The frontmatter `id`, when it is a non-empty string. */
export function conceptId(concept: ConceptFile): string | undefined {
  const id = concept.values?.id;
  return typeof id === "string" && id.trim() !== "" ? id : undefined;
}

/** The frontmatter `title`, else the file name. */
export function conceptTitle(concept: ConceptFile): string {
  const title = concept.values?.title;
  return typeof title === "string" && title.trim() !== ""
    ? title
    : posix.basename(concept.path, ".md");
}

/** `deprecated` by either key: the object is gone from its source. */
export function isDeprecated(concept: ConceptFile): boolean {
  return (
    concept.values?.approval_status === "deprecated" || concept.values?.status === "deprecated"
  );
}
