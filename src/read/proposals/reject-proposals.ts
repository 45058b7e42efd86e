import { humanActor } from "../steward/actor.js";
import { isoSeconds, openBundle } from "../steward/open-bundle.js";
import { loadPicked, recordDecisions, type DecisionOptions } from "./decide-proposals.js";
import { checkedText, maxRationaleLength } from "./proposal-input.js";

export interface RejectOptions extends DecisionOptions {
  reason?: string;
}

export interface RejectResult {
  actor: string;
  rejectedAt: string;
  rejected: Array<{ id: string; conceptPath: string; section: string }>;
}

/**
 * `okf proposals reject`: marks proposals `status: rejected` with who, when and why. The file
 * stays, as the record of what was proposed; the bundle is not touched.
 */
export async function rejectProposals(options: RejectOptions): Promise<RejectResult> {
  const actor = humanActor(options.by);
  const reason =
    options.reason === undefined
      ? undefined
      : (await checkedText("reason", options.reason, { max: maxRationaleLength })).trim();
  const bundleDir = await openBundle(options);
  const { home, picked } = await loadPicked(bundleDir, options);
  const at = isoSeconds(options.now ?? new Date());
  await recordDecisions(home.folder, picked, {
    status: "rejected",
    rejected_at: at,
    rejected_by: actor,
    rejection_reason: reason,
  });
  return {
    actor,
    rejectedAt: at,
    rejected: picked.map((p) => ({ id: p.id, conceptPath: p.conceptPath, section: p.section })),
  };
}
