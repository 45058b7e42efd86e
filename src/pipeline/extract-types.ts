export interface ExtractOptions {
  cwd: string;
  /** Default `okf.config.yaml`, relative to cwd. */
  configFile?: string;
  /** Only these sources (by name); all when empty. */
  sourceNames?: string[];
  dryRun?: boolean;
  /** `--no-profile` sets this to false. */
  profile?: boolean;
  /** Upper bound on concurrent work per source. */
  concurrency?: number;
  /** Clock for `generated.at` and log dates (tests and the demo pin it). */
  now?: Date;
  env?: NodeJS.ProcessEnv;
  /** A progress line, with the source it is about: on a terminal each source keeps a line. */
  onProgress?: (line: string, source?: string) => void;
  /**
   * What the run repaired before it began (a stale lock taken over, temporary files removed):
   * lines that must stay on screen, where progress lines replace each other. Default: onProgress.
   */
  onNotice?: (line: string) => void;
  /**
   * The caller already holds the bundle lock (`extract --commit` takes it around its git steps,
   * so that a second run cannot commit this one's half-written files).
   */
  holdsLock?: boolean;
}

interface SourceFailureReport {
  scope?: string;
  message: string;
  hint?: string;
}

/** A finding whose field had no row in the file's Sensitive Fields table before this run. */
interface NewFinding {
  path: string;
  /** `pii.email`, `secret.password`, … (never a value). */
  category: string;
}

/** One knowledge file this run created, changed or deprecated (also in a dry run). */
export interface FileChange {
  /** Bundle-relative POSIX path. */
  path: string;
  title: string;
  action: "created" | "changed" | "deprecated";
  /** The lines log.md gets: `+ column region`, `amount: numeric(10,2) → numeric(12,2)`. */
  details: string[];
  /** Also for log.md: `updated Schema, Usage and Freshness`, `frontmatter cloud`. */
  updated?: string[];
  /** Sensitive findings awaiting a person's decision, sorted by path. */
  newFindings: NewFinding[];
  /** The file was approved and its machine facts changed: it is now `needs_review`. */
  movedToReview: boolean;
}

export interface SourceOutcome {
  name: string;
  status: "ok" | "partial" | "failed";
  created: string[];
  changed: string[];
  unchanged: string[];
  deprecated: string[];
  /** What changed per file, for the drift summary; sorted by path. */
  changes: FileChange[];
  failures: SourceFailureReport[];
  /** Per file: things a person should know, such as an edit kept although the source changed. */
  notes: Array<{ file: string; note: string }>;
  requestCount: number;
  durationMs: number;
}

export interface ExtractResult {
  bundleDir: string;
  dryRun: boolean;
  sources: SourceOutcome[];
  /** Files written (concepts, indexes, log, state); 0 on an unchanged re-run or a dry run. */
  filesWritten: number;
  /** Knowledge files left untouched because they could not be parsed. */
  unparseable: Array<{ file: string; message: string; hint?: string }>;
  exitCode: 0 | 1 | 3;
}
