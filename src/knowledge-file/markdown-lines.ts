export interface ProseLine {
  /** File line number. */
  line: number;
  text: string;
}

/** A fence line: up to 3 spaces, then 3+ backticks or tildes; a backtick fence's info has none. */
const fenceLine = /^ {0,3}(`{3,}(?=[^`]*$)|~{3,})(.*)$/;

/** Where a body's fenced code blocks are, line by line (CommonMark rules, top level only). */
export interface CodeScan {
  /** Per line of `body.split("\n")`: inside a fenced block, its fence lines included. */
  code: boolean[];
  /** The 0-based line of a fence that is never closed (CommonMark: it runs to the end). */
  unclosedFence?: number;
}

export function scanCode(body: string): CodeScan {
  const code: boolean[] = [];
  let open: { fence: string; line: number } | undefined;
  body.split("\n").forEach((text, index) => {
    const match = fenceLine.exec(text);
    const fence = match?.[1];
    if (open !== undefined) {
      code.push(true);
      const closes =
        fence !== undefined &&
        fence[0] === open.fence[0] &&
        fence.length >= open.fence.length &&
        /^[ \t]*\r?$/.test(match?.[2] ?? "");
      if (closes) open = undefined;
      return;
    }
    code.push(fence !== undefined);
    if (fence !== undefined) open = { fence, line: index };
  });
  return open === undefined ? { code } : { code, unclosedFence: open.line };
}

/** The body's lines outside fenced code blocks, where headings, links and tables live. */
export function proseLines(body: string, bodyStartLine: number): ProseLine[] {
  const { code } = scanCode(body);
  return body
    .split("\n")
    .flatMap((text, index) => (code[index] ? [] : [{ line: bodyStartLine + index, text }]));
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
