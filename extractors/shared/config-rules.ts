/** A problem a source type's config rules find, at a path under the source (`["glue_source"]`). */
interface SourceConfigIssue {
  path: (string | number)[];
  message: string;
}

/**
 * What a source type checks or settles in its config beyond its zod schema, which sees one
 * source alone and knows nothing of the config file. The loader (src/config) calls these for
 * every source, whatever its type.
 */
export interface SourceConfigRules<C> {
  /** Problems of `source` that only the other sources of the same config show. */
  checkAmong?(source: C, sources: readonly { name: string; type: string }[]): SourceConfigIssue[];
  /** `source` with the file paths it names, relative to the config file, made absolute. */
  resolvePaths?(source: C, resolvePath: (path: string) => string): C;
  /**
   * The cloud a source of this type runs in, when its keys cannot tell (src/config/source-cloud.ts
   * tells it from a connection host or the AWS SDK's endpoint otherwise).
   */
  cloud?(source: C): string | undefined;
}
