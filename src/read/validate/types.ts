import type { MarkdownFile } from "../../knowledge-file/markdown-file.js";

type Severity = "error" | "warning";

export interface ValidationFinding {
  /** Bundle-relative POSIX path. */
  file: string;
  line?: number;
  /** Rule id, e.g. `okf/frontmatter-type`. */
  rule: string;
  severity: Severity;
  message: string;
  /** A concrete fix. */
  hint: string;
}

export interface ValidationReport {
  /** The bundle folder as given. */
  bundle: string;
  files: number;
  findings: ValidationFinding[];
  errorCount: number;
  warningCount: number;
}

export interface ValidateOptions {
  /** Governance warnings become errors. */
  strict?: boolean;
  /** The instant review dates are compared with; defaults to the current time. */
  now?: Date;
}

/** What a rule reports; the validator adds the file. */
export type RuleFinding = Omit<ValidationFinding, "file">;

export interface RuleContext {
  /** Absolute path of the bundle folder. */
  bundleDir: string;
  now: Date;
  /** Every markdown file being validated (bundle-relative POSIX paths). */
  markdownFiles: readonly string[];
  /** Whether a bundle-relative POSIX path exists (file or folder); results are cached. */
  exists: (bundlePath: string) => Promise<boolean>;
  /**
   * The ids a concept may be named by: every concept's frontmatter `id` and its path without
   * `.md`. Read on first call, once per run.
   */
  conceptIds: () => Promise<ReadonlySet<string>>;
}

/**
 * A check run on every file. New rule modules (the privacy lint) plug in by being added to
 * the list in `rules.ts`.
 */
export interface Rule {
  name: string;
  check: (file: MarkdownFile, context: RuleContext) => RuleFinding[] | Promise<RuleFinding[]>;
}
