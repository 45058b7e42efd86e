import MiniSearch from "minisearch";
import type { ConceptRecord } from "../concepts/concept-record.js";

/** What one concept contributes to the index, one property per searchable field. */
interface IndexedConcept {
  index: number;
  title: string;
  id: string;
  fields: string;
  tags: string;
  description: string;
  sections: string;
}

/** The searchable fields, named as `SearchHit.matched` reports them. */
const searchFields = ["title", "id", "fields", "tags", "description", "sections"] as const;
type SearchField = (typeof searchFields)[number];

const boosts: Record<SearchField, number> = {
  title: 4,
  id: 2,
  fields: 2,
  tags: 2,
  description: 2,
  sections: 1,
};

/** Shorter terms match exactly: `id` or `pk` would otherwise match half the bundle. */
const minimumLooseTermLength = 4;
const fuzziness = 0.2;

const placeholderLine = /^.*_Owner to write.*$/gm;

/**
 * Words of identifiers are searchable both whole and in parts: `owner_email` is found by
 * `owner_email`, `owner` and `email`; `lines[].sku` by `lines.sku` and `sku`.
 */
function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const raw of text.split(/[^\p{L}\p{N}_.-]+/u)) {
    const word = raw.replace(/^[_.-]+|[_.-]+$/g, "");
    if (word === "") continue;
    tokens.push(word);
    const parts = word.split(/[_.-]+/).filter((part) => part !== "");
    if (parts.length > 1) tokens.push(...parts);
  }
  return tokens;
}

function indexedConcept(record: ConceptRecord, index: number): IndexedConcept {
  return {
    index,
    title: record.title,
    id: `${record.id} ${record.path.replace(/\.md$/, "")}`,
    fields: record.fields.join(" "),
    tags: record.tags.join(" "),
    description: record.description ?? "",
    // Placeholders are the same in every file and would make `owner` match everything.
    sections: record.sections
      .map((section) => `${section.heading}\n${section.text.replace(placeholderLine, "")}`)
      .join("\n"),
  };
}

export interface IndexMatch {
  index: number;
  score: number;
  matched: SearchField[];
}

/** An in-memory index over the records; bundles hold thousands of files at most. */
export function searchRecords(records: readonly ConceptRecord[], query: string): IndexMatch[] {
  const search = new MiniSearch<IndexedConcept>({
    idField: "index",
    fields: [...searchFields],
    tokenize,
    searchOptions: {
      boost: boosts,
      prefix: (term) => term.length >= minimumLooseTermLength,
      fuzzy: (term) => (term.length >= minimumLooseTermLength ? fuzziness : false),
    },
  });
  search.addAll(records.map(indexedConcept));
  // Every word first, for precision; any word when no concept has them all.
  let results = search.search(query, { combineWith: "AND" });
  if (results.length === 0) results = search.search(query, { combineWith: "OR" });
  return results.map((result) => {
    const matchedFields = new Set(Object.values(result.match).flat());
    return {
      index: Number(result.id),
      score: result.score,
      matched: searchFields.filter((field) => matchedFields.has(field)),
    };
  });
}
