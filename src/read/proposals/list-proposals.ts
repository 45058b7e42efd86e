import type { StewardLocation } from "../steward/open-bundle.js";
import { openBundle } from "../steward/open-bundle.js";
import { firstLine, type ProposalStatus } from "./proposal-file.js";
import { proposalsHome, readProposals } from "./proposals-folder.js";

export interface ListedProposal {
  id: string;
  status: ProposalStatus;
  concept: string;
  conceptPath: string;
  section: string;
  author: string;
  createdAt: string;
  /** The rationale's first line. */
  rationale: string;
  /** Repository-relative path of the proposal file. */
  file: string;
}

/** The proposals in the bundle's repository, oldest first: open ones, or all with `all`. */
export async function listProposals(
  options: StewardLocation & { all?: boolean; env?: NodeJS.ProcessEnv },
): Promise<ListedProposal[]> {
  const bundleDir = await openBundle(options);
  const home = await proposalsHome(bundleDir, options.env ?? process.env);
  const proposals = await readProposals(home.folder);
  return proposals
    .filter((proposal) => options.all === true || proposal.status === "open")
    .map((proposal) => ({
      id: proposal.id,
      status: proposal.status,
      concept: proposal.concept,
      conceptPath: proposal.conceptPath,
      section: proposal.section,
      author: proposal.author,
      createdAt: proposal.createdAt,
      rationale: firstLine(proposal.rationale),
      file: `proposals/${proposal.file}`,
    }));
}
