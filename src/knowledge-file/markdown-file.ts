import { isMap, LineCounter, type Document } from "yaml";
import { frontmatterBlock } from "./frontmatter-block.js";
import { parseYaml } from "../safe-yaml.js";

export type FileRole = "concept" | "index" | "root-index" | "log";

/**
 * One markdown file of the bundle (a concept, an index or the log) as read for checking: split into
 * frontmatter and body, with the file's line numbers. A file that cannot be parsed is still one.
 */
export interface MarkdownFile {
  /** Bundle-relative POSIX path. */
  path: string;
  role: FileRole;
  /** The whole text, line endings normalised to `\n`, without a byte order mark. */
  text: string;
  frontmatter: Frontmatter | undefined;
  /** Everything after the frontmatter (the whole text when there is none). */
  body: string;
  /** File line number of the body's first line. */
  bodyStartLine: number;
}

export type Frontmatter =
  | { kind: "unclosed" }
  | { kind: "invalid"; line: number; reason: string; aliasLimit?: boolean }
  | {
      kind: "parsed";
      document: Document;
      /** Plain values; a non-mapping frontmatter is reported and gives `{}`. */
      values: Record<string, unknown>;
      /** File line of a character offset inside the YAML text. */
      lineAt: (offset: number) => number;
      isMapping: boolean;
    };

export function fileRole(path: string): FileRole {
  const name = path.slice(path.lastIndexOf("/") + 1);
  if (name === "index.md") return path === "index.md" ? "root-index" : "index";
  if (name === "log.md") return "log";
  return "concept";
}

/** Splits a markdown file into frontmatter and body, keeping file line numbers. */
export function readMarkdownFile(path: string, raw: string): MarkdownFile {
  const text = raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const role = fileRole(path);
  const block = frontmatterBlock(text);
  if (block.kind === "none") {
    return { path, role, text, frontmatter: undefined, body: text, bodyStartLine: 1 };
  }
  if (block.kind === "unclosed") {
    return { path, role, text, frontmatter: { kind: "unclosed" }, body: "", bodyStartLine: 1 };
  }
  return {
    path,
    role,
    text,
    frontmatter: parseFrontmatter(block.yaml),
    body: block.body,
    bodyStartLine: block.bodyStartLine,
  };
}

function parseFrontmatter(yamlText: string): Frontmatter {
  const lineCounter = new LineCounter();
  const parsed = parseYaml(yamlText, lineCounter);
  if (!parsed.ok) {
    const line = (parsed.line ?? 1) + 1;
    return {
      kind: "invalid",
      line,
      reason: parsed.reason,
      aliasLimit: parsed.code === "ALIAS_LIMIT",
    };
  }
  const document = parsed.document;
  // The YAML starts on the file's second line, after the opening "---".
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line + 1;
  const isMapping = document.contents === null || isMap(document.contents);
  const plain = isMapping ? parsed.value : undefined;
  const values =
    plain !== null && typeof plain === "object" ? (plain as Record<string, unknown>) : {};
  return { kind: "parsed", document, values, lineAt, isMapping };
}
