import type { Command } from "commander";
import { applyProposals, type ApplyResult } from "../../read/proposals/apply-proposals.js";
import { listProposals, type ListedProposal } from "../../read/proposals/list-proposals.js";
import { rejectProposals } from "../../read/proposals/reject-proposals.js";
import type { CommandContext } from "../command-context.js";
import type { CliIo } from "../main.js";

interface Location {
  config?: string;
  bundle?: string;
  json?: boolean;
}

function located(command: Command): Command {
  return command
    .option("-c, --config <file>", "configuration file that names the bundle")
    .option("--bundle <dir>", "bundle folder")
    .option("--json", "print the result as JSON on stdout");
}

export function registerProposals({ program, io, setExit, json }: CommandContext): void {
  const proposals = program
    .command("proposals")
    .description("act on agents' proposed updates to human sections (files in proposals/)");
  const where = (options: Location) => ({
    cwd: io.cwd,
    env: io.env,
    bundle: options.bundle,
    config: options.config,
  });

  located(proposals.command("list").description("list open proposals, oldest first"))
    .option("--all", "also list applied and rejected proposals")
    .action(async (options: Location & { all?: boolean }) => {
      const listed = await listProposals({ ...where(options), all: options.all });
      if (options.json) json(listed);
      else printList(listed, io);
    });

  located(
    proposals
      .command("apply")
      .description("write proposed texts into their sections; the rest of each file is kept")
      .argument("<proposal...>", "proposal ids, as `okf proposals list` shows them"),
  )
    .requiredOption("--by <actor>", "who reviewed the proposals: alice or human:alice")
    .option("--force", "apply even where the section changed since the proposal was made")
    .addHelpText(
      "after",
      "\nWhen any proposal is refused, nothing is written. Exit codes: 0 applied, 1 refused\n(conflict), 2 usage error (unknown proposal id, bad flag, bundle locked).",
    )
    .action(async (ids: string[], options: Location & { by: string; force?: boolean }) => {
      const result = await applyProposals({
        ...where(options),
        ids,
        by: options.by,
        force: options.force,
      });
      if (options.json) json(result);
      else printApplied(result, io);
      setExit(result.refused.length > 0 ? 1 : 0);
    });

  located(
    proposals
      .command("reject")
      .description("mark proposals rejected; the files stay as the record")
      .argument("<proposal...>", "proposal ids, as `okf proposals list` shows them"),
  )
    .requiredOption("--by <actor>", "who rejected the proposals: alice or human:alice")
    .option("--reason <text>", "why, written to the proposal file")
    .action(async (ids: string[], options: Location & { by: string; reason?: string }) => {
      const result = await rejectProposals({
        ...where(options),
        ids,
        by: options.by,
        reason: options.reason,
      });
      if (options.json) json(result);
      else
        for (const p of result.rejected)
          io.stdout.write(
            `rejected ${p.id} (${p.section} of ${p.conceptPath}) by ${result.actor}\n`,
          );
    });
}

function printList(listed: readonly ListedProposal[], io: CliIo): void {
  if (listed.length === 0) {
    io.stdout.write("No open proposals.\n");
    return;
  }
  for (const p of listed) {
    const status = p.status === "open" ? "" : ` [${p.status}]`;
    io.stdout.write(
      `${p.id}${status}\n  ${p.section} of ${p.concept} (${p.conceptPath}), by ${p.author}, ${p.createdAt.slice(0, 10)}\n  ${p.rationale}\n`,
    );
  }
}

function printApplied(result: ApplyResult, io: CliIo): void {
  if (result.refused.length > 0) {
    io.stderr.write(
      `okf: refused to apply ${result.refused.length === 1 ? "1 proposal" : `${String(result.refused.length)} proposals`}; nothing was written.\n`,
    );
    for (const refused of result.refused) io.stderr.write(`  ${refused.id}: ${refused.reason}\n`);
    if (result.refused.some((refused) => refused.forceable)) {
      io.stderr.write(
        "  fix: read the section as it is now and the proposed text (okf proposals list, the proposal file), then pass --force to replace the section, or reject the proposal.\n",
      );
    }
    return;
  }
  for (const applied of result.applied) {
    const note = applied.outcome === "applied" ? "" : ` (${applied.outcome})`;
    io.stdout.write(
      `applied ${applied.id} to ${applied.section} of ${applied.conceptPath}${note}\n`,
    );
  }
  io.stdout.write(
    `${result.applied.length === 1 ? "1 proposal" : `${String(result.applied.length)} proposals`} applied by ${result.actor}.${result.logUpdated ? " Recorded in log.md." : ""}\n`,
  );
}
