import { posix } from "node:path";
import { scanCode } from "./markdown-lines.js";

/** The regions a concept's templates generate; no other name in a concept file is okf's. */
export const regionNames = [
  "summary",
  "schema",
  "attributes",
  "structure",
  "partitions",
  "definition",
  "storage",
  "keys",
  "triggers",
  "item-types",
  "access-patterns",
  "relationships",
  "sensitive",
  "quality",
  "usage",
] as const;
export type RegionName = (typeof regionNames)[number];

/** The generated part of an index.md; everything around it belongs to people. */
export const indexRegionName = "index";

/** One `<!-- okf:begin NAME -->` / `<!-- okf:end NAME -->` line that okf owns. */
export interface MarkerLine {
  action: "begin" | "end";
  name: string;
  /** 0-based line in the body. */
  index: number;
  /** Offsets of the marker text (without a trailing `\r`), and of the line after it. */
  start: number;
  end: number;
  next: number;
}

export interface MarkerScan {
  markers: MarkerLine[];
  /** An okf marker line inside a code fence that is never closed: is it text or a marker? */
  swallowed?: { fenceLine: number; markerLine: number };
}

const markerLine = /^<!--[ \t]*okf:(begin|end)[ \t]+([A-Za-z0-9_-]+)[ \t]*-->[ \t]*$/;

/** okf owns `index` in index.md files and the template regions in every other file. */
function ownedNames(file: string): ReadonlySet<string> {
  return new Set(posix.basename(file) === "index.md" ? [indexRegionName] : regionNames);
}

/**
 * The marker lines okf owns in a body. A marker inside fenced code is text (a person's example),
 * and so is one with a name okf does not generate (a person's own `okf:begin notes`).
 */
export function scanMarkers(body: string, file: string): MarkerScan {
  const owned = ownedNames(file);
  const { code, unclosedFence } = scanCode(body);
  const markers: MarkerLine[] = [];
  let swallowed: MarkerScan["swallowed"];
  let offset = 0;
  body.split("\n").forEach((line, index) => {
    const start = offset;
    offset += line.length + 1;
    const text = line.endsWith("\r") ? line.slice(0, -1) : line;
    const match = markerLine.exec(text);
    const [, action, name = ""] = match ?? [];
    if ((action !== "begin" && action !== "end") || !owned.has(name)) return;
    if (code[index]) {
      if (unclosedFence !== undefined && index > unclosedFence && swallowed === undefined)
        swallowed = { fenceLine: unclosedFence, markerLine: index };
      return;
    }
    markers.push({
      action,
      name,
      index,
      start,
      end: start + text.length,
      next: Math.min(offset, body.length),
    });
  });
  return swallowed === undefined ? { markers } : { markers, swallowed };
}
