import { KnowledgeFileError } from "../errors.js";
import { scanMarkers, type MarkerLine } from "./region-markers.js";

/** A generated region: `<!-- okf:begin NAME -->` … `<!-- okf:end NAME -->`. */
export interface GeneratedRegion {
  name: string;
  content: string;
}

interface LocatedRegion extends GeneratedRegion {
  /** Offsets of the whole block, markers included, in the body. */
  start: number;
  end: number;
}

export function regionBlock(region: GeneratedRegion): string {
  return `<!-- okf:begin ${region.name} -->\n${region.content}\n<!-- okf:end ${region.name} -->`;
}

/**
 * Finds the generated regions of a body; broken, nested or duplicate markers are an error.
 * Only the names okf generates count, and never inside fenced code (see scanMarkers).
 * `firstLine` is the file line the body starts on, so that messages name the file's lines.
 */
export function locateRegions(body: string, file: string, firstLine = 1): LocatedRegion[] {
  const { markers, swallowed } = scanMarkers(body, file);
  if (swallowed) {
    throw brokenMarkers(
      file,
      `the code fence opened on line ${String(swallowed.fenceLine + firstLine)} is never closed, so the okf marker on line ${String(swallowed.markerLine + firstLine)} would be read as code`,
      "Close the code fence (a line of the same backticks or tildes) where the example ends.",
    );
  }
  const regions: LocatedRegion[] = [];
  let open: { marker: MarkerLine; line: number } | undefined;
  for (const marker of markers) {
    const { name } = marker;
    const line = marker.index + firstLine;
    if (marker.action === "begin") {
      if (open)
        throw brokenMarkers(
          file,
          `"okf:begin ${name}" on line ${line} is inside region "${open.marker.name}" (opened on line ${open.line})`,
        );
      if (regions.some((region) => region.name === name)) {
        throw brokenMarkers(file, `region "${name}" appears twice (again on line ${line})`);
      }
      open = { marker, line };
    } else {
      if (open?.marker.name !== name) {
        throw brokenMarkers(file, `"okf:end ${name}" on line ${line} has no matching okf:begin`);
      }
      const contentStart = open.marker.next;
      const contentEnd = Math.max(contentStart, marker.start - 1);
      regions.push({
        name,
        content: body.slice(contentStart, contentEnd),
        start: open.marker.start,
        end: marker.end,
      });
      open = undefined;
    }
  }
  if (open)
    throw brokenMarkers(
      file,
      `region "${open.marker.name}" opened on line ${open.line} is never closed`,
    );
  return regions;
}

function brokenMarkers(
  file: string,
  detail: string,
  hint = "Restore the <!-- okf:begin NAME --> / <!-- okf:end NAME --> pair (see git history), or delete the file to have it regenerated.",
): KnowledgeFileError {
  return new KnowledgeFileError(
    file,
    `${file} has broken okf markers: ${detail}. The file was left untouched.`,
    hint,
  );
}

/**
 * Replaces the generated regions of an existing body and keeps every byte outside them.
 * Regions no longer generated are removed; new ones are placed after the closest preceding
 * region in `order`, else before the closest following one, else appended.
 */
export function spliceRegions(
  body: string,
  file: string,
  regions: readonly GeneratedRegion[],
  order: readonly string[],
): string {
  const wanted = new Map(regions.map((region) => [region.name, region]));
  const existing = locateRegions(body, file);
  let result = body;
  // Right to left, so earlier offsets stay valid.
  for (const region of [...existing].reverse()) {
    const next = wanted.get(region.name);
    if (next) {
      result = result.slice(0, region.start) + regionBlock(next) + result.slice(region.end);
    } else {
      const after = result.slice(region.end).replace(/^\n\n?/, "");
      result = result.slice(0, region.start) + after;
    }
  }
  const present = new Set(existing.map((region) => region.name).filter((n) => wanted.has(n)));
  for (const region of regions) {
    if (present.has(region.name)) continue;
    result = insertRegion(result, file, region, order, present);
    present.add(region.name);
  }
  return result;
}

function insertRegion(
  body: string,
  file: string,
  region: GeneratedRegion,
  order: readonly string[],
  present: ReadonlySet<string>,
): string {
  const located = locateRegions(body, file);
  const byName = new Map(located.map((r) => [r.name, r]));
  const position = order.indexOf(region.name);
  const before = order
    .slice(0, Math.max(position, 0))
    .reverse()
    .find((n) => present.has(n));
  const block = regionBlock(region);
  const anchorBefore = before === undefined ? undefined : byName.get(before);
  if (anchorBefore) {
    return `${body.slice(0, anchorBefore.end)}\n\n${block}${body.slice(anchorBefore.end)}`;
  }
  const after = order.slice(position + 1).find((n) => present.has(n));
  const anchorAfter = after === undefined ? undefined : byName.get(after);
  if (anchorAfter) {
    return `${body.slice(0, anchorAfter.start)}${block}\n\n${body.slice(anchorAfter.start)}`;
  }
  const trimmed = body.replace(/\n*$/, "");
  return `${trimmed}\n\n${block}\n`;
}
