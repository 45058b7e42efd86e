/**
 * Every error the CLI reports on purpose. The top-level handler in `cli/main.ts` is the only
 * place that prints them and picks the exit code; everything else throws.
 */

export const ExitCode = {
  ok: 0,
  findings: 1,
  usage: 2,
  sourceFailed: 3,
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

/** A source could not be reached or read at all. */
export class SourceError extends OkfError {
  readonly exitCode = ExitCode.sourceFailed;
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

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
