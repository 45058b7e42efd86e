import { runExtract } from "../../pipeline/run-extract.js";
import { collect, positiveInteger, type CommandContext } from "../command-context.js";
import { formatExtractSummary } from "../print-extract.js";
import { createProgress } from "../progress.js";

export function registerExtract({ program, io, setExit, json }: CommandContext): void {
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
}
