import { mkdir, writeFile } from "node:fs/promises";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { UsageError } from "../../errors.js";
import type { ExtractResult } from "../../pipeline/extract-types.js";
import { bundleLinkPath, checkDrift } from "../../read/steward/drift-check.js";
import { hasDrift, renderDriftSummary } from "../../read/steward/drift-summary.js";
import { collect, positiveInteger, type CommandContext } from "../command-context.js";
import type { CliIo } from "../main.js";
import { createProgress } from "../progress.js";

export interface DriftOptions {
  config: string;
  source: string[];
  summary?: string;
  linkBase?: string;
  json?: boolean;
  profile?: boolean;
  concurrency?: number;
}

export function registerDiff(context: CommandContext): void {
  context.program
    .command("diff")
    .description(
      "the drift `extract` would write, as a markdown summary, without writing anything (a CI check)",
    )
    .option("-c, --config <file>", "configuration file", "okf.config.yaml")
    .option("-s, --source <name>", "only this source (repeatable)", collect, [])
    .option("--summary <file>", "also write the summary to this markdown file")
    .option(
      "--link-base <url>",
      "prefix for the summary's links, e.g. https://github.com/org/repo/blob/main/",
    )
    .option(
      "--concurrency <n>",
      "upper bound on concurrent requests per DynamoDB, DocumentDB or Glue source (SQL sources send one statement at a time)",
      positiveInteger,
    )
    .option("--json", "print the result as JSON on stdout instead of the summary")
    .addHelpText(
      "after",
      "\nSame as `okf extract --check`. Exit codes: 0 up to date, 1 out of date (or a knowledge\nfile cannot be merged), 2 usage or configuration error, 3 a source failed.",
    )
    .action((options: DriftOptions) => runDriftCommand(context, options));
}

/** `okf diff` and `okf extract --check`. */
export async function runDriftCommand(
  { io, setExit, json }: CommandContext,
  options: DriftOptions,
): Promise<void> {
  const progress = createProgress(io.stderr, io.env);
  const now = new Date();
  try {
    const check = await checkDrift({
      cwd: io.cwd,
      configFile: options.config,
      sourceNames: options.source,
      profile: options.profile,
      concurrency: options.concurrency,
      env: io.env,
      now,
      onProgress: progress.line,
    });
    progress.done();
    const markdown = await driftMarkdown(check.result, io, now, options.linkBase);
    if (options.summary !== undefined) {
      await writeSummaryFile(io.cwd, options.summary, markdown, check.result.bundleDir);
    }
    const outOfDate = hasDrift(check.result) || check.result.unparseable.length > 0;
    if (options.json) json({ outOfDate, ...check.result, exitCode: check.exitCode });
    else io.stdout.write(markdown);
    setExit(check.exitCode);
  } finally {
    progress.done();
  }
}

/** The summary with links from the repository root (or the working folder outside git). */
export async function driftMarkdown(
  result: ExtractResult,
  io: CliIo,
  now: Date,
  linkBase: string | undefined,
  bundlePath?: string,
): Promise<string> {
  return renderDriftSummary(result, {
    bundlePath: bundlePath ?? (await bundleLinkPath(result.bundleDir, io.cwd, io.env)),
    linkBase,
    date: now.toISOString().slice(0, 10),
  });
}

/**
 * Writes the summary; never inside the bundle, where it would pass for a knowledge file and
 * make the next `--commit` run refuse a dirty bundle.
 */
export async function writeSummaryFile(
  cwd: string,
  file: string,
  markdown: string,
  bundleDir: string,
): Promise<void> {
  const target = resolve(cwd, file);
  assertOutsideBundle(target, bundleDir);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, markdown);
}

export function assertOutsideBundle(target: string, bundleDir: string): void {
  const inside = relative(bundleDir, target);
  if (inside === "" || (inside.split(sep)[0] !== ".." && !isAbsolute(inside))) {
    throw new UsageError(
      `--summary ${target} is inside the bundle ${bundleDir}.`,
      "Write the summary outside the bundle, for example to $RUNNER_TEMP/okf-summary.md in CI.",
    );
  }
}
