import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, type Node } from "yaml";
import { KnowledgeFileError } from "../errors.js";
import { locateRegions } from "./regions.js";

/** A knowledge file split into its frontmatter (kept as a YAML document, to round-trip) and body. */
export interface KnowledgeFile {
  frontmatter: Document;
  body: string;
}

const opening = /^---[ \t]*\r?\n/;
const closing = /^---[ \t]*$/m;

/** Parses a knowledge file; broken YAML or markers throw KnowledgeFileError and nothing is changed. */
export function parseKnowledgeFile(text: string, file: string): KnowledgeFile {
  if (!opening.test(text)) {
    throw new KnowledgeFileError(
      file,
      `${file} has no YAML frontmatter (it must start with a line "---"). The file was left untouched.`,
      "Restore the frontmatter from git history, or delete the file to have it regenerated.",
    );
  }
  const afterOpening = text.replace(opening, "");
  const end = closing.exec(afterOpening);
  if (!end) {
    throw new KnowledgeFileError(
      file,
      `${file}: the frontmatter is never closed by a line "---". The file was left untouched.`,
      "Add the closing --- line after the YAML keys.",
    );
  }
  const yamlText = afterOpening.slice(0, end.index);
  const frontmatter = parseDocument(yamlText, { prettyErrors: true });
  const error = frontmatter.errors[0];
  if (error) {
    const line = (error.linePos?.[0].line ?? 0) + 1;
    throw new KnowledgeFileError(
      file,
      `${file}:${line}: the frontmatter is not valid YAML (${error.code}). The file was left untouched.`,
      "Fix the YAML at that line (quote values containing ': ' or '#'), then run okf extract again.",
    );
  }
  if (frontmatter.contents !== null && !isMap(frontmatter.contents)) {
    throw new KnowledgeFileError(
      file,
      `${file}: the frontmatter is not a mapping of keys to values. The file was left untouched.`,
      "The frontmatter must be YAML keys such as `type: PostgreSQL Table`.",
    );
  }
  const body = afterOpening.slice(end.index + end[0].length).replace(/^\r?\n/, "");
  locateRegions(body, file);
  return { frontmatter, body };
}

export function serializeKnowledgeFile(file: KnowledgeFile): string {
  const yaml = file.frontmatter.toString({ lineWidth: 0, flowCollectionPadding: false });
  return `---\n${yaml}---\n${file.body}`;
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
