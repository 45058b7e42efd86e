import { createHash } from "node:crypto";
import { lstatSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import { join, relative, sep } from "node:path";

/** Path (relative to the root, `/`-separated) → what is there: a hash, a link target, a folder. */
export type TreeSnapshot = Map<string, string>;

/**
 * Everything under `root` except the folders in `skip` (absolute paths). Files are compared by
 * content, so a rewrite with the same bytes is not a change; symlinks are not followed.
 */
export function snapshotTree(root: string, skip: readonly string[] = []): TreeSnapshot {
  const snapshot: TreeSnapshot = new Map();
  const visit = (dir: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names.sort()) {
      const path = join(dir, name);
      if (skip.includes(path)) continue;
      const key = relative(root, path).split(sep).join("/");
      const entry = lstatSync(path);
      if (entry.isSymbolicLink()) snapshot.set(key, `link → ${readlinkSync(path)}`);
      else if (entry.isDirectory()) {
        snapshot.set(key, "folder");
        visit(path);
      } else if (entry.isFile()) {
        const hash = createHash("sha1").update(readFileSync(path)).digest("hex");
        snapshot.set(key, `file ${entry.size} ${hash} mode ${(entry.mode & 0o777).toString(8)}`);
      } else snapshot.set(key, "special");
    }
  };
  visit(root);
  return snapshot;
}

/** One line per path that appeared, disappeared or changed between two snapshots. */
export function treeChanges(before: TreeSnapshot, after: TreeSnapshot): string[] {
  const changes: string[] = [];
  for (const [path, was] of before) {
    const now = after.get(path);
    if (now === undefined) changes.push(`removed ${path}`);
    else if (now !== was) changes.push(`changed ${path}`);
  }
  for (const path of after.keys()) if (!before.has(path)) changes.push(`appeared ${path}`);
  return changes;
}
