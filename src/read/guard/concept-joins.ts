import { posix } from "node:path";
import { splitRow, unescapeCell } from "../../knowledge-file/markdown-table.js";
import type { ConceptRecord } from "../concepts/concept-record.js";

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
 * The joins of a concept: the Relationships join table (`| Join | With | Kind | Cardinality |
 * Decision |`) and the foreign-key bullets okf wrote before that table existed.
 */
export function conceptJoins(record: ConceptRecord): ConceptJoin[] {
  const section = record.sections.find((candidate) => /^relationships$/i.test(candidate.heading));
  if (!section) return [];
  const joins: ConceptJoin[] = [];
  const lines = section.text.split("\n");
  const header = lines
    .map(splitRow)
    .find(Boolean)
    ?.map((cell) => unescapeCell(cell).toLowerCase());
  for (const line of lines) {
    const outgoing = outgoingBullet.exec(line);
    const incoming = outgoing ? null : incomingBullet.exec(line);
    if (outgoing) {
      add(
        joins,
        record.path,
        outgoing[2],
        zip(spans(outgoing[1]), spans(outgoing[3])),
        "foreign key",
      );
    } else if (incoming) {
      add(
        joins,
        record.path,
        incoming[1],
        zip(spans(incoming[3]), spans(incoming[2])),
        "foreign key",
      );
    } else if (header?.includes("join")) {
      const row = tableRow(header, line);
      if (row) add(joins, record.path, row.target, row.pairs, row.standing);
    }
  }
  return joins;
}

function tableRow(
  header: string[],
  line: string,
): { target: string | undefined; pairs: ConceptJoin["pairs"]; standing: JoinStanding } | undefined {
  const cells = splitRow(line)?.map(unescapeCell);
  if (!cells || cells.length !== header.length || /^:?-+:?$/.test(cells[0] ?? "")) return undefined;
  const cell = (name: string): string => (cells[header.indexOf(name)] ?? "").trim();
  const condition = /^`([^`]+)`$/.exec(cell("join"))?.[1];
  if (condition === undefined) return undefined;
  const pairs = condition.split(/\s+and\s+/i).map((pair) => {
    const [here, there] = pair.split("=").map((side) => lastPart(side.trim()));
    return { here: here ?? "", there: there ?? "" };
  });
  const decision = cell("decision").toLowerCase();
  const kind = cell("kind").toLowerCase();
  const standing: JoinStanding =
    decision === "rejected"
      ? "rejected"
      : decision === "approved"
        ? "approved"
        : kind.startsWith("foreign key")
          ? "foreign key"
          : "candidate";
  return { target: /\]\(<?([^)\s>]+)>?\)/.exec(cell("with"))?.[1], pairs, standing };
}

/** The column of `<table>.<column>`, `"Order Lines"."line id"` and the like. */
function lastPart(side: string): string {
  const parts = side.match(/"(?:[^"]|"")*"|[^."]+/g) ?? [];
  const last = parts.at(-1) ?? "";
  return last.startsWith('"') ? last.slice(1, -1).replace(/""/g, '"') : last;
}

function spans(text: string | undefined): string[] {
  return [...(text ?? "").matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? "");
}

function zip(here: string[], there: string[]): ConceptJoin["pairs"] {
  return here.map((column, index) => ({ here: column, there: there[index] ?? "" }));
}

function add(
  joins: ConceptJoin[],
  conceptPath: string,
  target: string | undefined,
  pairs: ConceptJoin["pairs"],
  standing: JoinStanding,
): void {
  if (target === undefined || pairs.some((pair) => pair.here === "" || pair.there === "")) return;
  let decoded: string;
  try {
    decoded = decodeURIComponent(target.replace(/[#?].*$/, ""));
  } catch {
    return;
  }
  const otherPath = posix.normalize(posix.join(posix.dirname(conceptPath), decoded));
  if (otherPath.startsWith("../") || !otherPath.endsWith(".md")) return;
  joins.push({ otherPath, pairs, standing });
}
