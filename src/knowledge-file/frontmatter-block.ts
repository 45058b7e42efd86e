/**
 * Where a markdown file's YAML frontmatter is: a first line `---`, the YAML, a line `---`. The
 * one definition every reader uses (the merge, `okf validate`, the indexes, the steward's
 * commands), so that "has frontmatter" and "parseable" mean the same thing to all of them.
 */
export type FrontmatterBlock =
  | { kind: "none" }
  | { kind: "unclosed" }
  | {
      kind: "closed";
      /** The YAML between the two lines; may be empty. */
      yaml: string;
      /** Everything after the closing line. */
      body: string;
      /** File line number of the body's first line. */
      bodyStartLine: number;
    };

const opening = /^---[ \t]*\n/;
const closing = /^---[ \t]*$/m;

/** Finds the frontmatter of `text`, which has LF line breaks and no byte-order mark. */
export function frontmatterBlock(text: string): FrontmatterBlock {
  if (!opening.test(text)) return { kind: "none" };
  const afterOpening = text.replace(opening, "");
  const end = closing.exec(afterOpening);
  if (!end) return { kind: "unclosed" };
  const yaml = afterOpening.slice(0, end.index);
  // Without the line break that ends the closing line.
  const body = afterOpening.slice(end.index + end[0].length).replace(/^\n/, "");
  // After the opening line, the YAML's lines and the closing line.
  const bodyStartLine = 3 + countLineBreaks(yaml);
  return { kind: "closed", yaml, body, bodyStartLine };
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (const char of text) if (char === "\n") count++;
  return count;
}
