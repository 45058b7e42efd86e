import {
  checkedObservedFacts,
  type KeyValueSettings,
  type ObservedFacts,
  type ObservedSample,
  type UnrefreshedSince,
} from "../bundle/observed-facts.js";
import type { ConceptState } from "../bundle/source-state.js";
import type {
  DatasetProfile,
  EnrichedDataset,
  ExtractionFailure,
  FieldProfile,
  FieldStats,
  UnobservedPart,
} from "../model/index.js";
import { shownBounds } from "../render/range-text.js";
import { unrefreshedWhat, type UnrefreshedFact } from "../render/unrefreshed-view.js";

export interface KeptFacts {
  /** The dataset with each part this run could not read replaced by its last observed facts. */
  dataset: EnrichedDataset;
  /** What the file says it could not refresh, and since when. */
  unrefreshed: UnrefreshedFact[];
}

/**
 * A part this run could not read is unknown, not absent: its last observed facts stand in for
 * it, so the file renders as it did (findings, decisions and `pii` included) plus a note.
 */
export function withLastObserved(
  dataset: EnrichedDataset,
  previous: ConceptState | undefined,
  today: string,
): KeptFacts {
  const unrefreshed: UnrefreshedFact[] = [];
  if (!dataset.unobserved?.length) return { dataset, unrefreshed };
  const last = checkedObservedFacts(previous?.lastObserved);
  let kept = dataset;
  for (const { part, reason } of dataset.unobserved) {
    if (unrefreshed.some((fact) => fact.part === part)) continue;
    const since = previous?.unrefreshedSince?.[part] ?? today;
    const known = last[part] !== undefined;
    unrefreshed.push({ part, reason, since, known });
    kept = substitute(kept, part, last);
  }
  return { dataset: kept, unrefreshed };
}

function substitute(
  dataset: EnrichedDataset,
  part: UnobservedPart,
  last: ObservedFacts,
): EnrichedDataset {
  switch (part) {
    case "sample":
      return last.sample ? withSample(dataset, last.sample) : dataset;
    case "indexes":
      return last.indexes ? { ...dataset, indexes: last.indexes } : dataset;
    case "tags":
      return last.tags ? { ...dataset, tags: last.tags } : dataset;
    case "settings":
      return last.settings && dataset.keyValue
        ? { ...dataset, keyValue: { ...dataset.keyValue, ...settingsOf(last.settings) } }
        : dataset;
    case "statistics":
      return last.statistics ? withFieldStats(dataset, last.statistics) : dataset;
  }
}

/** Fields without statistics tonight get their last observed ones. */
function withFieldStats(
  dataset: EnrichedDataset,
  stats: Readonly<Record<string, FieldStats>>,
): EnrichedDataset {
  const fields = dataset.fields.map((field) => {
    const lastStats = stats[field.path];
    return field.stats || !lastStats ? field : { ...field, stats: lastStats };
  });
  return { ...dataset, fields };
}

/**
 * The last observed profile and findings; fields that did not exist then get tonight's findings,
 * which without a sample come from their names alone.
 */
function withSample(dataset: EnrichedDataset, last: ObservedSample): EnrichedDataset {
  const known = new Set([
    ...(last.profile?.fields.map((field) => field.path) ?? []),
    ...last.findings.map((finding) => finding.path),
  ]);
  const findings = [
    ...last.findings,
    ...dataset.findings.filter((finding) => !known.has(finding.path)),
  ].sort((a, b) =>
    a.path !== b.path ? (a.path < b.path ? -1 : 1) : a.category < b.category ? -1 : 1,
  );
  return {
    ...withFieldStats(dataset, last.fieldStats ?? {}),
    profile: last.profile,
    findings,
    suggestedClassification: last.suggestedClassification ?? dataset.suggestedClassification,
  };
}

function settingsOf(settings: KeyValueSettings): KeyValueSettings {
  return {
    ttlAttribute: settings.ttlAttribute,
    ttlStatus: settings.ttlStatus,
    pointInTimeRecovery: settings.pointInTimeRecovery,
  };
}

/**
 * What the state keeps for the next run. A part read tonight replaces the last observed one only
 * when the file changed: figures that move without changing the file must not change the state
 * either (an unchanged re-run writes nothing).
 */
