import { mkdir, readdir } from "node:fs/promises";
import { join, posix } from "node:path";
import { createExclusively } from "../../bundle/bundle-lock.js";
import { parseKnowledgeFile } from "../../knowledge-file/knowledge-file.js";
import { UsageError } from "../../errors.js";
import { conceptId, readBundleConcepts } from "../steward/concept-files.js";
import { findConcepts } from "../steward/find-concepts.js";
import { isoSeconds } from "../steward/open-bundle.js";
import { commitProposalOnBranch } from "./branch-commit.js";
import { findHumanSection } from "./find-section.js";
import { replaceSectionText, sectionHash } from "./human-sections.js";
import { proposalText } from "./proposal-file.js";
import {
  checkedAuthor,
  checkedText,
  maxProposedTextLength,
  maxRationaleLength,
} from "./proposal-input.js";
import { proposalsFolderName, proposalsHome } from "./proposals-folder.js";
import { changeOutsideSection } from "./section-change.js";

export interface ProposalInput {
  /** Where relative concept paths are resolved from. */
  cwd: string;
  bundleDir: string;
  /** A concept id or a bundle path. */
  id: string;
  /** The heading of a human section, `Business Meaning` or `## Caveats`. */
  section: string;
  text: string;
  rationale: string;
  /** Default `agent:mcp`. */
  author?: string;
  now?: Date;
  /** Commit the proposal on this branch instead of writing it into the working tree. */
  branch?: string;
  env?: NodeJS.ProcessEnv;
}

export interface CreatedProposal {
  /** Repository-relative path of the proposal file. */
  file: string;
  /** The proposal's id (its file name without `.md`). */
  id: string;
  /** The section's heading as the concept file spells it. */
  section: string;
  branch?: string;
  commit?: string;
}

/**
 * Writes an agent's proposed text for one human section of a concept as a reviewable file in
 * `proposals/` at the bundle's repository root (outside the bundle), or commits it on a branch.
 * The concept file is only read. Bad input is a UsageError and writes nothing.
 */
export async function createProposal(input: ProposalInput): Promise<CreatedProposal> {
  const text = await checkedText("proposed text", input.text, {
    max: maxProposedTextLength,
    sectionText: true,
  });
  const rationale = await checkedText("rationale", input.rationale, { max: maxRationaleLength });
  const author = await checkedAuthor(input.author ?? "agent:mcp");
  const [concept] = findConcepts(await readBundleConcepts(input.bundleDir), [input.id], {
    bundleDir: input.bundleDir,
    cwd: input.cwd,
  });
  if (!concept) throw new UsageError(`No concept ${JSON.stringify(input.id)}.`);
  const body = parseKnowledgeFile(concept.text, concept.path).body;
  const section = findHumanSection(body, concept.path, input.section);
  // The same check apply makes, so that a proposal apply would refuse is never written.
  const next = replaceSectionText(body, section, text);
  const outside = changeOutsideSection(body, next, section, concept.path);
  if (outside !== undefined) {
    throw new UsageError(
      `The proposal was not written: ${outside.replace(/^applying it/, "it").replace(/; nothing was written$/, "")}.`,
      "Propose for another section, or ask the file's owner to repair this one first.",
    );
  }
  const id = conceptId(concept) ?? concept.path.replace(/\.md$/, "");
  const now = input.now ?? new Date();
  const stem = `${isoSeconds(now).slice(0, 10)}-${slug(id)}`;
  const content = (name: string) =>
    proposalText({
      id: name.replace(/\.md$/, ""),
      concept: id,
      conceptPath: concept.path,
      section: section.name,
      author,
      createdAt: isoSeconds(now),
      baseHash: sectionHash(section.text),
      rationale,
      text,
    });
  const home = await proposalsHome(input.bundleDir, input.env ?? process.env);
  const local = new Set(await readdir(home.folder).catch(() => []));
  if (input.branch !== undefined) {
    if (!home.repository) {
      throw new UsageError(
        `--proposals-branch needs a git repository, and the bundle ${input.bundleDir} is in none.`,
        "Run `git init` in the project folder, or leave out --proposals-branch.",
      );
    }
    const committed = await commitProposalOnBranch(
      home.repository,
      input.branch,
      (taken) => {
        const name = freeName(stem, new Set([...taken, ...local]));
        return { name, content: content(name) };
      },
      `okf: propose an update to ${section.name} of ${id}`,
    );
    return result(committed.name, section.name, {
      branch: input.branch,
      commit: committed.commit,
    });
  }
  await mkdir(home.folder, { recursive: true });
  for (;;) {
    const name = freeName(stem, new Set(await readdir(home.folder)));
    if (await createExclusively(join(home.folder, name), content(name)))
      return result(name, section.name, {});
  }
}

function result(
  name: string,
  section: string,
  extra: { branch?: string; commit?: string },
): CreatedProposal {
  return {
    file: posix.join(proposalsFolderName, name),
    id: name.replace(/\.md$/, ""),
    section,
    ...extra,
  };
}

/** `sales.crm.customer_account` → `sales-crm-customer_account`: safe in any file name. */
function slug(id: string): string {
  const cleaned = id
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return cleaned === "" ? "concept" : cleaned;
}

function freeName(stem: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${stem}.md` : `${stem}-${String(n)}.md`;
    if (!taken.has(name)) return name;
  }
}
