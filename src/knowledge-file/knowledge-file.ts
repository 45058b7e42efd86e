import { Document, isMap, isScalar, isSeq, Scalar, type Node } from "yaml";
import { KnowledgeFileError } from "../errors.js";
import { parseYaml } from "../safe-yaml.js";
import { frontmatterBlock } from "./frontmatter-block.js";
import { locateRegions } from "./regions.js";
import { plainStyle, plainText, styledText, textStyleOf, type TextStyle } from "./text-style.js";

/** A knowledge file split into its frontmatter (kept as a YAML document, to round-trip) and body. */
export interface KnowledgeFile {
  frontmatter: Document;
  /** With LF line breaks, whatever the file has. */
  body: string;
  /** The file's byte-order mark and line breaks, restored on write; none when absent. */
  style?: TextStyle;
}

/**
 * Far beyond any file okf writes (a 1,600-column table is under 1 MiB), and well below the size
 * at which the text detectors' regular expressions run out of stack.
 */
export const maxKnowledgeFileLength = 4 * 1024 * 1024;

/** Parses a knowledge file; broken YAML or markers throw KnowledgeFileError and nothing is changed. */
export function parseKnowledgeFile(raw: string, file: string): KnowledgeFile {
  if (raw.length > maxKnowledgeFileLength) {
    throw new KnowledgeFileError(
      file,
      `${file} is larger than ${String(maxKnowledgeFileLength / 1024 / 1024)} MiB, far more than okf ever writes. The file was left untouched.`,
      "Restore the file from git history, or delete it to have it regenerated.",
    );
  }
  const style = textStyleOf(raw);
  const text = plainText(raw);
  const block = frontmatterBlock(text);
  if (block.kind === "none") {
    throw new KnowledgeFileError(
      file,
      `${file} has no YAML frontmatter (it must start with a line "---"). The file was left untouched.`,
      "Restore the frontmatter from git history, or delete the file to have it regenerated.",
    );
  }
  if (block.kind === "unclosed") {
    throw new KnowledgeFileError(
      file,
      `${file}: the frontmatter is never closed by a line "---". The file was left untouched.`,
      "Add the closing --- line after the YAML keys.",
    );
  }
  const parsed = parseYaml(block.yaml);
  if (!parsed.ok && parsed.code === "ALIAS_LIMIT") {
    throw new KnowledgeFileError(
      file,
      `${file}: the frontmatter is not read: ${parsed.reason}. The file was left untouched.`,
      "Write the values out instead of using YAML anchors and aliases (&name, *name).",
    );
  }
  if (!parsed.ok) {
    const line = (parsed.line ?? 0) + 1;
    throw new KnowledgeFileError(
      file,
      `${file}:${String(line)}: the frontmatter is not valid YAML (${parsed.code}). The file was left untouched.`,
      "Fix the YAML at that line (quote values containing ': ' or '#'), then run okf extract again.",
    );
  }
  const frontmatter = parsed.document;
  if (frontmatter.contents !== null && !isMap(frontmatter.contents)) {
    throw new KnowledgeFileError(
      file,
      `${file}: the frontmatter is not a mapping of keys to values. The file was left untouched.`,
      "The frontmatter must be YAML keys such as `type: PostgreSQL Table`.",
    );
  }
  locateRegions(block.body, file, block.bodyStartLine);
  return { frontmatter, body: block.body, style };
}

export function serializeKnowledgeFile(file: KnowledgeFile): string {
  const yaml = file.frontmatter.toString({ lineWidth: 0, flowCollectionPadding: false });
  return styledText(`---\n${yaml}---\n${file.body}`, file.style ?? plainStyle);
}

/** The frontmatter as plain values (timestamps stay strings). */
export function frontmatterValues(document: Document): Record<string, unknown> {
  const value: unknown = document.toJS();
  return value !== null && typeof value === "object" ? (value as Record<string, unknown>) : {};
}

const timestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Styles a node the way OKF v0.2 wants it: quoted timestamps, tags as a flow list. */
export function styleNode(node: Node, key: string): Node {
  if (isSeq(node) && key === "tags") node.flow = true;
  visitScalars(node, (scalar) => {
    if (typeof scalar.value === "string" && timestamp.test(scalar.value)) {
      scalar.type = Scalar.QUOTE_DOUBLE;
    }
  });
  return node;
}

function visitScalars(node: unknown, visit: (scalar: Scalar) => void): void {
  if (isScalar(node)) visit(node);
  else if (isMap(node)) for (const pair of node.items) visitScalars(pair.value, visit);
  else if (isSeq(node)) for (const item of node.items) visitScalars(item, visit);
}
