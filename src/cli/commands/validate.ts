import { relative } from "node:path";
import { resolveBundleDir } from "../../commands/resolve-bundle.js";
import { formatReport, validateBundle } from "../../validate/index.js";
import type { CommandContext } from "../command-context.js";

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
    .option("--json", "print the report as JSON on stdout")
    .addHelpText("after", "\nExit codes: 0 no errors, 1 errors found, 2 usage error.")
    .action(
      async (
        bundle: string | undefined,
        options: { config?: string; bundle?: string; strict?: boolean; json?: boolean },
      ) => {
        const dir = await resolveBundleDir({
          cwd: io.cwd,
          bundle: bundle ?? options.bundle,
          config: options.config,
        });
        const report = {
          ...(await validateBundle(dir, { strict: options.strict ?? false })),
          // Findings read best relative to where the user stands.
          bundle: relative(io.cwd, dir) || ".",
        };
        if (options.json) json(report);
        else io.stdout.write(formatReport(report));
        setExit(report.errorCount > 0 ? 1 : 0);
      },
    );
}
