import { isMap, isScalar, Scalar, type Document, type Node, type Pair } from "yaml";
import type { MarkdownFile, Frontmatter } from "./markdown-file.js";

export type ParsedFrontmatter = Extract<Frontmatter, { kind: "parsed" }>;

/** The parsed frontmatter of a file, when it has a well-formed one. */
export function parsedFrontmatter(file: MarkdownFile): ParsedFrontmatter | undefined {
  return file.frontmatter?.kind === "parsed" ? file.frontmatter : undefined;
}

/** A key's pair in a mapping node. */
export function pairOf(map: unknown, key: string): Pair | undefined {
  if (!isMap(map)) return undefined;
  return map.items.find((pair) => isScalar(pair.key) && pair.key.value === key);
}

export function topLevelPair(document: Document, key: string): Pair | undefined {
  return pairOf(document.contents, key);
}

/** File line of a node (or of a pair's key), falling back to `fallback`. */
export function nodeLine(
  frontmatter: ParsedFrontmatter,
  node: unknown,
  fallback?: number,
): number | undefined {
  const range = (node as Partial<Node> | null | undefined)?.range;
  return range ? frontmatter.lineAt(range[0]) : fallback;
}

/** File line of a top-level key, if present. */
export function keyLine(frontmatter: ParsedFrontmatter, key: string): number | undefined {
  return nodeLine(frontmatter, topLevelPair(frontmatter.document, key)?.key);
}

export function isQuoted(node: unknown): boolean {
  return isScalar(node) && (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE);
}

export function nonEmptyString(value: unknown): value is string {
  return typeof value === "string" && value.trim() !== "";
}
