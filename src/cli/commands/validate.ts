import { Option } from "commander";
import { resolveBundleDir } from "../resolve-bundle.js";
import { UsageError } from "../../errors.js";
import { displayPath } from "../../read/steward/open-bundle.js";
import { formatGithubAnnotations } from "../../read/validate/format-github.js";
import { formatReport, validateBundle } from "../../read/validate/index.js";
import type { CommandContext } from "../command-context.js";

type ReportFormat = "text" | "json" | "github";

export function registerValidate({ program, io, setExit, json }: CommandContext): void {
  program
    .command("validate")
    .description(
      "check OKF conformance (errors) and governance lint (warnings; errors with --strict)",
    )
    .argument("[bundle]", "bundle folder (default: the config's bundle)")
    .option("-c, --config <file>", "configuration file that names the bundle")
    .option("--bundle <dir>", "bundle folder")
    .option("--strict", "treat governance warnings as errors")
    .addOption(
      new Option(
        "--format <format>",
        "text for people, json for scripts, github for GitHub Actions annotations",
      ).choices(["text", "json", "github"]),
    )
    .option("--json", "print the report as JSON on stdout (same as --format json)")
    .addHelpText("after", "\nExit codes: 0 no errors, 1 errors found, 2 usage error.")
    .action(
      async (
        bundle: string | undefined,
        options: {
          config?: string;
          bundle?: string;
          strict?: boolean;
          json?: boolean;
          format?: ReportFormat;
        },
      ) => {
        const format = reportFormat(options);
        const dir = await resolveBundleDir({
          cwd: io.cwd,
          bundle: bundle ?? options.bundle,
          config: options.config,
        });
        const report = {
          ...(await validateBundle(dir, { strict: options.strict ?? false })),
          bundle: displayPath(io.cwd, dir),
        };
        if (format === "json") json(report);
        else if (format === "github") io.stdout.write(formatGithubAnnotations(report));
        else io.stdout.write(formatReport(report));
        setExit(report.errorCount > 0 ? 1 : 0);
      },
    );
}

function reportFormat(options: { json?: boolean; format?: ReportFormat }): ReportFormat {
  if (options.json && options.format !== undefined && options.format !== "json") {
    throw new UsageError(
      `--json and --format ${options.format} ask for two different outputs.`,
      "Pass one of them: --json is the same as --format json.",
    );
  }
  return options.json ? "json" : (options.format ?? "text");
}
