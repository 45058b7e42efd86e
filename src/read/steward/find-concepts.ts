import { isAbsolute, posix, relative, resolve, sep } from "node:path";
import { UsageError } from "../../errors.js";
import { fileRole } from "../../knowledge-file/markdown-file.js";
import { closestNames } from "./closest-names.js";
import { conceptId, type ConceptFile } from "./concept-files.js";

export interface ConceptLookup {
  /** Absolute path of the bundle folder. */
  bundleDir: string;
  /** Where the user stands: filesystem paths are relative to it. */
  cwd: string;
}

type Resolution = { concept: ConceptFile } | { problem: string };

/**
 * The concepts that command-line arguments name, in argument order, each once. An argument is
 * a frontmatter `id` (`sales.crm.customer_account`), a bundle-relative concept path with or
 * without `.md` (`crm/crm_prod/sales/customer_account`), or a filesystem path inside the bundle
 * (`knowledge/crm/crm_prod/sales/customer_account.md`). Any argument that names no concept is a
 * usage error that lists every such argument, with close suggestions.
 */
export function findConcepts(
  concepts: readonly ConceptFile[],
  args: readonly string[],
  where: ConceptLookup,
): ConceptFile[] {
  if (args.length === 0) {
    throw new UsageError("Name at least one concept.", conceptHint);
  }
  const byPath = new Map(concepts.map((concept) => [concept.path, concept]));
  const byId = new Map<string, ConceptFile[]>();
  for (const concept of concepts) {
    const id = conceptId(concept);
    if (id !== undefined) byId.set(id, [...(byId.get(id) ?? []), concept]);
  }
  const found = new Map<string, ConceptFile>();
  const problems: string[] = [];
  for (const arg of args) {
    const resolution = resolveOne(arg, byId, byPath, where);
    if ("problem" in resolution) problems.push(resolution.problem);
    else found.set(resolution.concept.path, resolution.concept);
  }
  if (problems.length > 0) {
    const count = problems.length === 1 ? "" : ` (${problems.length} arguments)`;
    throw new UsageError(`Nothing was done${count}: ${problems.join("; ")}.`, conceptHint);
  }
  return [...found.values()];
}

const conceptHint =
  "Name a concept by its frontmatter id (sales.crm.customer_account) or its path in the bundle (crm/crm_prod/sales/customer_account); `okf status` lists files that need attention.";

function resolveOne(
  arg: string,
  byId: ReadonlyMap<string, ConceptFile[]>,
  byPath: ReadonlyMap<string, ConceptFile>,
  where: ConceptLookup,
): Resolution {
  const shown = JSON.stringify(arg);
  if (arg.trim() === "") return { problem: "an empty argument is not a concept" };
  const withId = byId.get(arg) ?? [];
  const [single] = withId;
  if (single && withId.length === 1) return { concept: single };
  if (withId.length > 1) {
    const paths = withId.map((concept) => concept.path).join(", ");
    return { problem: `${shown} is the id of several files (${paths}); name one by its path` };
  }
  const inBundle = bundlePath(arg.replace(/\\/g, "/"));
  const onDisk = bundlePath(
    relative(where.bundleDir, resolve(where.cwd, arg)).split(sep).join("/"),
  );
  for (const path of [inBundle, onDisk]) {
    const concept = path === undefined ? undefined : byPath.get(path);
    if (concept) return { concept };
  }
  const reserved = [inBundle, onDisk].find(
    (path) => path !== undefined && fileRole(path) !== "concept",
  );
  if (reserved !== undefined) {
    return { problem: `${shown} is the bundle's ${posix.basename(reserved)}, not a concept` };
  }
  if (inBundle === undefined && onDisk === undefined) {
    return { problem: `${shown} lies outside the bundle ${where.bundleDir}` };
  }
  const suggestions = closestNames(arg, [...byId.keys(), ...[...byPath.keys()].map(withoutMd)]);
  const didYouMean =
    suggestions.length === 0
      ? ""
      : ` (did you mean ${suggestions.map((name) => JSON.stringify(name)).join(", ")}?)`;
  return { problem: `${shown} is neither a concept id nor a concept path${didYouMean}` };
}

/** A bundle-relative POSIX path with `.md`, or undefined when it leaves the bundle. */
function bundlePath(path: string): string | undefined {
  if (isAbsolute(path)) return undefined;
  const normalised = posix.normalize(path).replace(/\/+$/, "");
  if (normalised === "." || normalised === ".." || normalised.startsWith("../")) return undefined;
  return normalised.endsWith(".md") ? normalised : `${normalised}.md`;
}

function withoutMd(path: string): string {
  return path.replace(/\.md$/, "");
}
