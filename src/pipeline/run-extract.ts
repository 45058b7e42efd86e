import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import pLimit from "p-limit";
import { acquireBundleLock } from "../bundle/bundle-lock.js";
import { removeTemporaryFiles } from "../bundle/temporary-files.js";
import { updateIndexFiles } from "../bundle/index-files.js";
import { appendLogEntries, type LogEntry } from "../bundle/log-file.js";
import { defaultConfigFile, loadConfig } from "../config/load-config.js";
import { UsageError } from "../errors.js";
import { loadTemplates } from "../render/templates.js";
import { BundleFiles } from "./bundle-files.js";
import type { ExtractOptions, ExtractResult } from "./extract-types.js";
import { linkedSources } from "./linked-concepts.js";
import { runSource } from "./run-source.js";
import type { SourceConfig } from "../config/schema.js";

export type { ExtractOptions, ExtractResult } from "./extract-types.js";

/** Sources run side by side, each bounded by its own concurrency. */
const sourcesAtOnce = 2;

/** extract → profile → classify → render → merge → write, for every selected source. */
export async function runExtract(options: ExtractOptions): Promise<ExtractResult> {
  const loaded = await loadConfig(options.configFile ?? defaultConfigFile, {
    cwd: options.cwd,
    env: options.env,
  });
  const { config, bundleDir } = loaded;
  const wanted = options.sourceNames ?? [];
  const unknown = wanted.filter((name) => !config.sources.some((s) => s.name === name));
  if (unknown.length > 0) {
    throw new UsageError(
      `Unknown source ${unknown.map((n) => `"${n}"`).join(", ")} in --source.`,
      `Configured sources: ${config.sources.map((s) => s.name).join(", ")}.`,
    );
  }
  const sources =
    wanted.length === 0 ? config.sources : config.sources.filter((s) => wanted.includes(s.name));
  const templates = loadTemplates(
    config.templates ? resolve(loaded.file, "..", config.templates.dir) : undefined,
  );
  const dryRun = options.dryRun ?? false;
  const progress = options.onProgress ?? (() => undefined);
  const notice = options.onNotice ?? progress;
  const now = (options.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, "Z");

  if (!dryRun) await mkdir(bundleDir, { recursive: true });
  const release =
    dryRun || options.holdsLock === true
      ? undefined
      : await acquireBundleLock(bundleDir, { onNotice: notice });
  try {
    if (!dryRun) await cleanUpInterruptedRun(bundleDir, notice);
    const files = new BundleFiles(bundleDir, dryRun);
    const unparseable: ExtractResult["unparseable"] = [];
    const limit = pLimit(sourcesAtOnce);
    const runAll = (wave: readonly SourceConfig[]) =>
      Promise.all(
        wave.map((source) =>
          limit(() =>
            runSource({
              config,
              source,
              files,
              templates,
              now,
              unparseable,
              progress: (line: string) => {
                progress(line, source.name);
              },
              profile: options.profile ?? true,
              concurrency: options.concurrency ?? source.concurrency ?? 4,
            }),
          ),
        ),
      );
    // A source that links to another's concepts (Redshift Spectrum → Glue) runs after it.
    const later = sources.filter((source) => linkedSources(source).length > 0);
    const outcomes = [
      ...(await runAll(sources.filter((source) => !later.includes(source)))),
      ...(await runAll(later)),
    ].sort(
      (a, b) =>
        sources.findIndex((source) => source.name === a.name) -
        sources.findIndex((source) => source.name === b.name),
    );
    if (!dryRun) {
      const at = `${now.slice(11, 19)} UTC`;
      const log: LogEntry[] = outcomes
        .flatMap((outcome) => outcome.changes)
        .map(({ action, path, title, details, updated }) => ({
          action,
          conceptPath: path,
          title,
          details: [...details, ...(updated ?? [])],
          at,
        }))
        .sort((a, b) =>
          a.conceptPath < b.conceptPath ? -1 : a.conceptPath > b.conceptPath ? 1 : 0,
        );
      if (await appendLogEntries(bundleDir, now.slice(0, 10), log, { dryRun })) files.written++;
      const indexes = await updateIndexFiles(bundleDir, {
        dryRun,
        onUnreadable: (error) =>
          unparseable.push({ file: error.file, message: error.message, hint: error.hint }),
      });
      files.written += indexes.length;
    }
    const failed = outcomes.some((outcome) => outcome.status !== "ok");
    return {
      bundleDir,
      dryRun,
      sources: outcomes,
      filesWritten: files.written,
      unparseable,
      exitCode: failed ? 3 : unparseable.length > 0 ? 1 : 0,
    };
  } finally {
    await release?.();
  }
}

/** A killed run leaves temporary files; under the lock, none can belong to a live run. */
async function cleanUpInterruptedRun(
  bundleDir: string,
  progress: (line: string) => void,
): Promise<void> {
  const removed = await removeTemporaryFiles(bundleDir);
  if (removed > 0) {
    progress(
      `removed ${String(removed)} temporary file${removed === 1 ? "" : "s"} left by an interrupted run`,
    );
  }
}
