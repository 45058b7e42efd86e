import { UsageError } from "../../errors.js";
import type { ConceptRecord } from "../concepts/concept-record.js";
import { readConceptRecords } from "../concepts/read-concept-records.js";
import { governanceFactor } from "./governance-rank.js";
import { searchRecords } from "./search-index.js";

export interface SearchHit {
  record: ConceptRecord;
  /** Relevance times the (small) governance factor: what hits are sorted by. */
  score: number;
  /** How well the text matches, before governance weighs in. */
  relevance: number;
  /** Which fields matched: title, id, fields, comments, tags, description, human, sections. */
  matched: string[];
}

export interface SearchOptions {
  /** At most this many hits (default 10). */
  limit?: number;
  /** The instant staleness is judged at (default now). */
  now?: Date;
}

export const defaultSearchLimit = 10;

/** Full-text search over the bundle's concepts, most relevant first, governance breaking ties. */
export async function searchBundle(
  bundleDir: string,
  query: string,
  options: SearchOptions = {},
): Promise<SearchHit[]> {
  if (query.trim() === "") {
    throw new UsageError(
      "The search query is empty.",
      "Give words to look for, such as a table, column or tag name: okf search customer_email.",
    );
  }
  const limit = options.limit ?? defaultSearchLimit;
  const records = await readConceptRecords(bundleDir, options.now ?? new Date());
  return rankHits(records, query).slice(0, limit);
}

/** Every matching record, ranked; ties keep path order so output is deterministic. */
export function rankHits(records: readonly ConceptRecord[], query: string): SearchHit[] {
  const hits: SearchHit[] = [];
  for (const match of searchRecords(records, query)) {
    const record = records[match.index];
    if (record === undefined) continue;
    hits.push({
      record,
      score: match.score * governanceFactor(record.governance),
      relevance: match.score,
      matched: match.matched,
    });
  }
  return hits.sort((a, b) => b.score - a.score || (a.record.path < b.record.path ? -1 : 1));
}
