import { z } from "zod";
import { commonSourceKeys } from "../shared/config-keys.js";
import type { SourceConfigRules } from "../shared/config-rules.js";

/** One program run once, or one file read: there is nothing for `concurrency` to bound. */
const refusedConcurrency = z
  .undefined({
    error:
      "has no effect on an external source: it runs one program once (or reads one file); remove it",
  })
  .meta({ not: {} });

/**
 * A system okf has no extractor for, documented by a program or a file that writes okf dataset
 * lines (docs/sources/external.md). Exactly one of `command` and `file`.
 */
export const externalSourceSchema = z
  .object({
    ...commonSourceKeys,
    concurrency: refusedConcurrency.optional(),
    type: z.literal("external"),
    /** An executable and its arguments, run without a shell; it prints the lines on stdout. */
    command: z.array(z.string().min(1)).min(1).optional(),
    /** A file of dataset lines, relative to the config file. */
    file: z.string().min(1).optional(),
    /** Where `command` runs, relative to the config file; the config file's folder by default. */
    working_dir: z.string().min(1).optional(),
    /** How long the program may run before it is stopped and the source fails. */
    timeout_seconds: z
      .number()
      .int()
      .positive()
      .max(86_400, "must be at most 86400 (a day)")
      .default(300),
    /** The most the program may print, or the file may hold, in MiB. */
    max_output_mib: z
      .number()
      .int()
      .positive()
      .max(1_024, "must be at most 1024 (1 GiB): okf holds the lines in memory")
      .default(256),
  })
  .strict()
  .superRefine((source, ctx) => {
    if ((source.command === undefined) === (source.file === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: [source.command === undefined ? "command" : "file"],
        message:
          "an external source needs exactly one of `command` (a program that prints dataset " +
          "lines) and `file` (a file of them)",
      });
    }
    if (source.working_dir !== undefined && source.command === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["working_dir"],
        message: "only a `command` runs in a folder; remove working_dir or use command",
      });
    }
  })
  .meta({
    oneOf: [{ required: ["command"] }, { required: ["file"], not: { required: ["working_dir"] } }],
  });

export type ExternalSourceConfig = z.infer<typeof externalSourceSchema>;

export const externalConfigRules: SourceConfigRules<ExternalSourceConfig> = {
  // The file, or the folder the command runs in (the config file's by default).
  resolvePaths: (source, resolvePath) =>
    source.file === undefined
      ? { ...source, working_dir: resolvePath(source.working_dir ?? ".") }
      : { ...source, file: resolvePath(source.file) },
  // Nothing in the config says where the system behind the program or file runs.
  cloud: () => undefined,
};
