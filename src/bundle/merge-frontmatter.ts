import { isDeepStrictEqual } from "node:util";
import { Document, isMap, YAMLMap, type Pair } from "yaml";
import { frontmatterValues, styleNode } from "../knowledge-file/knowledge-file.js";
import { frontmatterKeyOrder } from "./frontmatter-keys.js";

export interface FrontmatterPlan {
  /** Machine-owned keys, set every run; `undefined` removes the key. */
  machine: Record<string, unknown>;
  /** The generated description and the one generated last time (absent without state). */
  description: { generated: string; previous: string | undefined };
  /** Machine tags now and last time; people's tags are the rest. */
  tags: { generated: string[]; previous: string[] | undefined };
  /** Human-owned keys written only when the file is created. */
  initial: Record<string, unknown>;
  /** Human-owned keys filled in when missing (a person's value, once set, is never changed). */
  ifAbsent: Record<string, unknown>;
  /**
   * Machine keys a person may correct (`cloud`): the new value is written while the file holds
   * what the machine wrote last (`previous`; null when it wrote none) or nothing; a value a
   * person wrote is kept. Without a `previous` the file's value is kept, as it may be a person's.
   */
  correctable?: Record<string, { generated: unknown; previous: unknown }>;
}

export interface FrontmatterMerge {
  document: Document;
  /** Description kept because a person edited it although the source changed. */
  descriptionConflict: boolean;
}

/**
 * Three-way merge of the frontmatter: machine keys take the new value, a description a person
 * edited is kept, tags are the union of machine and people's tags, human keys are untouched.
 */
export function mergeFrontmatter(
  existing: Document | undefined,
  plan: FrontmatterPlan,
): FrontmatterMerge {
  const document = existing ?? new Document({});
  const current = frontmatterValues(document);
  const values: Record<string, unknown> = { ...plan.machine };
  let descriptionConflict = false;

  const fileDescription = typeof current.description === "string" ? current.description : undefined;
  const { generated, previous } = plan.description;
  const personEdited =
    fileDescription !== undefined &&
    fileDescription !== generated &&
    (previous === undefined ? fileDescription.trim() !== "" : fileDescription !== previous);
  if (personEdited) {
    descriptionConflict = previous !== undefined && generated !== previous;
  } else {
    values.description = generated === "" ? undefined : generated;
  }

  const fileTags = Array.isArray(current.tags) ? current.tags.map(String) : [];
  const previousMachine = new Set(plan.tags.previous ?? plan.tags.generated);
  const peoplesTags = fileTags.filter((tag) => !previousMachine.has(tag));
  const tags = [...new Set([...plan.tags.generated, ...peoplesTags])];
  values.tags = tags.length > 0 ? tags : undefined;

  if (!existing) Object.assign(values, plan.initial);
  for (const [key, value] of Object.entries(plan.ifAbsent)) {
    if (value !== undefined && current[key] === undefined) values[key] = value;
  }
  for (const [key, { generated: value, previous: written }] of Object.entries(
    plan.correctable ?? {},
  )) {
    const inFile = current[key];
    if (inFile === undefined || (written !== undefined && isDeepStrictEqual(inFile, written)))
      values[key] = value;
  }
  for (const [key, value] of Object.entries(values)) setKey(document, key, value);
  return { document, descriptionConflict };
}

/** Sets one key, keeping the node (and its formatting) when the value is unchanged. */
export function setKey(document: Document, key: string, value: unknown): void {
  if (value === undefined) {
    document.delete(key);
    return;
  }
  if (
    document.has(key) &&
    isDeepStrictEqual(
      document.get(key, false) === undefined ? undefined : toPlain(document, key),
      value,
    )
  ) {
    return;
  }
  const node = styleNode(document.createNode(value), key);
  if (document.has(key)) {
    document.set(key, node);
    return;
  }
  if (!isMap(document.contents)) document.contents = new YAMLMap();
  const map = document.contents;
  if (!isMap(map)) return;
  const pair = document.createPair(key, node) as Pair;
  map.items.splice(insertionIndex(map.items, key), 0, pair);
}

function toPlain(document: Document, key: string): unknown {
  return frontmatterValues(document)[key];
}

/** After the closest key that precedes `key` in the canonical order, else first. */
function insertionIndex(items: Pair[], key: string): number {
  const order: readonly string[] = frontmatterKeyOrder;
  const rank = order.indexOf(key);
  if (rank < 0) return items.length;
  let index = 0;
  items.forEach((pair, i) => {
    const other = order.indexOf(
      String((pair.key as { value?: unknown } | null)?.value ?? pair.key),
    );
    if (other >= 0 && other < rank) index = i + 1;
  });
  return index;
}
