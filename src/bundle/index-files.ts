import { join, posix } from "node:path";
import pLimit from "p-limit";
import { KnowledgeFileError } from "../errors.js";
import { writeFileAtomic } from "./atomic-write.js";
import { readIndexEntry, type IndexEntry } from "./index-entry.js";
import { applyListing, type FolderListing } from "./index-listing.js";
import { readBundleTextIfExists } from "./files.js";
import { leftOutByFolder } from "./left-out-notes.js";
import { compareCodePoints, listMarkdownFiles } from "./walk-bundle.js";

export { initialRootIndexText } from "./index-listing.js";

/** OKF's reserved file names: navigation and history, never concepts. */
const reservedFileNames: ReadonlySet<string> = new Set(["index.md", "log.md"]);

export interface IndexUpdateOptions {
  dryRun?: boolean;
  /**
   * Called for an index.md whose okf markers are broken; that file is left untouched. Without
   * it, the first such error is thrown once the other index files are written.
   */
  onUnreadable?: (error: KnowledgeFileError) => void;
}

/**
 * Brings every index.md of the bundle up to date (OKF §8): the root and each folder that holds
 * concepts at any depth. Returns the bundle-relative paths written (or, in a dry run, that
 * would be); a file whose content would not change is not touched.
 */
export async function updateIndexFiles(
  bundleDir: string,
  options: IndexUpdateOptions = {},
): Promise<string[]> {
  const conceptPaths = (await listMarkdownFiles(bundleDir)).filter(
    (path) => !reservedFileNames.has(posix.basename(path)),
  );
  const limit = pLimit(16);
  const summaries = await Promise.all(
    conceptPaths.map((path) => limit(() => readIndexEntry(bundleDir, path))),
  );
  const written: string[] = [];
  const unreadable: KnowledgeFileError[] = [];
  const leftOut = await leftOutByFolder(bundleDir);
  for (const listing of folderListings(summaries)) {
    const notes = leftOut.get(listing.folder);
    if (notes) listing.leftOut = notes;
    const indexPath = listing.folder === "" ? "index.md" : `${listing.folder}/index.md`;
    let existing: string | undefined;
    let next: string;
    try {
      existing = await readBundleTextIfExists(join(bundleDir, indexPath), indexPath);
      next = applyListing(existing, listing, indexPath);
    } catch (error) {
      if (!(error instanceof KnowledgeFileError)) throw error;
      unreadable.push(error);
      continue;
    }
    if (next === existing) continue;
    if (options.dryRun !== true) await writeFileAtomic(join(bundleDir, indexPath), next);
    written.push(indexPath);
  }
  for (const error of unreadable) options.onUnreadable?.(error);
  const [first] = unreadable;
  if (first && !options.onUnreadable) throw first;
  return written;
}

/** One listing per folder that needs an index: the root, and every ancestor of a concept. */
function folderListings(summaries: IndexEntry[]): FolderListing[] {
  const folders = new Map<
    string,
    { concepts: IndexEntry[]; count: number; children: Set<string> }
  >();
  const folderOf = (folder: string) => {
    let entry = folders.get(folder);
    if (!entry) {
      entry = { concepts: [], count: 0, children: new Set() };
      folders.set(folder, entry);
    }
    return entry;
  };
  folderOf("");
  for (const summary of summaries) {
    let folder = parentOf(summary.path);
    folderOf(folder).concepts.push(summary);
    for (;;) {
      folderOf(folder).count++;
      if (folder === "") break;
      const parent = parentOf(folder);
      folderOf(parent).children.add(posix.basename(folder));
      folder = parent;
    }
  }
  return [...folders.keys()].sort(compareCodePoints).map((folder) => {
    const entry = folderOf(folder);
    const subfolders = [...entry.children].map((name) => ({
      name,
      conceptCount: folderOf(folder === "" ? name : `${folder}/${name}`).count,
    }));
    return { folder, concepts: entry.concepts, subfolders };
  });
}

function parentOf(path: string): string {
  const parent = posix.dirname(path);
  return parent === "." ? "" : parent;
}
