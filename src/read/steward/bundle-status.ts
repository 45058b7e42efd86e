import { compareCodePoints } from "../../bundle/walk-bundle.js";
import { reviewDate } from "../validate/rules/governance.js";
import { pendingSensitiveDecisions } from "../validate/rules/sensitive-decisions.js";
import {
  conceptId,
  conceptTitle,
  isDeprecated,
  readBundleConcepts,
  type ConceptFile,
} from "./concept-files.js";
import { displayPath, isoSeconds, openBundle, type StewardLocation } from "./open-bundle.js";

export interface StatusOptions extends StewardLocation {
  now?: Date;
  /** "Due soon" means due within this many days; default 14. */
  dueWithinDays?: number;
}

const approvalStates = ["draft", "approved", "needs_review", "deprecated", "other"] as const;
type ApprovalState = (typeof approvalStates)[number];

export interface StatusCounts {
  concepts: number;
  /** Files per `approval_status`; `other` is missing, unknown or unreadable. */
  approval: Record<ApprovalState, number>;
  overdue: number;
  dueSoon: number;
  pendingDecisions: { files: number; rows: number };
  /** approved / non-deprecated concepts; 0 when there are none (see `ratioDefined`). */
  approvedRatio: number;
  ratioDefined: boolean;
}

interface StatusEntry {
  path: string;
  id: string | undefined;
  title: string;
}

interface ReviewEntry extends StatusEntry {
  /** `YYYY-MM-DD`, or null when the date written cannot be read. */
  due: string | null;
}

export interface BundleStatus {
  /** The bundle folder, relative to where the command ran. */
  bundle: string;
  asOf: string;
  dueWithinDays: number;
  /** Per source (the first path segment), sorted by name. */
  sources: Array<StatusCounts & { source: string }>;
  total: StatusCounts;
  overdue: ReviewEntry[];
  dueSoon: ReviewEntry[];
  needsReview: StatusEntry[];
  /** Deprecated files, with the concept that replaces each (`replaced_by`) when it is named. */
  deprecated: Array<StatusEntry & { replacedBy: string | null }>;
  pendingDecisions: Array<StatusEntry & { rows: number }>;
  unreadable: Array<{ path: string; problem: string }>;
}

/** Files at the bundle root belong to no source folder. */
const rootSource = "(root)";
const dayMs = 86_400_000;

/** `okf status`: where the bundle stands on review, per source and in total. */
export async function bundleStatus(options: StatusOptions): Promise<BundleStatus> {
  const bundleDir = await openBundle(options);
  const now = options.now ?? new Date();
  const dueWithinDays = options.dueWithinDays ?? 14;
  const soonLimit = now.getTime() + dueWithinDays * dayMs;
  const concepts = await readBundleConcepts(bundleDir);
  const status: BundleStatus = {
    bundle: displayPath(options.cwd, bundleDir),
    asOf: isoSeconds(now),
    dueWithinDays,
    sources: [],
    total: emptyCounts(),
    overdue: [],
    dueSoon: [],
    needsReview: [],
    deprecated: [],
    pendingDecisions: [],
    unreadable: [],
  };
  const perSource = new Map<string, StatusCounts>();
  for (const concept of concepts) {
    const source = concept.path.includes("/")
      ? concept.path.slice(0, concept.path.indexOf("/"))
      : rootSource;
    const counts = perSource.get(source) ?? emptyCounts();
    perSource.set(source, counts);
    const tally = (update: (target: StatusCounts) => void): void => {
      update(counts);
      update(status.total);
    };
    const entry: StatusEntry = {
      path: concept.path,
      id: conceptId(concept),
      title: conceptTitle(concept),
    };
    const state = approvalState(concept);
    tally((target) => {
      target.concepts++;
      target.approval[state]++;
    });
    if (concept.values === undefined) {
      status.unreadable.push({ path: concept.path, problem: concept.problem ?? "unreadable" });
      continue;
    }
    if (state === "needs_review") status.needsReview.push(entry);
    if (isDeprecated(concept)) {
      const replacedBy = concept.values.replaced_by;
      status.deprecated.push({
        ...entry,
        replacedBy: typeof replacedBy === "string" && replacedBy.trim() !== "" ? replacedBy : null,
      });
      continue;
    }
    const review = reviewDue(concept.values);
    if (review !== undefined) {
      const due = review === null ? null : review.toISOString().slice(0, 10);
      if (review === null || review.getTime() <= now.getTime()) {
        status.overdue.push({ ...entry, due });
        tally((target) => target.overdue++);
      } else if (review.getTime() <= soonLimit) {
        status.dueSoon.push({ ...entry, due });
        tally((target) => target.dueSoon++);
      }
    }
    const rows = pendingSensitiveDecisions(concept.file.body, concept.file.bodyStartLine).length;
    if (rows > 0) {
      status.pendingDecisions.push({ ...entry, rows });
      tally((target) => {
        target.pendingDecisions.files++;
        target.pendingDecisions.rows += rows;
      });
    }
  }
  for (const counts of [...perSource.values(), status.total]) setRatio(counts);
  status.sources = [...perSource.entries()]
    .sort(([a], [b]) => compareCodePoints(a, b))
    .map(([source, counts]) => ({ source, ...counts }));
  const byDue = (a: ReviewEntry, b: ReviewEntry) =>
    compareCodePoints(a.due ?? "", b.due ?? "") || compareCodePoints(a.path, b.path);
  status.overdue.sort(byDue);
  status.dueSoon.sort(byDue);
  return status;
}

function emptyCounts(): StatusCounts {
  return {
    concepts: 0,
    approval: { draft: 0, approved: 0, needs_review: 0, deprecated: 0, other: 0 },
    overdue: 0,
    dueSoon: 0,
    pendingDecisions: { files: 0, rows: 0 },
    approvedRatio: 0,
    ratioDefined: false,
  };
}

function approvalState(concept: ConceptFile): ApprovalState {
  const value = concept.values?.approval_status;
  if (isDeprecated(concept)) return "deprecated";
  return typeof value === "string" && (approvalStates as readonly string[]).includes(value)
    ? (value as ApprovalState)
    : "other";
}

/** Like `okf validate`: `next_review_due` decides when present, else OKF's `stale_after`. */
function reviewDue(values: Record<string, unknown>): Date | null | undefined {
  const written = values.next_review_due ?? values.stale_after;
  if (written === undefined || written === null) return undefined;
  return (typeof written === "string" ? reviewDate(written) : undefined) ?? null;
}

function setRatio(counts: StatusCounts): void {
  const eligible = counts.concepts - counts.approval.deprecated;
  counts.ratioDefined = eligible > 0;
  counts.approvedRatio = eligible > 0 ? counts.approval.approved / eligible : 0;
}
