/**
 * Every error the CLI reports on purpose. The top-level handler in `cli/main.ts` is the only
 * place that prints them and picks the exit code; everything else throws.
 */

export const ExitCode = {
  ok: 0,
  findings: 1,
  usage: 2,
  sourceFailed: 3,
  /** The bundle (or another file okf must write) could not be written: disk full, read-only, … */
  writeFailed: 4,
  /** A bug in okf (EX_SOFTWARE of sysexits.h): anything the code did not expect. */
  internal: 70,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export abstract class OkfError extends Error {
  abstract readonly exitCode: ExitCode;
  /** What the user can do about it; printed after the message. */
  readonly hint: string | undefined;

  constructor(message: string, hint?: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.hint = hint;
  }
}

/** Bad flags or arguments. */
export class UsageError extends OkfError {
  readonly exitCode = ExitCode.usage;
}

/** A missing, unreadable or invalid `okf.config.yaml`, or an unset `${ENV}`. */
export class ConfigError extends OkfError {
  readonly exitCode = ExitCode.usage;
}

/**
 * Why one statement or call failed, in okf's own fixed words: never a server's or driver's
 * message, which can quote data. `text` reads after "not sampled: ".
 */
export interface FailureReason {
  kind:
    | "permission_denied"
    | "statement_timeout"
    | "lock_timeout"
    | "connection_lost"
    | "throttled"
    | "failed";
  /** "permission denied (SQLSTATE 42501)", "the connection was lost". */
  text: string;
}

/**
 * A source could not be reached or read at all; or, with `reason`, one statement or call of it
 * failed (the caller decides whether that costs the source, an object or one of its parts).
 */
export class SourceError extends OkfError {
  readonly exitCode = ExitCode.sourceFailed;
  readonly reason: FailureReason | undefined;

  constructor(message: string, hint?: string, reason?: FailureReason) {
    super(message, hint);
    this.reason = reason;
  }
}

/** SQL given to `okf check-sql` or `check_query` that the parser cannot read; 1-based position. */
export class SqlParseError extends OkfError {
  readonly exitCode = ExitCode.usage;
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
    hint?: string,
  ) {
    super(message, hint);
  }
}

/** Another run holds the bundle lock. */
export class BundleLockedError extends OkfError {
  readonly exitCode = ExitCode.usage;
}

/** A knowledge file that cannot be parsed; it is left untouched. */
export class KnowledgeFileError extends OkfError {
  readonly exitCode = ExitCode.findings;
  constructor(
    readonly file: string,
    message: string,
    hint?: string,
  ) {
    super(message, hint);
  }
}

/**
 * The file system refused a read or a write that okf cannot do without: a full disk, a
 * read-only or immutable file, a folder where a file must be, a name too long.
 */
export class FileSystemError extends OkfError {
  readonly exitCode = ExitCode.writeFailed;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
