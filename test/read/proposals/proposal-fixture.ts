import { cpSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createProposal } from "../../../src/read/proposals/create-proposal.js";
import { repoRoot } from "../../helpers/postgres-database.js";
import { tempDir } from "../../helpers/run-cli.js";

export const accountPath = "crm/postgres/sales/customer_account.md";
export const accountId = "sales.crm.customer_account";

/** A project folder (not a git repository) with a copy of the demo bundle as `knowledge`. */
export interface ProposalProject {
  dir: string;
  bundle: string;
  read(bundlePath: string): string;
  write(bundlePath: string, text: string): void;
  /** The proposal files in `<dir>/proposals`, by name. */
  proposals(): Map<string, string>;
}

export function demoProject(): ProposalProject {
  const dir = tempDir("okf-proposals-");
  const bundle = join(dir, "knowledge");
  cpSync(join(repoRoot, "knowledge"), bundle, { recursive: true });
  writeFileSync(join(dir, "okf.config.yaml"), "bundle: knowledge\nsources: []\n");
  return {
    dir,
    bundle,
    read: (path) => readFileSync(join(bundle, path), "utf8"),
    write: (path, text) => {
      writeFileSync(join(bundle, path), text);
    },
    proposals: () => {
      const folder = join(dir, "proposals");
      let names: string[] = [];
      try {
        names = readdirSync(folder);
      } catch {
        return new Map();
      }
      return new Map(names.map((name) => [name, readFileSync(join(folder, name), "utf8")]));
    },
  };
}

/** The text between a `## heading` line and the next heading or marker, trimmed. */
export function sectionOf(text: string, heading: string): string {
  const start = text.indexOf(`\n## ${heading}\n`);
  if (start < 0) return "";
  const rest = text.slice(start + heading.length + 5);
  const end = rest.search(/^(#{1,2} |<!-- okf:)/m);
  return (end < 0 ? rest : rest.slice(0, end)).trim();
}

/** An agent's proposal of `text` for the Caveats section of the customer account; its id. */
export async function proposeCaveat(project: ProposalProject, text: string): Promise<string> {
  const created = await createProposal({
    cwd: project.dir,
    bundleDir: project.bundle,
    id: accountId,
    section: "Caveats",
    text,
    rationale: "Seen in the job schedule.",
  });
  return created.id;
}
