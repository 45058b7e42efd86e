import { okfCommand } from "../../okf-command.js";
import { resolve } from "node:path";
import { Option } from "commander";
import { runDemo } from "../../demo/run-demo.js";
import { formatExtractSummary } from "../print-extract.js";
import { createProgress } from "../progress.js";
import type { CommandContext } from "../command-context.js";

export function registerDemo({ program, io, setExit, json }: CommandContext): void {
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
          const here = resolve(io.cwd, options.dir) === resolve(io.cwd);
          const validate = `${okfCommand()} validate`;
          const next = here ? validate : `cd ${options.dir} && ${validate}`;
          io.stdout.write(`\nThe demo bundle is in ${demo.bundleDir}\nTry: ${next}\n`);
        }
        setExit(demo.result.exitCode);
      } finally {
        progress.done();
      }
    });
}
