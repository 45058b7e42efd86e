import { isMap, LineCounter } from "yaml";
import { parseYaml } from "../safe-yaml.js";
import type { BundleFile, FileRole, Frontmatter } from "./types.js";

// The same delimiters as the bundle reader, so "parseable" means the same thing to both.
const opening = /^---[ \t]*\n/;
const closing = /^---[ \t]*$/m;

export function fileRole(path: string): FileRole {
  const name = path.slice(path.lastIndexOf("/") + 1);
  if (name === "index.md") return path === "index.md" ? "root-index" : "index";
  if (name === "log.md") return "log";
  return "concept";
}

/** Splits a markdown file into frontmatter and body, keeping file line numbers. */
export function readBundleFile(path: string, raw: string): BundleFile {
  const text = raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const role = fileRole(path);
  if (!opening.test(text)) {
    return { path, role, text, frontmatter: undefined, body: text, bodyStartLine: 1 };
  }
  const afterOpening = text.replace(opening, "");
  const end = closing.exec(afterOpening);
  if (!end) {
    return { path, role, text, frontmatter: { kind: "unclosed" }, body: "", bodyStartLine: 1 };
  }
  const yamlText = afterOpening.slice(0, end.index);
  const closingLine = 2 + countNewlines(yamlText);
  const body = afterOpening.slice(end.index + end[0].length).replace(/^\n/, "");
  return {
    path,
    role,
    text,
    frontmatter: parseFrontmatter(yamlText),
    body,
    bodyStartLine: closingLine + 1,
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

function countNewlines(text: string): number {
  let count = 0;
  for (const char of text) if (char === "\n") count++;
  return count;
}
