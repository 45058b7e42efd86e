import { resolve } from "node:path";
import { loadConfig } from "../../config/load-config.js";
import { UsageError } from "../../errors.js";
import { extractAndCommit } from "../../git/extract-commit.js";
import { runExtract } from "../../pipeline/run-extract.js";
import { collect, positiveInteger, type CommandContext } from "../command-context.js";
import { formatCommitOutcome, formatExtractSummary } from "../print-extract.js";
import { createProgress } from "../progress.js";
import { assertOutsideBundle, driftMarkdown, runDriftCommand, writeSummaryFile } from "./diff.js";

interface ExtractFlags {
  config: string;
  source: string[];
  dryRun?: boolean;
  profile: boolean;
  concurrency?: number;
  json?: boolean;
  commit?: boolean;
  branch?: string;
  message?: string;
  allowDirty?: boolean;
  summary?: string;
  linkBase?: string;
  check?: boolean;
}

export function registerExtract(context: CommandContext): void {
  context.program
    .command("extract")
    .description(
      "extract → profile → classify → render → merge → write, for every configured source",
    )
    .option("-c, --config <file>", "configuration file", "okf.config.yaml")
    .option("-s, --source <name>", "only this source (repeatable)", collect, [])
    .option("--dry-run", "show what would change without writing anything")
    .option("--no-profile", "catalog facts only: take no samples")
    .option(
      "--concurrency <n>",
      "upper bound on concurrent requests per DynamoDB, DocumentDB or Glue source (SQL sources send one statement at a time)",
      positiveInteger,
    )
    .option("--json", "print the result as JSON on stdout")
    .option("--commit", "then commit the bundle's changed files with git (never pushes)")
    .option("--branch <name>", "with --commit: commit on this branch (created if missing)")
    .option("--message <text>", "with --commit: the commit message")
    .option("--allow-dirty", "with --commit: run although the bundle has uncommitted hand edits")
    .option("--summary <file>", "write a markdown pull-request body of what changed")
    .option("--link-base <url>", "prefix for the summary's links (a blob URL of the branch)")
    .option("--check", "write nothing: print the drift summary, exit 1 if out of date (okf diff)")
    .addHelpText(
      "after",
      `
--commit stages and commits only paths under the bundle (anything else you staged stays
staged and out of the commit). Before extracting it refuses a bundle with uncommitted changes;
with --allow-dirty those hand edits are committed together with the regenerated files. --branch
checks out an existing branch before extracting, or creates it from the current HEAD. Without a
git user.name/user.email the commit is made as okf <okf@localhost>. Nothing changed: no commit.

Exit codes: 0 ok, 1 a knowledge file could not be merged (left untouched) or, with --check, the
bundle is out of date, 2 usage or configuration error, 3 at least one source failed (the others
are written, and committed with --commit).`,
    )
    .action((flags: ExtractFlags) => runExtractCommand(context, flags));
}

async function runExtractCommand(context: CommandContext, flags: ExtractFlags): Promise<void> {
  checkFlags(flags);
  if (flags.check) {
    await runDriftCommand(context, flags);
    return;
  }
  const { io, setExit, json } = context;
  if (flags.summary !== undefined) {
    const { bundleDir } = await loadConfig(flags.config, { cwd: io.cwd, env: io.env });
    assertOutsideBundle(resolve(io.cwd, flags.summary), bundleDir);
  }
  const progress = createProgress(io.stderr, io.env);
  const now = new Date();
  try {
    const options = {
      cwd: io.cwd,
      configFile: flags.config,
      sourceNames: flags.source,
      dryRun: flags.dryRun,
      profile: flags.profile,
      concurrency: flags.concurrency,
      env: io.env,
      now,
      onProgress: progress.line,
      onNotice: progress.notice,
    };
    const run = flags.commit
      ? await extractAndCommit(options, flags)
      : { result: await runExtract(options), commit: undefined, bundlePath: undefined };
    progress.done();
    const { result, commit } = run;
    if (flags.summary !== undefined) {
      const markdown = await driftMarkdown(result, io, now, flags.linkBase, run.bundlePath);
      await writeSummaryFile(io.cwd, flags.summary, markdown, result.bundleDir);
    }
    if (flags.json) json(commit ? { ...result, commit } : result);
    else {
      io.stdout.write(formatExtractSummary(result, io.cwd));
      if (commit) io.stdout.write(formatCommitOutcome(commit));
    }
    setExit(result.exitCode);
  } finally {
    progress.done();
  }
}

function checkFlags(flags: ExtractFlags): void {
  const needCommit = (["branch", "message", "allowDirty"] as const).filter(
    (flag) => flags[flag] !== undefined,
  );
  if (!flags.commit && needCommit.length > 0) {
    throw new UsageError(
      `--${needCommit.map(kebab).join(", --")} only make${needCommit.length === 1 ? "s" : ""} sense with --commit.`,
      "Add --commit, or leave them out.",
    );
  }
  if (flags.commit && (flags.dryRun || flags.check)) {
    throw new UsageError(
      `--commit cannot be combined with ${flags.check ? "--check" : "--dry-run"}: it commits what the run writes.`,
      "Use okf diff (or extract --check) to see the drift without writing.",
    );
  }
  if (flags.message?.trim() === "") {
    throw new UsageError("--message is empty.", "Give a commit message, or leave --message out.");
  }
  if (flags.linkBase !== undefined && flags.summary === undefined && !flags.check) {
    throw new UsageError(
      "--link-base only changes the summary's links.",
      "Add --summary FILE (or --check), or leave --link-base out.",
    );
  }
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}
