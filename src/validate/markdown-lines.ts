export interface ProseLine {
  /** File line number. */
  line: number;
  text: string;
}

const fenceOpening = /^ {0,3}(`{3,}|~{3,})/;

/** The body's lines outside fenced code blocks, where headings, links and tables live. */
export function proseLines(body: string, bodyStartLine: number): ProseLine[] {
  const lines: ProseLine[] = [];
  let fence: string | undefined;
  body.split("\n").forEach((text, index) => {
    const marker = fenceOpening.exec(text)?.[1];
    if (fence !== undefined) {
      const closes =
        marker !== undefined &&
        marker[0] === fence[0] &&
        marker.length >= fence.length &&
        text.trim() === marker;
      if (closes) fence = undefined;
      return;
    }
    if (marker !== undefined) {
      fence = marker;
      return;
    }
    lines.push({ line: bodyStartLine + index, text });
  });
  return lines;
}

/** Blanks out inline code spans, so that code that looks like a link is not read as one. */
export function withoutCodeSpans(text: string): string {
  return text.replace(/(`+)(.+?)\1(?!`)/g, (span) => " ".repeat(span.length));
}

/** A heading's level and text, for an ATX heading line (`## Title`). */
export function heading(text: string): { level: number; title: string } | undefined {
  const match = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(text);
  if (!match?.[1]) return undefined;
  return { level: match[1].length, title: (match[2] ?? "").trim() };
}
