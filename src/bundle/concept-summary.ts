import { readFile } from "node:fs/promises";
import { join, posix } from "node:path";
import { parseYaml } from "../safe-yaml.js";

/** What an index entry shows of a concept. */
export interface ConceptSummary {
  /** Bundle-relative POSIX path. */
  path: string;
  title: string;
  description?: string;
  deprecated: boolean;
}

/** An optional byte-order mark, `---` line, YAML, `---` (or `...`) line; the YAML may be empty. */
const frontmatterBlock =
  /^\uFEFF?---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** The YAML text of a file's frontmatter, or undefined when it has none. */
export function frontmatterText(text: string): string | undefined {
  const match = frontmatterBlock.exec(text);
  return match ? (match[1] ?? "") : undefined;
}

/**
 * Reads title, description and deprecation from a concept's frontmatter. A file whose
 * frontmatter is missing or broken is still listed, by its file name: the index must not hide
 * it, and `okf validate` is the place that reports it.
 */
export async function readConceptSummary(bundleDir: string, path: string): Promise<ConceptSummary> {
  const fallback: ConceptSummary = { path, title: posix.basename(path, ".md"), deprecated: false };
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
