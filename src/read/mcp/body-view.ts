import { createHash } from "node:crypto";
import { splitRow, unescapeCell } from "../../knowledge-file/markdown-table.js";
import { heading, scanCode } from "../../knowledge-file/markdown-lines.js";
import { UsageError } from "../../errors.js";

/** One `##` section of a body as written (code fences kept), or the title and summary. */
interface BodyBlock {
  heading: string;
  lines: string[];
}

/** What `read_concept` returns of a body once the filters are applied. */
export interface BodyView {
  text: string;
  /** The body's section headings in file order ("Summary" for the title and summary). */
  headings: string[];
  missingSections: string[];
  missingFields: string[];
}

export interface BodyFilters {
  sections?: readonly string[] | undefined;
  fields?: readonly string[] | undefined;
}

const markerLine = /^<!--\s*okf:(begin|end)\s+[A-Za-z0-9_-]+\s*-->[ \t]*$/;
/** Sections whose first table has one row per field, and the Sensitive Fields table. */
const fieldTableSection = /^(schema|attributes|document structure|fields|sensitive fields)$/i;

/**
 * The body, or only the sections and field rows asked for. Without filters it is the body
 * exactly as in the file; with them, the chosen sections in file order, without okf markers.
 */
export function bodyView(body: string, filters: BodyFilters): BodyView {
  const blocks = bodyBlocks(body);
  const headings = blocks.map((block) => block.heading);
  const wanted = filters.sections?.map((section) => section.toLowerCase());
  const chosen =
    wanted === undefined
      ? blocks
      : blocks.filter((block) => wanted.includes(block.heading.toLowerCase()));
  const missingSections = (filters.sections ?? []).filter(
    (section) => !headings.some((candidate) => candidate.toLowerCase() === section.toLowerCase()),
  );
  if (wanted !== undefined && chosen.length === 0) {
    throw new UsageError(
      `The concept has none of the sections ${missingSections.map((section) => JSON.stringify(section)).join(", ")}.`,
      `Ask for some of its sections: ${headings.join(", ")}.`,
    );
  }
  if (filters.sections === undefined && filters.fields === undefined) {
    return { text: body, headings, missingSections: [], missingFields: [] };
  }
  const fields = filters.fields === undefined ? undefined : new FieldFilter(filters.fields);
  const text = chosen
    .map((block) => {
      const lines = block.lines.filter((line) => !markerLine.test(line));
      const kept = fields && fieldTableSection.test(block.heading) ? fields.rows(lines) : lines;
      return kept.join("\n").trim();
    })
    .join("\n\n");
  return {
    text: `${text}\n`,
    headings,
    missingSections,
    missingFields: fields?.missing() ?? [],
  };
}

/** The body split at `#` and `##` headings outside fenced code. */
function bodyBlocks(body: string): BodyBlock[] {
  const { code } = scanCode(body);
  const blocks: BodyBlock[] = [{ heading: "Summary", lines: [] }];
  body.split("\n").forEach((line, index) => {
    const title = code[index] ? undefined : heading(line);
    if (title?.level === 2) blocks.push({ heading: title.title, lines: [] });
    blocks.at(-1)?.lines.push(line);
  });
  const [summary] = blocks;
  return summary?.lines.every((line) => line.trim() === "") ? blocks.slice(1) : blocks;
}

/** Keeps the rows of the fields asked for (and of their nested paths) in field tables. */
class FieldFilter {
  private readonly wanted: string[];
  private readonly found = new Set<string>();

  constructor(private readonly fields: readonly string[]) {
    this.wanted = fields.map((field) => field.toLowerCase());
  }

  /** The lines of one section with the rows of other fields left out of its first table. */
  rows(lines: readonly string[]): string[] {
    let row = 0;
    let tableDone = false;
    return lines.filter((line) => {
      const cells = tableDone ? undefined : splitRow(line);
      if (cells === undefined) {
        if (row > 0) tableDone = true;
        return true;
      }
      row += 1;
      // The header and the separator row stay.
      if (row <= 2) return true;
      const name = fieldName(cells[0] ?? "").toLowerCase();
      const match = this.wanted.find(
        (field) => name === field || name.startsWith(`${field}.`) || name.startsWith(`${field}[`),
      );
      if (match !== undefined) this.found.add(match);
      return match !== undefined;
    });
  }

  missing(): string[] {
    return this.fields.filter((field) => !this.found.has(field.toLowerCase()));
  }
}

function fieldName(cell: string): string {
  const text = unescapeCell(cell);
  const code = /^`+([^`]*)`+$/.exec(text);
  return (code?.[1] ?? text).replace(/&lt;/g, "<").replace(/&gt;/g, ">");
}

/** One bounded piece of a text, cut at a line end when one is near, and where to go on. */
export function textPiece(
  text: string,
  offset: number,
  maxChars: number,
): { piece: string; nextOffset: number | null } {
  if (offset > text.length) {
    throw new UsageError(
      `offset ${offset} is past the end of the text (${text.length} characters).`,
      "Pass the next_offset of the previous answer, or leave offset out to start at the beginning.",
    );
  }
  let end = Math.min(text.length, offset + maxChars);
  if (end < text.length) {
    const lineEnd = text.lastIndexOf("\n", end - 1);
    if (lineEnd >= offset + maxChars / 2) end = lineEnd + 1;
    // Never between the two halves of a surrogate pair.
    else if (/[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end -= 1;
  }
  return { piece: text.slice(offset, end), nextOffset: end < text.length ? end : null };
}

/** Identifies the text a piece was cut from, so that a client sees when the file changed. */
export function textHash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}
