import { InvalidArgumentError, type Command } from "commander";
import type { CliIo } from "./main.js";

/** What every command registration needs: where it runs, and how it reports. */
export interface CommandContext {
  program: Command;
  io: CliIo;
  setExit: (code: number) => void;
  /** Prints one JSON document on stdout (for `--json`). */
  json: (value: unknown) => void;
}

export const positiveInteger = (value: string): number => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1)
    throw new InvalidArgumentError("must be a positive integer");
  return parsed;
};

/** A positive integer no larger than `max` (a count of days that must still give a date). */
export const positiveIntegerUpTo =
  (max: number, meaning: string) =>
  (value: string): number => {
    const parsed = positiveInteger(value);
    if (parsed > max) throw new InvalidArgumentError(`must be at most ${String(max)} (${meaning})`);
    return parsed;
  };

export const collect = (value: string, previous: string[]) => [...previous, value];
