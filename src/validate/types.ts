import type { Document } from "yaml";

export type Severity = "error" | "warning";

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

export type FileRole = "concept" | "index" | "root-index" | "log";

/** One markdown file of the bundle, read and split once for all rules. */
export interface BundleFile {
  /** Bundle-relative POSIX path. */
  path: string;
  role: FileRole;
  /** The whole text, line endings normalised to `\n`, without a byte order mark. */
  text: string;
  frontmatter: Frontmatter | undefined;
  /** Everything after the frontmatter (the whole text when there is none). */
  body: string;
  /** File line number of the body's first line. */
  bodyStartLine: number;
}

export type Frontmatter =
  | { kind: "unclosed" }
  | { kind: "invalid"; line: number; reason: string; aliasLimit?: boolean }
  | {
      kind: "parsed";
      document: Document;
      /** Plain values; a non-mapping frontmatter is reported and gives `{}`. */
      values: Record<string, unknown>;
      /** File line of a character offset inside the YAML text. */
      lineAt: (offset: number) => number;
      isMapping: boolean;
    };

export interface RuleContext {
  /** Absolute path of the bundle folder. */
  bundleDir: string;
  now: Date;
  /** Every markdown file being validated (bundle-relative POSIX paths). */
  markdownFiles: readonly string[];
  /** Whether a bundle-relative POSIX path exists (file or folder); results are cached. */
  exists: (bundlePath: string) => Promise<boolean>;
}

/**
 * A check run on every file. New rule modules (the privacy lint) plug in by being added to
 * the list in `rules.ts`.
 */
export interface Rule {
  name: string;
  check: (file: BundleFile, context: RuleContext) => RuleFinding[] | Promise<RuleFinding[]>;
}
