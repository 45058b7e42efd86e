import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "../../bundle/atomic-write.js";
import type { StewardLocation } from "../steward/open-bundle.js";
import { withDecision, type Proposal } from "./proposal-file.js";
import {
  pickProposals,
  proposalsHome,
  readProposals,
  type ProposalsHome,
} from "./proposals-folder.js";

/** What `okf proposals apply|reject` share: where, which proposals, and who decides. */
export interface DecisionOptions extends StewardLocation {
  /** Proposal ids (file names without `.md`). */
  ids: readonly string[];
  /** `alice` or `human:alice`. */
  by: string;
  now?: Date;
  env?: NodeJS.ProcessEnv;
}

/** The open proposals the ids name; an unknown or closed one is a usage error. */
export async function loadPicked(
  bundleDir: string,
  options: DecisionOptions,
): Promise<{ home: ProposalsHome; picked: Proposal[] }> {
  const home = await proposalsHome(bundleDir, options.env ?? process.env);
  const picked = pickProposals(await readProposals(home.folder), options.ids);
  return { home, picked };
}

/** Sets the status (and who, when, why) in each proposal file; the file itself is kept. */
export async function recordDecisions(
  folder: string,
  proposals: readonly Proposal[],
  decision: Record<string, string | undefined>,
): Promise<void> {
  for (const proposal of proposals) {
    const path = join(folder, proposal.file);
    await writeFileAtomic(path, withDecision(await readFile(path, "utf8"), proposal, decision));
  }
}
