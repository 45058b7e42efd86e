import { readFile } from "node:fs/promises";
import { join, posix } from "node:path";
import pLimit from "p-limit";
import { listMarkdownFiles } from "../bundle/walk-bundle.js";
import { fileRole, readBundleFile } from "../validate/read-bundle-file.js";
import type { BundleFile } from "../validate/types.js";

/** One concept (a non-reserved markdown file) of the bundle, read once for a steward command. */
export interface BundleConcept {
  /** Bundle-relative POSIX path, with `.md`. */
  path: string;
  /** The file as it is on disk. */
  text: string;
  /** Split into frontmatter and body, with file line numbers. */
  file: BundleFile;
  /** Frontmatter values; undefined when the frontmatter is missing or cannot be parsed. */
  values: Record<string, unknown> | undefined;
  /** Why `values` is undefined. */
  problem?: string;
}

const readConcurrency = 16;

/** Every concept of the bundle, in path order (`.okfignore` and hidden folders honoured). */
export async function readBundleConcepts(bundleDir: string): Promise<BundleConcept[]> {
  const paths = (await listMarkdownFiles(bundleDir)).filter((path) => fileRole(path) === "concept");
  const limit = pLimit(readConcurrency);
  return Promise.all(
    paths.map((path) =>
      limit(async () => toConcept(path, await readFile(join(bundleDir, path), "utf8"))),
    ),
  );
}

function toConcept(path: string, text: string): BundleConcept {
  const file = readBundleFile(path, text);
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
      problem: `its frontmatter is not valid YAML (line ${frontmatter.line}: ${frontmatter.reason})`,
    };
  }
  if (!frontmatter.isMapping) {
    return { path, text, file, values: undefined, problem: "its frontmatter is not a mapping" };
  }
  return { path, text, file, values: frontmatter.values };
}

/** The frontmatter `id`, when it is a non-empty string. */
export function conceptId(concept: BundleConcept): string | undefined {
  const id = concept.values?.id;
  return typeof id === "string" && id.trim() !== "" ? id : undefined;
}

/** The frontmatter `title`, else the file name. */
export function conceptTitle(concept: BundleConcept): string {
  const title = concept.values?.title;
  return typeof title === "string" && title.trim() !== ""
    ? title
    : posix.basename(concept.path, ".md");
}

/** `deprecated` by either key: the object is gone from its source. */
export function isDeprecated(concept: BundleConcept): boolean {
  return (
    concept.values?.approval_status === "deprecated" || concept.values?.status === "deprecated"
  );
}
