import MiniSearch, { type SearchResult } from "minisearch";
import { readTableColumn } from "../../knowledge-file/markdown-table.js";
import type { ConceptRecord } from "../concepts/concept-record.js";
import { queryWords, tokenize } from "./search-terms.js";

/** The searchable fields, named as `SearchHit.matched` reports them. */
const searchFields = [
  "title",
  "id",
  "fields",
  "comments",
  "tags",
  "description",
  "human",
  "sections",
] as const;
type SearchField = (typeof searchFields)[number];

/** What one concept contributes to the index, one property per searchable field. */
type IndexedConcept = { index: number } & Record<SearchField, string>;

/*
 * What a match in each field is worth. The names a table is known by come first (its title, its
 * columns), then what people wrote about it (description, tags, the human sections) and the
 * column comments, which often hold the business word for a technical name. Generated text
 * (summary, keys, relationships, profiles) counts least: it mentions other tables by name, so
 * `customer_account` must not win a query about `revenue_recognized` because it links to it.
 */
const boosts: Record<SearchField, number> = {
  title: 4,
  id: 2,
  fields: 3,
  comments: 1.5,
  tags: 2,
  description: 2,
  human: 2,
  sections: 0.5,
};

/** Shorter terms match exactly: `id` or `pk` would otherwise match half the bundle. */
const minimumLooseTermLength = 4;
const fuzziness = 0.2;

const placeholderLine = /^.*_Owner to write.*$/gm;
/** Sections whose first table lists the concept's fields; indexed as fields and comments. */
const fieldSection = /^(schema|attributes|document structure|fields)$/i;

function indexedConcept(record: ConceptRecord, index: number): IndexedConcept {
  const generated = record.sections.filter(
    (section) => section.generated && !fieldSection.test(section.heading),
  );
  const human = record.sections.filter((section) => !section.generated);
  const g = record.governance;
  return {
    index,
    title: record.title,
    id: `${record.id} ${record.path.replace(/\.md$/, "")}`,
    fields: record.fields.join(" "),
    comments: fieldComments(record).join("\n"),
    // Classification and pii are searchable as tags: "customer pii" finds the pii tables.
    tags: [...record.tags, g.classification ?? "", g.pii ? "pii" : "", record.domain ?? ""].join(
      " ",
    ),
    description: record.description ?? "",
    // Headings are the same in every file, and so are the placeholders: neither is indexed.
    human: human.map((section) => section.text.replace(placeholderLine, "")).join("\n"),
    sections: generated.map((section) => section.text).join("\n"),
  };
}

/** The Description cells of the field tables: column comments, or what people wrote there. */
function fieldComments(record: ConceptRecord): string[] {
  return record.sections
    .filter((section) => fieldSection.test(section.heading))
    .flatMap((section) => [...readTableColumn(section.text, "Description").values()]);
}

export interface IndexMatch {
  index: number;
  /** Relevance: the words' scores summed, times the square of the share of the words matched. */
  score: number;
  /** How many of the query's words the concept matched, out of `words`. */
  matchedWords: number;
  words: number;
  matched: SearchField[];
}

/**
 * Any-word search: each word of the query is searched on its own (whole, by its identifier
 * parts, as a prefix and with a small typo), a concept's score is the sum over the words it
 * matched, and that sum is multiplied by the square of the share of the words it matched, so
 * that a concept with more of the words ranks higher (one strong title word must not beat a
 * section that has every word) while a missing word no longer drops a concept.
 */
export function searchRecords(records: readonly ConceptRecord[], query: string): IndexMatch[] {
  const search = new MiniSearch<IndexedConcept>({
    idField: "index",
    fields: [...searchFields],
    tokenize,
    searchOptions: {
      boost: boosts,
      combineWith: "OR",
      prefix: (term) => term.length >= minimumLooseTermLength,
      fuzzy: (term) => (term.length >= minimumLooseTermLength ? fuzziness : false),
    },
  });
  search.addAll(records.map(indexedConcept));
  const words = queryWords(query);
  const byConcept = new Map<number, { score: number; words: number; fields: Set<string> }>();
  for (const word of words) {
    for (const result of search.search(word)) addWordMatch(byConcept, result);
  }
  return [...byConcept].map(([index, match]) => ({
    index,
    score: match.score * (match.words / words.length) ** 2,
    matchedWords: match.words,
    words: words.length,
    matched: searchFields.filter((field) => match.fields.has(field)),
  }));
}

function addWordMatch(
  byConcept: Map<number, { score: number; words: number; fields: Set<string> }>,
  result: SearchResult,
): void {
  const index = Number(result.id);
  const match = byConcept.get(index) ?? { score: 0, words: 0, fields: new Set<string>() };
  match.score += result.score;
  match.words += 1;
  for (const field of Object.values(result.match).flat()) match.fields.add(field);
  byConcept.set(index, match);
}
