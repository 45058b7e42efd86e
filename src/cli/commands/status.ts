import { InvalidArgumentError } from "commander";
import { bundleStatus } from "../../read/steward/bundle-status.js";
import { checkCoverage, parseRatio } from "../../read/steward/coverage-gate.js";
import { formatStatus } from "../../read/steward/format-status.js";
import { positiveInteger, type CommandContext } from "../command-context.js";

const ratio = (value: string): number => {
  const parsed = parseRatio(value);
  if (parsed === undefined) throw new InvalidArgumentError("must be a share such as 0.8 or 80%");
  return parsed;
};

export function registerStatus({ program, io, setExit, json }: CommandContext): void {
  program
    .command("status")
    .description(
      "files per approval status, reviews due or overdue, files to review after drift, pending decisions",
    )
    .option("-c, --config <file>", "configuration file that names the bundle")
    .option("--bundle <dir>", "bundle folder")
    .option(
      "--due-within <days>",
      "count reviews due within this many days as due soon",
      positiveInteger,
      14,
    )
    .option(
      "--min-approved <ratio>",
      "exit 1 when fewer than this share of non-deprecated files are approved (0.8 or 80%)",
      ratio,
    )
    .option("--json", "print the status as JSON on stdout")
    .addHelpText("after", "\nExit codes: 0 ok, 1 below --min-approved, 2 usage error.")
    .action(
      async (options: {
        config?: string;
        bundle?: string;
        dueWithin: number;
        minApproved?: number;
        json?: boolean;
      }) => {
        const status = await bundleStatus({
          cwd: io.cwd,
          bundle: options.bundle,
          config: options.config,
          dueWithinDays: options.dueWithin,
        });
        const gate =
          options.minApproved === undefined
            ? undefined
            : checkCoverage(status.total, options.minApproved);
        if (options.json) json(gate === undefined ? status : { ...status, gate });
        else io.stdout.write(formatStatus(status));
        if (gate) {
          // One line: it is what a CI log shows when the gate fails.
          io.stderr.write(`okf: ${gate.message}\n`);
          setExit(gate.passed ? 0 : 1);
        }
      },
    );
}