export function nextObserved(
  kept: KeptFacts,
  previous: ConceptState | undefined,
  contentUnchanged: boolean,
): Pick<ConceptState, "lastObserved" | "unrefreshedSince"> {
  const unread = new Set(kept.unrefreshed.map((fact) => fact.part));
  // On an unchanged night with every part read (most files, most nights) the state keeps what it
  // had: its parts are only checked where they are used, by `withLastObserved`.
  const before =
    unread.size === 0 && contentUnchanged
      ? presentParts(previous?.lastObserved)
      : checkedObservedFacts(previous?.lastObserved);
  let current: ObservedFacts | undefined;
  const pick = <K extends UnobservedPart>(part: K): ObservedFacts[K] =>
    unread.has(part) || (contentUnchanged && before[part] !== undefined)
      ? before[part]
      : (current ??= observedFacts(kept.dataset))[part];
  const lastObserved: ObservedFacts = {
    sample: pick("sample"),
    indexes: pick("indexes"),
    tags: pick("tags"),
    settings: pick("settings"),
    statistics: pick("statistics"),
  };
  const since: UnrefreshedSince = Object.fromEntries(
    kept.unrefreshed.map((fact) => [fact.part, fact.since]),
  );
  return {
    lastObserved: Object.values(lastObserved).some((facts) => facts !== undefined)
      ? lastObserved
      : undefined,
    unrefreshedSince: kept.unrefreshed.length > 0 ? since : undefined,
  };
}

/** The parts of a stored `lastObserved` that are there at all, unchecked. */
function presentParts(value: unknown): ObservedFacts {
  if (typeof value !== "object" || value === null) return {};
  const parts = value as Record<UnobservedPart, unknown>;
  const present = (part: UnobservedPart) =>
    typeof parts[part] === "object" && parts[part] !== null ? parts[part] : undefined;
  return {
    sample: present("sample") as ObservedFacts["sample"],
    indexes: present("indexes") as ObservedFacts["indexes"],
    tags: present("tags") as ObservedFacts["tags"],
    settings: present("settings"),
    statistics: present("statistics") as ObservedFacts["statistics"],
  };
}

/**
 * The parts as the file shows them; no sample part when none was profiled (`--no-profile`).
 * Field statistics of a dataset without a profile are their own part.
 */
function observedFacts(dataset: EnrichedDataset): ObservedFacts {
  const fieldStats = Object.fromEntries(
    dataset.fields.flatMap((field) => (field.stats ? [[field.path, field.stats]] : [])),
  );
  return {
    sample: dataset.profile
      ? {
          profile: asShown(dataset.profile),
          findings: dataset.findings,
          suggestedClassification: dataset.suggestedClassification,
          fieldStats,
        }
      : undefined,
    indexes: dataset.indexes,
    tags: dataset.tags,
    settings: dataset.keyValue ? settingsOf(dataset.keyValue) : undefined,
    statistics: !dataset.profile && Object.keys(fieldStats).length > 0 ? fieldStats : undefined,
  };
}

/** Ranges as the file shows them (rounded), so the state holds no value the file does not. */
function asShown(profile: DatasetProfile): DatasetProfile {
  return {
    ...profile,
    fields: profile.fields.map((field) =>
      field.min === undefined || field.max === undefined
        ? field
        : withShownBounds(field, field.min, field.max),
    ),
  };
}

function withShownBounds(field: FieldProfile, low: string, high: string): FieldProfile {
  const [min, max] = shownBounds(low, high);
  return { ...field, min, max };
}

/** One failure per dataset with parts it could not read: the source's run is then partial. */
export function unrefreshedFailure(
  dataset: EnrichedDataset,
  unrefreshed: readonly UnrefreshedFact[],
): ExtractionFailure | undefined {
  if (unrefreshed.length === 0) return undefined;
  const parts = unrefreshed.map((fact) => `${unrefreshedWhat(fact.part)}: ${fact.reason}`);
  const kept = unrefreshed.some((fact) => fact.known);
  return {
    scope: dataset.ref,
    message: `could not read ${parts.join("; ")}`,
    hint: kept
      ? "The file keeps what was last observed, and says since when; the next run that can read it refreshes it."
      : "Nothing was observed before; the file says so until a run can read it.",
  };
}
