import type { ConceptRecord } from "../concepts/concept-record.js";
import { rankHits } from "../search/search-bundle.js";
import type { EvalQuestion } from "./eval-file.js";
import { offersJoin } from "./join-offer.js";

/** Hits beyond this rank count as not found (reciprocal rank 0), as an agent reads no further. */
const rankCutoff = 10;

export interface QuestionScores {
  retrieval: {
    questions: number;
    top1: number;
    top3: number;
    /** Mean reciprocal rank of the first expected concept, over all questions. */
    mrr: number;
    misses: Array<{ question: string; expected: string[]; rank?: number; got: string[] }>;
  };
  joins: {
    /** Expected and forbidden joins, each one check. */
    checked: number;
    right: number;
    misses: Array<{ question: string; join: string; problem: string }>;
  };
  sensitive: {
    expected: number;
    reported: number;
    /** Reported fields that were expected. */
    found: number;
    misses: Array<{ question: string; concept: string; field: string; problem: string }>;
  };
}

/** Scores search (`rankHits`, what `okf search` and search_concepts rank by) and the files' facts. */
export function scoreQuestions(
  records: readonly ConceptRecord[],
  questions: readonly EvalQuestion[],
): QuestionScores {
  const scores: QuestionScores = {
    retrieval: { questions: questions.length, top1: 0, top3: 0, mrr: 0, misses: [] },
    joins: { checked: 0, right: 0, misses: [] },
    sensitive: { expected: 0, reported: 0, found: 0, misses: [] },
  };
  const byId = new Map(records.map((record) => [record.id, record]));
  let reciprocal = 0;
  for (const question of questions) {
    const ranked = rankHits(records, question.ask)
      .slice(0, rankCutoff)
      .map((hit) => hit.record.id);
    const position = ranked.findIndex((id) => question.expect.includes(id));
    const rank = position < 0 ? undefined : position + 1;
    if (rank === 1) scores.retrieval.top1++;
    if (rank !== undefined && rank <= 3) scores.retrieval.top3++;
    reciprocal += rank === undefined ? 0 : 1 / rank;
    if (rank !== 1) {
      scores.retrieval.misses.push({
        question: question.id,
        expected: question.expect,
        ...(rank === undefined ? {} : { rank }),
        got: ranked.slice(0, 3),
      });
    }
    scoreJoins(question, byId, scores.joins);
    scoreSensitive(question, byId, scores.sensitive);
  }
  scores.retrieval.mrr = questions.length === 0 ? 0 : reciprocal / questions.length;
  return scores;
}

function scoreJoins(
  question: EvalQuestion,
  byId: ReadonlyMap<string, ConceptRecord>,
  joins: QuestionScores["joins"],
): void {
  const checks = [
    ...(question.joins ?? []).map((join) => ({ join, wanted: true })),
    ...(question.forbidden_joins ?? []).map((join) => ({ join, wanted: false })),
  ];
  for (const { join, wanted } of checks) {
    joins.checked++;
    const offered = offersJoin(byId, join);
    if (offered.problem !== undefined) {
      joins.misses.push({ question: question.id, join, problem: offered.problem });
    } else if (offered.offered === wanted) {
      joins.right++;
    } else {
      const problem = wanted
        ? "the bundle does not offer this join (no row in either concept's Relationships, or it is rejected)"
        : `the bundle offers this wrong join (${offered.kind ?? "a row"}, not rejected)`;
      joins.misses.push({ question: question.id, join, problem });
    }
  }
}

function scoreSensitive(
  question: EvalQuestion,
  byId: ReadonlyMap<string, ConceptRecord>,
  sensitive: QuestionScores["sensitive"],
): void {
  const [conceptId] = question.expect;
  if (question.sensitive === undefined || conceptId === undefined) return;
  const record = byId.get(conceptId);
  const reported = new Set(
    (record?.sensitiveFields ?? [])
      .filter((row) => row.decision !== "rejected")
      .map((row) => row.field),
  );
  const expected = new Set(question.sensitive);
  sensitive.expected += expected.size;
  sensitive.reported += reported.size;
  const miss = (field: string, problem: string) =>
    sensitive.misses.push({ question: question.id, concept: conceptId, field, problem });
  for (const field of expected) {
    if (reported.has(field)) sensitive.found++;
    else miss(field, record === undefined ? "no such concept" : "not reported as sensitive");
  }
  for (const field of reported) {
    if (!expected.has(field)) miss(field, "reported as sensitive, but not labelled so");
  }
}
