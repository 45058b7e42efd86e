import type { FieldProfile } from "../../src/model/index.js";

/** A field profile from a 1,000-record sample, with the source's own type names. */
export function sampledField(
  path: string,
  present: number,
  nativeTypes: Record<string, number>,
  extra: Partial<FieldProfile> = {},
): FieldProfile {
  return {
    path,
    sampled: 1000,
    present,
    nulls: 0,
    distinct: present,
    types: {},
    shapes: {},
    nativeTypes,
    ...extra,
  };
}
