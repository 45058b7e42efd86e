import { posix } from "node:path";
import { readTableColumn, splitRow, unescapeCell } from "../../knowledge-file/markdown-table.js";
import { heading, proseLines } from "../../knowledge-file/markdown-lines.js";
import type { ConceptRecord, SensitiveFieldRow } from "./concept-record.js";

type Section = ConceptRecord["sections"][number];

const markerLine = /^<!--\s*okf:(begin|end)\s+[A-Za-z0-9_-]+\s*-->[ \t]*$/;

/** Sections whose first table lists the concept's fields (column, attribute, document path). */
const fieldSections = /^(schema|attributes|document structure|fields)$/i;

/**
 * The `##` sections of a body, each with its text up to the next heading of level 2 or above,
 * and what follows the `#` title as a "Summary" section (the generated summary region). A section
 * is generated when its heading sits inside an `okf:` region; marker lines are not text.
 */
export function bodySections(body: string): Section[] {
  const sections: Section[] = [];
  let current: { heading: string; lines: string[]; generated: boolean } | undefined;
  let inRegion = false;
  const close = (): void => {
    if (current) {
      sections.push({
        heading: current.heading,
        text: current.lines.join("\n").trim(),
        generated: current.generated,
      });
    }
    current = undefined;
  };
  // Fenced code is skipped: a `## ` inside it is not a heading.
  for (const { text } of proseLines(body, 1)) {
    const marker = markerLine.exec(text);
    if (marker) {
      inRegion = marker[1] === "begin";
      continue;
    }
    const title = heading(text);
    if (title && title.level <= 2) {
      close();
      if (title.level === 2) current = { heading: title.title, lines: [], generated: inRegion };
      if (title.level === 1) current = { heading: "Summary", lines: [], generated: true };
      continue;
    }
    current?.lines.push(text);
  }
  close();
  return sections;
}

/** Field names and paths: the first column of the first table of each field section. */
export function sectionFields(sections: readonly Section[]): string[] {
  const fields = new Set<string>();
  for (const section of sections) {
    if (!fieldSections.test(section.heading)) continue;
    const header = section.text.split("\n").map(splitRow).find(Boolean);
    const firstColumn = header?.[0];
    if (firstColumn === undefined) continue;
    for (const field of readTableColumn(section.text, unescapeCell(firstColumn)).keys()) {
      fields.add(field);
    }
  }
  return [...fields];
}

/** Every row of the Sensitive Fields table, with its decision when a person wrote one. */
export function sensitiveRows(sections: readonly Section[]): ConceptRecord["sensitiveFields"] {
  const section = sections.find((candidate) => /^sensitive fields$/i.test(candidate.heading));
  if (!section) return [];
  const categories = readTableColumn(section.text, "Category");
  const cellsOf = (column: string) => readTableColumn(section.text, column);
  const [decisions, masking, confidence] = ["Decision", "Masking", "Confidence"].map(cellsOf);
  return [...categories].map(([field, category]) => {
    const row: SensitiveFieldRow = {
      field,
      category,
      added: confidence?.get(field)?.trim().toLowerCase() === "person",
    };
    const decision = decisions?.get(field);
    if (decision) row.decision = decision;
    const rule = masking?.get(field);
    if (rule) row.masking = rule;
    return row;
  });
}

const linkDestination = /\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const schemeOrRoot = /^([a-z][a-z0-9+.-]*:|\/)/i;

/**
 * The bundle paths of the concepts the Relationships section links to, resolved from the
 * concept's own folder. Links that leave the bundle or point elsewhere than a `.md` are ignored.
 */
export function relatedPaths(sections: readonly Section[], conceptPath: string): string[] {
  const related = new Set<string>();
  const folder = posix.dirname(conceptPath);
  for (const section of sections) {
    if (!/^relationships$/i.test(section.heading)) continue;
    for (const match of section.text.matchAll(linkDestination)) {
      const target = decodedTarget(match[1] ?? "");
      if (target === undefined || schemeOrRoot.test(target)) continue;
      const path = posix.normalize(posix.join(folder, target));
      if (path.startsWith("../") || path === ".." || !path.endsWith(".md")) continue;
      if (path !== conceptPath) related.add(path);
    }
  }
  return [...related];
}

function decodedTarget(destination: string): string | undefined {
  const withoutFragment = destination.replace(/[#?].*$/, "");
  if (withoutFragment === "") return undefined;
  try {
    return decodeURIComponent(withoutFragment);
  } catch {
    return undefined;
  }
}
