import { join } from "node:path";
import { acquireBundleLock } from "../../bundle/bundle-lock.js";
import { writeFileAtomic } from "../../bundle/atomic-write.js";
import { parseKnowledgeFile } from "../../knowledge-file/knowledge-file.js";
import { plainText, styledText, textStyleOf } from "../../knowledge-file/text-style.js";
import { OkfError } from "../../errors.js";
import { humanActor } from "../steward/actor.js";
import { conceptTitle, readBundleConcepts, type ConceptFile } from "../steward/concept-files.js";
import { isoSeconds, openBundle } from "../steward/open-bundle.js";
import { findHumanSection } from "./find-section.js";
import { replaceSectionText, sectionHash, sectionText } from "./human-sections.js";
import { appendProposalLog, type ProposalLogEntry } from "./proposal-log.js";
import { changeOutsideSection } from "./section-change.js";
import { checkedText, maxProposedTextLength } from "./proposal-input.js";
import type { Proposal } from "./proposal-file.js";
import { loadPicked, recordDecisions, type DecisionOptions } from "./decide-proposals.js";

export interface ApplyOptions extends DecisionOptions {
  /** Apply over a section that changed since the proposal was made. */
  force?: boolean;
}

interface AppliedProposal {
  id: string;
  conceptPath: string;
  section: string;
  /** `forced`: the section had changed and --force replaced it; `unchanged`: it already said so. */
  outcome: "applied" | "forced" | "unchanged";
}

interface RefusedProposal {
  id: string;
  conceptPath: string;
  section: string;
  reason: string;
  /** Whether --force would apply it. */
  forceable: boolean;
}

export interface ApplyResult {
  actor: string;
  appliedAt: string;
  applied: AppliedProposal[];
  /** Non-empty means nothing was written. */
  refused: RefusedProposal[];
  logUpdated: boolean;
}

/**
 * `okf proposals apply`: a three-way decision per proposal on its section. base = the text the
 * proposal saw (`base_hash`), ours = the section now, theirs = the proposed text. Unchanged
 * since → replaced; changed → refused unless --force. Only the section's text changes: the
 * frontmatter (approval included) and every other byte stay. All or nothing, under the lock.
 */
export async function applyProposals(options: ApplyOptions): Promise<ApplyResult> {
  const actor = humanActor(options.by);
  const bundleDir = await openBundle(options);
  const { home, picked } = await loadPicked(bundleDir, options);
  const at = isoSeconds(options.now ?? new Date());
  const release = await acquireBundleLock(bundleDir);
  try {
    const concepts = await readBundleConcepts(bundleDir);
    const texts = new Map<string, string>();
    const result: ApplyResult = {
      actor,
      appliedAt: at,
      applied: [],
      refused: [],
      logUpdated: false,
    };
    const logEntries: ProposalLogEntry[] = [];
    for (const proposal of picked) {
      const concept = conceptOf(concepts, proposal);
      const current = concept ? (texts.get(concept.path) ?? concept.text) : undefined;
      const step =
        concept && current !== undefined ? await plan(concept.path, current, proposal) : gone;
      if (step.reason !== undefined && (!step.forceable || options.force !== true)) {
        result.refused.push({
          ...describe(proposal),
          reason: step.reason,
          forceable: step.forceable,
        });
        continue;
      }
      const outcome = step.text === current ? "unchanged" : step.reason ? "forced" : "applied";
      if (concept && step.text !== undefined && outcome !== "unchanged") {
        texts.set(concept.path, step.text);
      }
      result.applied.push({ ...describe(proposal), outcome });
      if (concept) logEntries.push(logEntry(proposal, concept, actor, outcome));
    }
    if (result.refused.length > 0) return { ...result, applied: [] };
    for (const [path, text] of texts) await writeFileAtomic(join(bundleDir, path), text);
    result.logUpdated = await appendProposalLog(bundleDir, at.slice(0, 10), logEntries);
    await recordDecisions(home.folder, picked, {
      status: "applied",
      applied_at: at,
      applied_by: actor,
    });
    return result;
  } finally {
    await release();
  }
}

interface Step {
  /** The concept file's new text. */
  text?: string;
  reason?: string;
  forceable: boolean;
}

const gone: Step = { reason: "its concept is no longer in the bundle", forceable: false };

async function plan(path: string, text: string, proposal: Proposal): Promise<Step> {
  try {
    const proposed = await checkedText("proposed text", proposal.text, {
      max: maxProposedTextLength,
      sectionText: true,
    });
    const plain = plainText(text);
    const { body } = parseKnowledgeFile(plain, path);
    const section = findHumanSection(body, path, proposal.section);
    const nextBody = replaceSectionText(body, section, proposed);
    const outside = changeOutsideSection(body, nextBody, section, path);
    if (outside !== undefined) return { reason: outside, forceable: false };
    // Every byte before the body stays; the file keeps its BOM and line breaks.
    const next = styledText(
      plain.slice(0, plain.length - body.length) + nextBody,
      textStyleOf(text),
    );
    if (sectionHash(section.text) === proposal.baseHash || section.text === sectionText(proposed)) {
      return { text: next, forceable: true };
    }
    return {
      text: next,
      reason: `the section "${section.name}" changed since the proposal was made (conflict: base ${proposal.baseHash.slice(0, 12)}, now ${sectionHash(section.text).slice(0, 12)})`,
      forceable: true,
    };
  } catch (error) {
    if (!(error instanceof OkfError)) throw error;
    return { reason: error.message, forceable: false };
  }
}

function conceptOf(concepts: readonly ConceptFile[], proposal: Proposal): ConceptFile | undefined {
  return (
    concepts.find((concept) => concept.path === proposal.conceptPath) ??
    concepts.find((concept) => concept.values?.id === proposal.concept)
  );
}

function describe(proposal: Proposal): { id: string; conceptPath: string; section: string } {
  return { id: proposal.id, conceptPath: proposal.conceptPath, section: proposal.section };
}

function logEntry(
  proposal: Proposal,
  concept: ConceptFile,
  actor: string,
  outcome: AppliedProposal["outcome"],
): ProposalLogEntry {
  return {
    proposalId: proposal.id,
    section: proposal.section,
    conceptPath: concept.path,
    title: conceptTitle(concept),
    details: [
      `by ${actor}`,
      ...(outcome === "forced" ? ["applied with --force over a later edit of the section"] : []),
    ],
  };
}
