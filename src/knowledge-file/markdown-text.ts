/**
 * Text from a source (comments, names, definitions) written into markdown as data: it can never
 * form a marker, a heading, a list, a table, a fence, a code span or HTML. The escapes are
 * CommonMark backslash escapes, so the text reads the same to an agent and renders as written.
 */

/** Line breaks as CommonMark and JavaScript's `^` see them. */
const lineBreak = /\r\n?|[\n\u2028\u2029]/g;
/** Control characters other than tab (line breaks are replaced first): shown as a space. */
const control = /[^\P{Cc}\t\n]/gu;
/** A backslash before ASCII punctuation would escape the character after it (or our escape). */
const activeBackslash = /\\(?=[!-/:-@[-`{-~])/g;
/** `<` that opens a tag, a comment, a processing instruction or an autolink. */
const htmlOpening = /<(?=[A-Za-z/!?])/g;
/** A line that would start a block: heading, quote, list, break, setext line, fence, link label. */
const blockStart =
  /^(?:#{1,6}(?:[ \t]|$)|>|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|[-*_](?:[ \t]*[-*_]){2,}|[=-]+[ \t]*$|~{3,}|\[)/;

/** Line breaks and control characters as spaces, every other character kept. */
export function spacedLines(text: string): string {
  return text.replace(lineBreak, " ").replace(control, " ");
}

/** One line: line breaks and control characters become spaces, runs of spaces one. */
export function oneLine(text: string): string {
  return spacedLines(text).replace(/\s+/g, " ").trim();
}

function escapeInline(text: string): string {
  return text.replace(activeBackslash, "\\\\").replace(htmlOpening, "\\<").replace(/`/g, "\\`");
}

/** Source text inside a line okf writes (after `- `, in a sentence). */
export function inlineSource(text: string): string {
  return escapeInline(oneLine(text));
}

/** Source text as a heading's title: also no closing `#` sequence that would vanish. */
export function headingSource(text: string): string {
  return inlineSource(text).replace(/(^|[ \t])#(#*)$/, "$1\\#$2");
}

/**
 * Source text as paragraphs of its own (a table comment): line breaks kept, blank lines as one,
 * every line unindented and unable to start a block; `|` escaped so that no line is a table.
 */
export function paragraphSource(text: string): string {
  return text
    .replace(lineBreak, "\n")
    .replace(control, " ")
    .split("\n")
    .map((line) => {
      const escaped = escapeInline(line.trim()).replace(/\|/g, "\\|");
      return blockStart.test(escaped) ? escapeBlockStart(escaped) : escaped;
    })
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function escapeBlockStart(line: string): string {
  const ordered = /^(\d{1,9})([.)])/.exec(line);
  return ordered ? `${ordered[1] ?? ""}\\${line.slice(ordered[1]?.length ?? 0)}` : `\\${line}`;
}

/**
 * A fenced code block whose fence is longer than any backtick run inside, so no line of the
 * content can close it; line breaks are `\n`.
 */
export function codeBlock(info: string, content: string): string {
  const text = content.replace(lineBreak, "\n");
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${text}\n${fence}`;
}
