import { readFile } from "node:fs/promises";
import { join, posix } from "node:path";
import { frontmatterBlock } from "../knowledge-file/frontmatter-block.js";
import { plainText } from "../knowledge-file/text-style.js";
import { parseYaml } from "../safe-yaml.js";

/** What an index entry shows of a concept. */
export interface IndexEntry {
  /** Bundle-relative POSIX path. */
  path: string;
  title: string;
  description?: string;
  deprecated: boolean;
}

/** The YAML text of a file's frontmatter, or undefined when it has none (or it is never closed). */
export function frontmatterText(text: string): string | undefined {
  const block = frontmatterBlock(plainText(text));
  return block.kind === "closed" ? block.yaml : undefined;
}

/**
 * Reads title, description and deprecation from a concept's frontmatter. A file whose
 * frontmatter is missing or broken is still listed, by its file name: the index must not hide
 * it, and `okf validate` is the place that reports it.
 */
export async function readIndexEntry(bundleDir: string, path: string): Promise<IndexEntry> {
  const fallback: IndexEntry = { path, title: posix.basename(path, ".md"), deprecated: false };
  const yamlText = frontmatterText(await readFile(join(bundleDir, path), "utf8"));
  if (yamlText === undefined) return fallback;
  const parsed = parseYaml(yamlText);
  if (!parsed.ok) return fallback;
  const values = parsed.value;
  if (typeof values !== "object" || values === null || Array.isArray(values)) return fallback;
  const record = values as Record<string, unknown>;
  const title = displayText(record.title);
  const description = displayText(record.description);
  return {
    path,
    title: title ?? fallback.title,
    ...(description === undefined ? {} : { description }),
    deprecated: record.approval_status === "deprecated" || record.status === "deprecated",
  };
}

function displayText(value: unknown): string | undefined {
  if (typeof value !== "string" && typeof value !== "number") return undefined;
  const text = String(value).replace(/\s+/g, " ").trim();
  return text === "" ? undefined : text;
}
