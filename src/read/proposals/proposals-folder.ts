import { readdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { isMissingFile } from "../../bundle/files.js";
import { UsageError } from "../../errors.js";
import { findBundleRepository, type BundleRepository } from "../../git/bundle-repository.js";
import { parseProposal, type Proposal } from "./proposal-file.js";

/** Proposals live here, relative to the bundle's repository root: beside the bundle, not in it. */
export const proposalsFolderName = "proposals";

export interface ProposalsHome {
  /** The git top level holding the bundle; else the folder that contains the bundle. */
  root: string;
  /** Absolute path of the proposals folder. */
  folder: string;
  repository: BundleRepository | undefined;
}

export async function proposalsHome(
  bundleDir: string,
  env: NodeJS.ProcessEnv,
): Promise<ProposalsHome> {
  const repository = await findBundleRepository(bundleDir, env);
  const root = repository?.root ?? dirname(bundleDir);
  return { root, folder: join(root, proposalsFolderName), repository };
}

/** Every proposal file of the folder, in name order (oldest first); other files are ignored. */
export async function readProposals(folder: string): Promise<Proposal[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if (isMissingFile(error)) return [];
    throw error;
  }
  const proposals: Proposal[] = [];
  for (const name of names.filter((entry) => entry.endsWith(".md")).sort()) {
    const proposal = parseProposal(name, await readFile(join(folder, name), "utf8"));
    if (proposal) proposals.push(proposal);
  }
  return proposals;
}

/** The proposals the arguments name, in argument order; any unknown id is a usage error. */
export function pickProposals(all: readonly Proposal[], ids: readonly string[]): Proposal[] {
  if (ids.length === 0) throw new UsageError("Name at least one proposal.", listHint);
  const byId = new Map(all.map((proposal) => [proposal.id, proposal]));
  const unknown = ids.filter((id) => !byId.has(id) && !byId.has(id.replace(/\.md$/, "")));
  if (unknown.length > 0) {
    throw new UsageError(
      `No proposal has the id ${unknown.map((id) => JSON.stringify(id)).join(", ")}; nothing was done.`,
      listHint,
    );
  }
  const picked = new Map<string, Proposal>();
  for (const id of ids) {
    const proposal = byId.get(id) ?? byId.get(id.replace(/\.md$/, ""));
    if (proposal) picked.set(proposal.id, proposal);
  }
  const closed = [...picked.values()].filter((proposal) => proposal.status !== "open");
  if (closed.length > 0) {
    throw new UsageError(
      `Only open proposals can be acted on: ${closed.map((p) => `${p.id} is ${p.status}`).join(", ")}; nothing was done.`,
      listHint,
    );
  }
  return [...picked.values()];
}

const listHint = "`okf proposals list` shows the open proposals and their ids.";
