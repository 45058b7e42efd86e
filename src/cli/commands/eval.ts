import { resolve } from "node:path";
import { InvalidArgumentError } from "commander";
import { readConceptRecords } from "../../read/concepts/read-concept-records.js";
import { defaultEvalFile, readEvalFile } from "../../read/eval/eval-file.js";
import { formatEvaluation } from "../../read/eval/format-evaluation.js";
import { runEvaluation } from "../../read/eval/run-evaluation.js";
import { readGuardPolicy } from "../../read/guard/guard-policy.js";
import { openBundle } from "../../read/steward/open-bundle.js";
import type { CommandContext } from "../command-context.js";

interface EvalOptions {
  json?: boolean;
  minRetrieval?: number;
  minGuard?: number;
  bundle?: string;
  config?: string;
}

/** `0.9` or `90%`: a share between 0 and 1. */
const share = (value: string): number => {
  const parsed = value.endsWith("%") ? Number(value.slice(0, -1)) / 100 : Number(value);
  if (value.trim() === "" || !Number.isFinite(parsed) || parsed < 0 || parsed > 1) {
    throw new InvalidArgumentError("must be a share between 0 and 1, such as 0.9 or 90%");
  }
  return parsed;
};

export function registerEval({ program, io, setExit, json }: CommandContext): void {
  program
    .command("eval")
    .description(
      "measure the bundle against a labelled evaluation file: search accuracy, joins, sensitive fields and the SQL guard",
    )
    .argument("[file]", `evaluation file (YAML, docs/evaluation.md)`, defaultEvalFile)
    .option("--json", "print the figures and every miss as JSON on stdout")
    .option(
      "--min-retrieval <share>",
      "fail unless top-1 retrieval accuracy is at least this",
      share,
    )
    .option(
      "--min-guard <share>",
      "fail unless the guard's precision and recall are each at least this",
      share,
    )
    .option("-c, --config <file>", "configuration file that names the bundle and the guard policy")
    .option("--bundle <dir>", "bundle folder")
    .addHelpText(
      "after",
      [
        "",
        "Examples:",
        "  okf eval",
        "  okf eval eval/okf.eval.yaml --min-retrieval 0.85 --min-guard 90%",
        "",
        "The file's gates: key sets the gates a flag does not. Figures: top-1 and top-3",
        "retrieval, mean reciprocal rank, join accuracy, sensitive-field recall and precision,",
        "the guard's recall and precision per rule; every miss is listed.",
        "Exit codes: 0 every gate passed (or none set), 1 a gate failed, 2 usage error.",
      ].join("\n"),
    )
    .action(async (file: string, options: EvalOptions) => {
      const labels = await readEvalFile(resolve(io.cwd, file), file);
      const bundleDir = await openBundle({
        cwd: io.cwd,
        bundle: options.bundle,
        config: options.config,
      });
      const policy = await readGuardPolicy({
        cwd: io.cwd,
        ...(options.config === undefined ? {} : { config: options.config }),
      });
      const records = await readConceptRecords(bundleDir, new Date());
      const minRetrieval = options.minRetrieval ?? labels.gates?.min_retrieval;
      const minGuard = options.minGuard ?? labels.gates?.min_guard;
      const report = await runEvaluation(records, policy, labels, {
        ...(minRetrieval === undefined ? {} : { minRetrieval }),
        ...(minGuard === undefined ? {} : { minGuard }),
      });
      if (options.json) json(report);
      else io.stdout.write(formatEvaluation(report));
      setExit(report.gates.every((gate) => gate.passed) ? 0 : 1);
    });
}
