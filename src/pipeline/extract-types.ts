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
  onProgress?: (line: string) => void;
}

export interface SourceFailureReport {
  scope?: string;
  message: string;
  hint?: string;
}

export interface SourceOutcome {
  name: string;
  status: "ok" | "partial" | "failed";
  created: string[];
  changed: string[];
  unchanged: string[];
  deprecated: string[];
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
