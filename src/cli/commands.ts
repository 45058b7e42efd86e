import { relative } from "node:path";
import { Command, InvalidArgumentError, Option } from "commander";
import { initCommand } from "../commands/init.js";
import { resolveBundleDir } from "../commands/resolve-bundle.js";
import { runDemo } from "../demo/run-demo.js";
import { runExtract } from "../pipeline/run-extract.js";
import { formatReport, validateBundle } from "../validate/index.js";
import type { CliIo } from "./main.js";
import { formatExtractSummary } from "./print-extract.js";
import { createProgress } from "./progress.js";

const positiveInteger = (value: string): number => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1)
    throw new InvalidArgumentError("must be a positive integer");
  return parsed;
};
const collect = (value: string, previous: string[]) => [...previous, value];

export function registerCommands(
  program: Command,
  io: CliIo,
  setExit: (code: number) => void,
): void {
  const json = (value: unknown): void => {
    io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  };

  program
    .command("init")
    .description("write a commented okf.config.yaml and an empty bundle (never overwrites a file)")
    .option("--dir <dir>", "folder to initialise", ".")
    .option("--json", "print the result as JSON on stdout")
    .action(async (options: { dir: string; json?: boolean }) => {
      const result = await initCommand({ cwd: io.cwd, dir: options.dir });
      if (options.json) {
        json(result);
        return;
      }
      for (const file of result.created) io.stdout.write(`created ${file}\n`);
      for (const file of result.kept) io.stdout.write(`kept    ${file} (already exists)\n`);
      io.stdout.write("Next: set the sources in okf.config.yaml, then run `okf extract`.\n");
    });

  program
    .command("extract")
    .description(
      "extract → profile → classify → render → merge → write, for every configured source",
    )
    .option("-c, --config <file>", "configuration file", "okf.config.yaml")
    .option("-s, --source <name>", "only this source (repeatable)", collect, [])
    .option("--dry-run", "show what would change without writing anything")
    .option("--no-profile", "catalog facts only: take no samples")
    .option("--concurrency <n>", "upper bound on concurrent work per source", positiveInteger)
    .option("--json", "print the result as JSON on stdout")
    .addHelpText(
      "after",
      "\nExit codes: 0 ok, 1 a knowledge file could not be merged (left untouched),\n2 usage or configuration error, 3 at least one source failed (the others are written).",
    )
    .action(
      async (options: {
        config: string;
        source: string[];
        dryRun?: boolean;
        profile: boolean;
        concurrency?: number;
        json?: boolean;
      }) => {
        const progress = createProgress(io.stderr, io.env);
        try {
          const result = await runExtract({
            cwd: io.cwd,
            configFile: options.config,
            sourceNames: options.source,
            dryRun: options.dryRun,
            profile: options.profile,
            concurrency: options.concurrency,
            env: io.env,
            onProgress: progress.line,
          });
          progress.done();
          if (options.json) json(result);
          else io.stdout.write(formatExtractSummary(result, io.cwd));
          setExit(result.exitCode);
        } finally {
          progress.done();
        }
      },
    );

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

  program
    .command("demo")
    .description(
      "run the whole pipeline on an embedded sample PostgreSQL (no AWS account, no server)",
    )
    .addOption(
      new Option("--dir <dir>", "where to write okf.config.yaml and knowledge/").default(
        "okf-demo",
      ),
    )
    .option("--json", "print the extract result as JSON on stdout")
    .action(async (options: { dir: string; json?: boolean }) => {
      const progress = createProgress(io.stderr, io.env);
      try {
        const demo = await runDemo({ dir: options.dir, cwd: io.cwd, onProgress: progress.line });
        progress.done();
        if (options.json) json(demo.result);
        else {
          io.stdout.write(formatExtractSummary(demo.result, io.cwd));
          io.stdout.write(
            `\nThe demo bundle is in ${demo.bundleDir}\nTry: cd ${options.dir} && npx okf validate\n`,
          );
        }
        setExit(demo.result.exitCode);
      } finally {
        progress.done();
      }
    });
}
