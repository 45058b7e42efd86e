/**
 * `profile: name` on an AWS source, the key people know from the AWS CLI, is its `aws_profile`
 * (`profile:` as a map stays the sampling options). Runs on the raw config, before the schema.
 */
export function awsProfileAlias(raw: unknown, awsTypes: readonly string[]): unknown {
  if (raw === null || typeof raw !== "object" || !("sources" in raw)) return raw;
  if (!Array.isArray(raw.sources)) return raw;
  const sources = raw.sources.map((source: unknown) => {
    if (source === null || typeof source !== "object" || Array.isArray(source)) return source;
    const { profile, aws_profile, type } = source as Record<string, unknown>;
    if (typeof profile !== "string" || aws_profile !== undefined) return source;
    if (!awsTypes.includes(type as string)) return source;
    const { profile: _, ...rest } = source as Record<string, unknown>;
    return { ...rest, aws_profile: profile };
  });
  return { ...raw, sources };
}
