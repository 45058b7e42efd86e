import { posix } from "node:path";
import type { ConceptJoin as RelationshipRow, ConceptRecord } from "../concepts/concept-record.js";

/** How a join between two concepts stands, most decisive first. */
export type JoinStanding = "rejected" | "approved" | "foreign key" | "candidate";

/** One join a concept's Relationships section lists: column pairs, this concept's side first. */
export interface ConceptJoin {
  /** Bundle path of the other concept. */
  otherPath: string;
  pairs: Array<{ here: string; there: string }>;
  standing: JoinStanding;
}

const codeSpans = "((?:`[^`]+`(?:,\\s*)?)+)";
const link = "\\[[^\\]]*\\]\\(<?([^)\\s>]+)>?\\)";
/** `- \`territory_id\` → [territory](territory.md) \`territory_id\`` (a key of this table). */
const outgoingBullet = new RegExp(`^\\s*[-*]\\s+${codeSpans}\\s*→\\s*${link}\\s+${codeSpans}`);
/** `- [sales_order](sales_order.md) \`account_id\` → \`account_id\`` (a key that references it). */
const incomingBullet = new RegExp(`^\\s*[-*]\\s+${link}\\s+${codeSpans}\\s*→\\s*${codeSpans}`);

/**
 * The joins of a concept: the rows of its Relationships join table (`record.joins`), and the
 * foreign-key bullets okf wrote before that table existed.
 */
export function conceptJoins(record: ConceptRecord): ConceptJoin[] {
  const joins: ConceptJoin[] = [];
  for (const row of record.joins) {
    const pairs = row.pairs.map((pair) => ({
      here: pair.from.parts.at(-1) ?? "",
      there: pair.to.parts.at(-1) ?? "",
    }));
    // The With cell's link, already resolved to a bundle path by joinRows.
    const valid = pairs.every((pair) => pair.here !== "" && pair.there !== "");
    if (row.with !== undefined && valid) {
      joins.push({ otherPath: row.with, pairs, standing: standingOf(row) });
    }
  }
  const section = record.sections.find((candidate) => /^relationships$/i.test(candidate.heading));
  for (const line of section?.text.split("\n") ?? []) {
    const outgoing = outgoingBullet.exec(line);
    const incoming = outgoing ? null : incomingBullet.exec(line);
    if (outgoing) {
      const pairs = zip(spans(outgoing[1]), spans(outgoing[3]));
      joins.push(...resolved(record.path, outgoing[2], pairs, "foreign key"));
    } else if (incoming) {
      const pairs = zip(spans(incoming[3]), spans(incoming[2]));
      joins.push(...resolved(record.path, incoming[1], pairs, "foreign key"));
    }
  }
  return joins;
}

function standingOf(row: RelationshipRow): JoinStanding {
  if (row.decision !== undefined) return row.decision;
  return row.kind.toLowerCase().startsWith("foreign key") ? "foreign key" : "candidate";
}

function spans(text: string | undefined): string[] {
  return [...(text ?? "").matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? "");
}

function zip(here: string[], there: string[]): ConceptJoin["pairs"] {
  return here.map((column, index) => ({ here: column, there: there[index] ?? "" }));
}

/** The join as the guard keys it, or nothing when the link leaves the bundle or is not a concept. */
function resolved(
  conceptPath: string,
  target: string | undefined,
  pairs: ConceptJoin["pairs"],
  standing: JoinStanding,
): ConceptJoin[] {
  if (target === undefined || pairs.some((pair) => pair.here === "" || pair.there === ""))
    return [];
  let decoded: string;
  try {
    decoded = decodeURIComponent(target.replace(/[#?].*$/, ""));
  } catch {
    return [];
  }
  const otherPath = posix.normalize(posix.join(posix.dirname(conceptPath), decoded));
  if (otherPath.startsWith("../") || !otherPath.endsWith(".md")) return [];
  return [{ otherPath, pairs, standing }];
}
