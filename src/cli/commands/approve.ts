import { approveConcepts, type ApproveResult } from "../../read/steward/approve.js";
import { positiveIntegerUpTo, type CommandContext } from "../command-context.js";
import type { CliIo } from "../main.js";

export function registerApprove({ program, io, setExit, json }: CommandContext): void {
  program
    .command("approve")
    .description(
      "record a person's review: approval_status approved, status stable, verified, review dates, log.md",
    )
    .argument("<concept...>", "concept ids (sales.crm.customer_account) or paths in the bundle")
    .requiredOption("--by <actor>", "who reviewed the files: alice or human:alice")
    .option(
      "--next-review <days>",
      "days until the next review (default: the config's defaults.review_interval_days, else 90)",
      positiveIntegerUpTo(36_500, "100 years, as for defaults.review_interval_days"),
    )
    .option(
      "--force",
      "approve despite pending sensitive-field decisions, owner placeholders or a missing owner",
    )
    .option("-c, --config <file>", "configuration file that names the bundle")
    .option("--bundle <dir>", "bundle folder")
    .option("--json", "print the result as JSON on stdout")
    .addHelpText(
      "after",
      "\nWhen any file is refused, nothing is written. Exit codes: 0 approved, 1 refused,\n2 usage error (unknown concept, bad flag, bundle locked).",
    )
    .action(
      async (
        concepts: string[],
        options: {
          by: string;
          nextReview?: number;
          force?: boolean;
          config?: string;
          bundle?: string;
          json?: boolean;
        },
      ) => {
        const result = await approveConcepts({
          cwd: io.cwd,
          bundle: options.bundle,
          config: options.config,
          concepts,
          by: options.by,
          nextReviewDays: options.nextReview,
          force: options.force,
        });
        if (options.json) json(result);
        else printResult(result, io);
        setExit(result.refused.length > 0 ? 1 : 0);
      },
    );
}

function printResult(result: ApproveResult, io: CliIo): void {
  if (result.refused.length > 0) {
    io.stderr.write(
      `okf: refused to approve ${result.refused.length === 1 ? "1 file" : `${result.refused.length} files`}; nothing was written.\n`,
    );
    for (const refused of result.refused) {
      io.stderr.write(`  ${refused.path}: ${refused.reasons.join("; ")}\n`);
    }
    if (result.refused.some((refused) => refused.forceable)) {
      io.stderr.write(
        "  fix: decide each Sensitive Fields row (confirmed or rejected), replace the `_Owner to write` placeholders and set `owner:`; or pass --force to approve the files as they are.\n",
      );
    }
    if (result.refused.some((refused) => !refused.forceable)) {
      io.stderr.write(
        "  fix: a deprecated or unreadable file cannot be approved, even with --force: leave it out, or repair it first (okf validate shows where).\n",
      );
    }
    return;
  }
  for (const approved of result.approved) {
    const forced =
      approved.forcedPast.length > 0 ? ` (forced: ${approved.forcedPast.join("; ")})` : "";
    io.stdout.write(`approved ${approved.path}${forced}\n`);
  }
  io.stdout.write(
    `${result.approved.length === 1 ? "1 file" : `${result.approved.length} files`} approved by ${result.actor} at ${result.approvedAt}; next review due ${result.nextReviewDue.slice(0, 10)}.${result.logUpdated ? " Recorded in log.md." : ""}\n`,
  );
}
