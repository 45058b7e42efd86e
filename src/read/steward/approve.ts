import { join } from "node:path";
import { acquireBundleLock } from "../../bundle/bundle-lock.js";
import { writeFileAtomic } from "../../bundle/atomic-write.js";
import { appendLogEntries, type LogEntry } from "../../bundle/log-file.js";
import { KnowledgeFileError, UsageError } from "../../errors.js";
import { humanActor } from "./actor.js";
import { approvalBlocks, type ApprovalBlock } from "./approval-checks.js";
import { ApprovalEditError, approvedText, type ApprovalStamp } from "./apply-approval.js";
import { conceptId, conceptTitle, readBundleConcepts, type ConceptFile } from "./concept-files.js";
import { findConcepts } from "./find-concepts.js";
import { displayPath, isoSeconds, openBundle, type StewardLocation } from "./open-bundle.js";
import { reviewIntervalDays } from "./review-interval.js";

export interface ApproveOptions extends StewardLocation {
  /** Concept ids or paths. */
  concepts: readonly string[];
  /** `alice` or `human:alice`. */
  by: string;
  /** Days until the next review; default: the config's `review_interval_days`, else 90. */
  nextReviewDays?: number;
  /** Approve despite pending decisions, placeholders or a missing owner. */
  force?: boolean;
  now?: Date;
}

interface ApprovedConcept {
  path: string;
  id: string | undefined;
  title: string;
  /** `approval_status` before. */
  previousStatus: string | undefined;
  /** What --force let pass, in a few words each. */
  forcedPast: string[];
}

interface RefusedConcept {
  path: string;
  id: string | undefined;
  reasons: string[];
  /** Whether --force would approve it. */
  forceable: boolean;
}

export interface ApproveResult {
  /** The bundle folder, relative to where the command ran. */
  bundle: string;
  actor: string;
  approvedAt: string;
  nextReviewDue: string;
  reviewIntervalDays: number;
  approved: ApprovedConcept[];
  /** Non-empty means nothing was written. */
  refused: RefusedConcept[];
  logUpdated: boolean;
}

const dayMs = 86_400_000;

/**
 * `okf approve`: records a person's review in each named file. Every file is checked first;
 * when any is refused nothing is written at all. The bundle lock is held throughout, and the
 * merge state under `.okf/state` is not touched, so the next extract keeps the approval while
 * the source's facts stay the same.
 */
export async function approveConcepts(options: ApproveOptions): Promise<ApproveResult> {
  const actor = humanActor(options.by);
  const days = options.nextReviewDays ?? (await reviewIntervalDays(options));
  if (!Number.isInteger(days) || days < 1) {
    throw new UsageError(`--next-review must be a positive number of days, got ${days}.`);
  }
  const bundleDir = await openBundle(options);
  const now = options.now ?? new Date();
  const stamp: ApprovalStamp = {
    actor,
    at: isoSeconds(now),
    nextReviewDue: isoSeconds(new Date(now.getTime() + days * dayMs)),
  };
  const release = await acquireBundleLock(bundleDir);
  try {
    const concepts = findConcepts(await readBundleConcepts(bundleDir), options.concepts, {
      bundleDir,
      cwd: options.cwd,
    });
    const planned = concepts.map((concept) => plan(concept, stamp, options.force ?? false));
    const result: ApproveResult = {
      bundle: displayPath(options.cwd, bundleDir),
      actor,
      approvedAt: stamp.at,
      nextReviewDue: stamp.nextReviewDue,
      reviewIntervalDays: days,
      approved: [],
      refused: planned.flatMap((entry) => (entry.refused ? [entry.refused] : [])),
      logUpdated: false,
    };
    if (result.refused.length > 0) return result;
    for (const entry of planned) {
      if (entry.text !== undefined)
        await writeFileAtomic(join(bundleDir, entry.concept.path), entry.text);
    }
    result.approved = planned.map((entry) => entry.approved);
    result.logUpdated = await appendLogEntries(
      bundleDir,
      stamp.at.slice(0, 10),
      result.approved.map((concept) => logEntry(concept, stamp)),
    );
    return result;
  } finally {
    await release();
  }
}

interface PlannedApproval {
  concept: ConceptFile;
  approved: ApprovedConcept;
  refused: RefusedConcept | undefined;
  text: string | undefined;
}

function plan(concept: ConceptFile, stamp: ApprovalStamp, force: boolean): PlannedApproval {
  const blocks: ApprovalBlock[] = approvalBlocks(concept);
  let text: string | undefined;
  if (blocks.every((block) => block.overridable)) {
    try {
      text = approvedText(concept.text, concept.path, stamp);
    } catch (error) {
      if (!(error instanceof KnowledgeFileError || error instanceof ApprovalEditError)) throw error;
      const reason = editFailure(error, concept.path);
      blocks.push({ reason, summary: reason, overridable: false });
    }
  }
  const id = conceptId(concept);
  const status = concept.values?.approval_status;
  const approved: ApprovedConcept = {
    path: concept.path,
    id,
    title: conceptTitle(concept),
    previousStatus: typeof status === "string" ? status : undefined,
    forcedPast: force ? blocks.map((block) => block.summary) : [],
  };
  const stopping = blocks.filter((block) => !force || !block.overridable);
  const refused =
    stopping.length === 0
      ? undefined
      : {
          path: concept.path,
          id,
          reasons: blocks.map((block) => block.reason),
          forceable: blocks.every((block) => block.overridable),
        };
  return { concept, approved, refused, text };
}

/** The parse error's message names the file and says it was left untouched; keep the middle. */
function editFailure(error: KnowledgeFileError | ApprovalEditError, path: string): string {
  return error.message
    .replace(`${path}: `, "")
    .replace(/^[^:]*:\d+: /, "")
    .replace(/ The file was left untouched\.$/, "");
}

function logEntry(concept: ApprovedConcept, stamp: ApprovalStamp): LogEntry {
  const forced =
    concept.forcedPast.length === 0
      ? []
      : [`approved with --force despite ${concept.forcedPast.join(", ")}`];
  return {
    action: "approved",
    conceptPath: concept.path,
    title: concept.title,
    details: [`by ${stamp.actor}`, `next review ${stamp.nextReviewDue.slice(0, 10)}`, ...forced],
  };
}
