import { createHash } from "node:crypto";
import { locateRegions } from "../../knowledge-file/regions.js";
import { heading, proseLines } from "../../knowledge-file/markdown-lines.js";

/** A `##` section people own: outside every `okf:` region. Offsets are into the body. */
export interface HumanSection {
  /** The heading's text, `Business Meaning` for `## Business Meaning`. */
  name: string;
  /** Where the section's text starts (after the heading line) and ends (before the next heading). */
  start: number;
  end: number;
  /** The section's text without the blank lines around it. */
  text: string;
}

export interface BodySections {
  human: HumanSection[];
  /** Names of the `##` headings inside generated regions. */
  generated: string[];
}

/**
 * The `#`/`##` headings of a body, with fenced code blocks skipped: a section runs from its
 * heading to the next `#`/`##` heading or generated region, so `###` headings belong to it.
 */
export function bodySections(body: string, file: string): BodySections {
  const regions = locateRegions(body, file);
  const inRegion = (offset: number) =>
    regions.some((region) => region.start <= offset && offset < region.end);
  const boundaries: number[] = regions.map((region) => region.start);
  const headings: Array<{ name: string; start: number; contentStart: number }> = [];
  const generated: string[] = [];
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of body.split("\n")) {
    lineStarts.push(offset);
    offset += line.length + 1;
  }
  for (const { line, text } of proseLines(body, 0)) {
    const found = heading(text);
    if (!found || found.level > 2) continue;
    const lineStart = lineStarts[line] ?? body.length;
    if (inRegion(lineStart)) {
      if (found.level === 2) generated.push(found.title);
      continue;
    }
    boundaries.push(lineStart);
    if (found.level === 2) {
      headings.push({
        name: found.title,
        start: lineStart,
        contentStart: lineStart + text.length + 1,
      });
    }
  }
  const sorted = boundaries.sort((a, b) => a - b);
  const human = headings.map((heading) => {
    const start = Math.min(heading.contentStart, body.length);
    const end = sorted.find((boundary) => boundary > heading.start) ?? body.length;
    return { name: heading.name, start, end, text: sectionText(body.slice(start, end)) };
  });
  return { human, generated };
}

/** A section's text without the blank lines around it and without trailing whitespace. */
export function sectionText(raw: string): string {
  return raw.replace(/^(?:[ \t]*\r?\n)+/, "").trimEnd();
}

/** sha256 of a section's text, as `base_hash` records it. */
export function sectionHash(text: string): string {
  return createHash("sha256").update(sectionText(text), "utf8").digest("hex");
}

/** Headings compare without case or extra spaces, so `business meaning` finds `Business Meaning`. */
export function sameHeading(left: string, right: string): boolean {
  const normal = (name: string) =>
    name
      .replace(/^#+\s*/, "")
      .replace(/\s+/g, " ")
      .trim();
  return normal(left).toLowerCase() === normal(right).toLowerCase();
}

/**
 * The body with one section's text replaced and every other byte kept: the blank lines before
 * the section's text and the whitespace separating it from the next heading stay as they were.
 */
export function replaceSectionText(body: string, section: HumanSection, text: string): string {
  const raw = body.slice(section.start, section.end);
  const replacement = sectionText(text);
  const current = sectionText(raw);
  let middle: string;
  if (current === "") {
    const followed = section.end < body.length;
    // A heading on the last line, without a newline, needs one before its new text.
    const opening = section.start > 0 && body[section.start - 1] !== "\n" ? "\n" : "";
    middle = `${opening}${replacement}\n${followed ? "\n" : ""}`;
  } else {
    const leading = raw.length - raw.replace(/^(?:[ \t]*\r?\n)+/, "").length;
    const trailing = raw.slice(leading + current.length);
    middle = `${raw.slice(0, leading)}${replacement}${trailing}`;
  }
  return body.slice(0, section.start) + middle + body.slice(section.end);
}
