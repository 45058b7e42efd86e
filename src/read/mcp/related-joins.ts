import { relatedPaths } from "../concepts/concept-body.js";
import type { ConceptJoin, ConceptRecord } from "../concepts/concept-record.js";

/** How a join stands for an agent, best first: what a person approved, then what a key enforces. */
export const joinStandings = ["approved", "foreign key", "candidate", "rejected"] as const;
type JoinStanding = (typeof joinStandings)[number];

export interface RelatedJoin {
  condition: string;
  standing: JoinStanding;
  kind: string;
  cardinality?: string;
}

export interface RelatedEntry {
  path: string;
  /** The join-table rows with this concept, best standing first. */
  joins: RelatedJoin[];
  /** Other Relationships lines that link to it (a view's "Reads", the foreign-key bullets). */
  lines: string[];
}

function standingOf(row: ConceptJoin): JoinStanding {
  if (row.decision !== undefined) return row.decision;
  return row.kind.toLowerCase().startsWith("foreign key") ? "foreign key" : "candidate";
}

const rank = (standing: JoinStanding | undefined): number =>
  standing === undefined ? joinStandings.length : joinStandings.indexOf(standing);

/**
 * The concepts a record links to, ordered for planning a join: approved joins first, then
 * foreign keys, then unreviewed candidates, then concepts linked without a join (a view's base
 * tables), and rejected joins last; the file's order breaks ties.
 */
export function relatedEntries(record: ConceptRecord): RelatedEntry[] {
  const entries = record.related.map((path): RelatedEntry => {
    const joins = record.joins
      .filter((row) => row.with === path)
      .map((row): RelatedJoin => {
        const join: RelatedJoin = {
          condition: row.condition,
          standing: standingOf(row),
          kind: row.kind,
        };
        if (row.cardinality !== undefined) join.cardinality = row.cardinality;
        return join;
      })
      .sort((a, b) => rank(a.standing) - rank(b.standing));
    return { path, joins, lines: linkLines(record, path) };
  });
  const best = (entry: RelatedEntry): number => {
    const first = entry.joins[0]?.standing;
    // A concept linked without a join row sorts between candidates and rejected joins.
    if (first === undefined) return rank("rejected") - 0.5;
    return rank(first);
  };
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => best(a.entry) - best(b.entry) || a.index - b.index)
    .map(({ entry }) => entry);
}

/** Relationships lines outside the join table that link to `path`, without the list marker. */
function linkLines(record: ConceptRecord, path: string): string[] {
  const lines: string[] = [];
  for (const section of record.sections) {
    if (!/^relationships$/i.test(section.heading)) continue;
    for (const line of section.text.split("\n")) {
      if (line.trimStart().startsWith("|")) continue;
      const single = [{ heading: section.heading, text: line, generated: section.generated }];
      if (relatedPaths(single, record.path).includes(path)) {
        lines.push(line.replace(/^\s*[-*]\s+/, "").trim());
      }
    }
  }
  return lines;
}

/** One join as an agent reads it: `approved: \`a.x = b.y\` (many-to-one)`. */
export function joinText(join: RelatedJoin): string {
  const label = join.standing === "rejected" ? "REJECTED, do not use" : join.standing;
  const detail = [join.standing === "candidate" ? join.kind : undefined, join.cardinality]
    .filter(Boolean)
    .join(", ");
  return `${label}: \`${join.condition}\`${detail ? ` (${detail})` : ""}`;
}
