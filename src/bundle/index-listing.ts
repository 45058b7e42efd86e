import { posix } from "node:path";
import { indexRegionName } from "../knowledge-file/region-markers.js";
import { locateRegions, regionBlock } from "../knowledge-file/regions.js";
import type { IndexEntry } from "./index-entry.js";
import type { LeftOutObjects } from "../model/index.js";
import { frontmatterText } from "./index-entry.js";
import { inlineText, markdownLink, oneLine } from "../knowledge-file/markdown-links.js";
import { compareCodePoints } from "./walk-bundle.js";

const rootFrontmatter = `---\nokf_version: "0.2"\n---\n`;
const emptyListing = "_No concepts yet._";
const rootHeading = "Knowledge";

/** What one folder's index.md lists. */
export interface FolderListing {
  /** Bundle-relative folder, "" for the root. */
  folder: string;
  concepts: IndexEntry[];
  /** Direct subfolders holding concepts (at any depth), with how many they hold. */
  subfolders: { name: string; conceptCount: number }[];
  /** A source's folder: the objects its last run left out on purpose. */
  leftOut?: LeftOutObjects[];
}

/** The root index.md that `okf init` writes; equal to what an empty bundle's update produces. */
export function initialRootIndexText(): string {
  return newIndexText({ folder: "", concepts: [], subfolders: [] });
}

/** The listing between the markers: Concepts, Folders, Deprecated, each only when non-empty. */
function renderListing(listing: FolderListing): string {
  const entry = (title: string, target: string, description?: string): string =>
    `* ${markdownLink(title, target)}${description === undefined ? "" : ` - ${inlineText(description)}`}`;
  const byPath = (a: IndexEntry, b: IndexEntry): number => compareCodePoints(a.path, b.path);
  const conceptEntry = (concept: IndexEntry): string =>
    entry(concept.title, posix.basename(concept.path), concept.description);
  const active = listing.concepts.filter((c) => !c.deprecated).sort(byPath);
  const deprecated = listing.concepts.filter((c) => c.deprecated).sort(byPath);
  const folders = [...listing.subfolders].sort((a, b) => compareCodePoints(a.name, b.name));
  const sections: string[] = [];
  if (active.length > 0) sections.push(section("Concepts", active.map(conceptEntry)));
  if (folders.length > 0) {
    const lines = folders.map((f) =>
      entry(
        f.name,
        `${f.name}/index.md`,
        `${f.conceptCount} concept${f.conceptCount === 1 ? "" : "s"}`,
      ),
    );
    sections.push(section("Folders", lines));
  }
  if (listing.leftOut && listing.leftOut.length > 0) {
    sections.push(section("Left Out", listing.leftOut.map(leftOutEntry)));
  }
  if (deprecated.length > 0) sections.push(section("Deprecated", deprecated.map(conceptEntry)));
  return sections.length === 0 ? emptyListing : sections.join("\n\n");
}

/** `* 2 objects owned by an extension, not documented (pg_stat_statements: public.a, public.b). Hint` */
function leftOutEntry(note: LeftOutObjects): string {
  const owners = new Map<string, string[]>();
  for (const object of note.objects) {
    owners.set(object.owner, [...(owners.get(object.owner) ?? []), object.name]);
  }
  const groups = [...owners]
    .sort(([a], [b]) => compareCodePoints(a, b))
    .map(([owner, names]) => `${owner}: ${[...names].sort(compareCodePoints).join(", ")}`);
  const count = note.objects.length;
  const what = `${String(count)} object${count === 1 ? "" : "s"} ${note.what}`;
  return `* ${inlineText(`${what} (${groups.join("; ")}). ${note.hint}`)}`;
}

function section(heading: string, lines: string[]): string {
  return `## ${heading}\n\n${lines.join("\n")}`;
}

/**
 * The next text of an index.md: the listing replaces the marked region (or is appended when a
 * person's file has none) and every other byte stays. The root index keeps or gains
 * `okf_version`. Broken markers throw KnowledgeFileError, and the file must be left alone.
 */
export function applyListing(
  existing: string | undefined,
  listing: FolderListing,
  file: string,
): string {
  if (existing === undefined || existing.trim() === "") return newIndexText(listing);
  const block = regionBlock({ name: indexRegionName, content: renderListing(listing) });
  const region = locateRegions(existing, file).find((r) => r.name === indexRegionName);
  let next: string;
  if (region) {
    next = existing.slice(0, region.start) + block + existing.slice(region.end);
  } else {
    const separator = existing.endsWith("\n\n") ? "" : existing.endsWith("\n") ? "\n" : "\n\n";
    next = `${existing}${separator}${block}\n`;
  }
  return listing.folder === "" ? withOkfVersion(next) : next;
}

function newIndexText(listing: FolderListing): string {
  const heading = listing.folder === "" ? rootHeading : oneLine(posix.basename(listing.folder));
  const block = regionBlock({ name: indexRegionName, content: renderListing(listing) });
  const text = `# ${heading}\n\n${block}\n`;
  return listing.folder === "" ? `${rootFrontmatter}${text}` : text;
}

/** Adds `okf_version: "0.2"` to the root index unless it already declares a version. */
function withOkfVersion(text: string): string {
  const yaml = frontmatterText(text);
  if (yaml === undefined) return `${rootFrontmatter}${text}`;
  if (/^okf_version[ \t]*:/m.test(yaml)) return text;
  return text.replace(/^---[ \t]*\r?\n/, (opening) => `${opening}okf_version: "0.2"\n`);
}
