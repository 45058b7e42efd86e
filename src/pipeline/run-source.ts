import type { Extractor, SourceExtraction } from "../../extractors/extractor.js";
import { extractorFor } from "../../extractors/registry.js";
import { planConceptPaths, refKey } from "../bundle/concept-paths.js";
import { deprecateMissing } from "./deprecate-missing.js";
import {
  okfReadsStillCounted,
  recordOkfReads,
  withoutOkfReads,
  type CountedTonight,
} from "./okf-reads.js";
import { keptAsItWasNote } from "./kept-as-it-was.js";
import { linkedConceptPaths, linkedSources } from "./linked-concepts.js";
import { datasetsOf } from "./extraction-items.js";
import { lineageOrder } from "./lineage-order.js";
import { unrefreshedFailure, withLastObserved } from "./last-observed.js";
import type { SourceState } from "../bundle/source-state.js";
import { beginSourceState } from "./source-state-notes.js";
import { classifyDataset } from "../classifier/classify-dataset.js";
import { KeyIndex } from "../relate/key-index.js";
import { relateDataset, waitsForKeys } from "../relate/join-candidates.js";
import type { OkfConfig, SourceConfig } from "../config/schema.js";
import { knownCloud } from "../config/source-cloud.js";
import { KnowledgeFileError, OkfError } from "../errors.js";
import type { Dataset, ExtractionFailure, SensitiveFinding } from "../model/index.js";
import { profileDataset } from "../profiler/profile-dataset.js";
import type { TemplateSet } from "../render/templates.js";
import { redact } from "../secrets.js";
import type { BundleFiles } from "./bundle-files.js";
import type { ExtractResult, SourceOutcome } from "./extract-types.js";
import {
  writeConceptFile,
  type ConceptFileWriter,
  type RenderContext,
} from "./write-concept-file.js";

export interface SourceRun {
  config: OkfConfig;
  source: SourceConfig;
  files: BundleFiles;
  templates: TemplateSet;
  now: string;
  profile: boolean;
  concurrency: number;
  progress: (line: string) => void;
  unparseable: ExtractResult["unparseable"];
}

export async function runSource(run: SourceRun): Promise<SourceOutcome> {
  const started = Date.now();
  const { source } = run;
  const outcome: SourceOutcome = {
    name: source.name,
    status: "ok",
    created: [],
    changed: [],
    unchanged: [],
    deprecated: [],
    changes: [],
    failures: [],
    notes: [],
    requestCount: 0,
    durationMs: 0,
  };
  const extractor = extractorFor(source);
  let extraction: SourceExtraction | undefined;
  try {
    run.progress(`${source.name}: reading the ${extractor.vocabulary.engine} catalog`);
    extraction = await extractor.open(source, {
      profile: run.profile,
      concurrency: run.concurrency,
      onProgress: (line) => {
        run.progress(redact(line));
      },
    });
    const failures: ExtractionFailure[] = [];
    await writeConcepts(run, extractor, extraction, { outcome, failures });
    outcome.failures.push(...failures.map((failure) => describeFailure(failure)));
    if (failures.length > 0) outcome.status = "partial";
  } catch (error) {
    if (!(error instanceof OkfError) || error instanceof KnowledgeFileError) throw error;
    outcome.status = "failed";
    outcome.failures.push({ message: redact(error.message), hint: error.hint });
  } finally {
    outcome.requestCount = extraction?.requestCount() ?? 0;
    await extraction?.close();
    outcome.durationMs = Date.now() - started;
  }
  outcome.changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return outcome;
}

async function writeConcepts(
  run: SourceRun,
  extractor: Extractor<SourceConfig>,
  extraction: SourceExtraction,
  { outcome, failures }: { outcome: SourceOutcome; failures: ExtractionFailure[] },
): Promise<void> {
  const { source, files } = run;
  const domain = source.domain;
  const vocabulary = extraction.vocabulary ?? extractor.vocabulary;
  const linkedPathOf = await linkedConceptPaths(files.bundleDir, linkedSources(source));
  const plan = planConceptPaths(source.name, extraction.refs, domain);
  const state = await beginSourceState(run, outcome);
  const previous = state.previous;
  const next: SourceState = { version: 1, concepts: {} };
  if (extraction.leftOut && extraction.leftOut.length > 0) next.leftOut = extraction.leftOut;
  const defaults = run.config.defaults;
  const initial = {
    domain,
    owner: defaults.owner,
    steward: defaults.steward,
    environment: defaults.environment,
    source_system: defaults.source_system,
    freshness_sla: defaults.freshness_sla,
    agent_usage: defaults.agent_usage,
  };
  const writer: ConceptFileWriter = {
    files,
    state,
    templates: run.templates,
    now: run.now,
    initial,
  };
  const renderSource: RenderContext["source"] = {
    name: source.name,
    system: source.system ?? vocabulary.system,
    domain,
    cloud: knownCloud(source, defaults.cloud),
    resource: extraction.resource,
    vocabulary,
  };
  // Findings of the datasets handled so far, for the view columns that come from them.
  const findingsByRef = new Map<string, SensitiveFinding[]>();
  const keys = new KeyIndex(extraction.refs);
  if (extraction.catalogInMemory) {
    for await (const dataset of datasetsOf(extraction.items, [])) keys.add(dataset);
  }
  const okfCounted = new Map<string, CountedTonight>();
  const ordered = lineageOrder(
    datasetsOf(extraction.items, failures),
    (key) => plan.has(key),
    keysOfSource(keys),
  );
  const sampleRows = extractor.sampleLimit(source);
  for await (const dataset of ordered) {
    const planned = plan.get(refKey(dataset.ref));
    if (!planned) continue;
    const reads = okfReadsStillCounted(previous.concepts[planned.path]?.okfReads, dataset.usage);
    okfCounted.set(planned.path, { reads, statsReset: dataset.usage?.statsReset });
    const usage = withoutOkfReads(dataset.usage, reads);
    // Read only now, when it is profiled: `--no-profile` sends no sample query.
    const sample = run.profile ? extraction.sample?.(dataset, sampleRows) : undefined;
    const profiled = await profileDataset(usage ? { ...dataset, usage } : dataset, sample, {
      sampleRows,
    });
    const enriched = classifyDataset(
      profiled.dataset,
      profiled.samples,
      run.config.classification ?? {},
      (ref) => findingsByRef.get(refKey(ref)),
    );
    const before = previous.concepts[planned.path];
    const kept = withLastObserved(relateDataset(enriched, keys), before, run.now.slice(0, 10));
    const remember = (rejected: readonly string[] = []) => {
      const findings = kept.dataset.findings.filter((f) => !rejected.includes(f.path));
      if (findings.length > 0) findingsByRef.set(refKey(dataset.ref), findings);
    };
    const unread = unrefreshedFailure(kept.dataset, kept.unrefreshed);
    if (unread) {
      outcome.failures.push(describeFailure(unread));
      outcome.status = "partial";
    }
    try {
      const written = await writeConceptFile(writer, {
        kept,
        previous: before,
        render: {
          path: planned.path,
          id: planned.id,
          pathOf: (ref) => plan.get(refKey(ref))?.path,
          linkedPathOf,
          unrefreshed: kept.unrefreshed,
          source: renderSource,
        },
      });
      next.concepts[planned.path] = written.entry;
      if (written.keptAsItWas) {
        remember();
        outcome.unchanged.push(planned.path);
        outcome.notes.push({ file: planned.path, note: keptAsItWasNote });
        continue;
      }
      const { merged } = written;
      // A finding a person rejected on the base column is not carried to views of it.
      remember(merged.rejectedPaths);
      outcome[merged.action].push(planned.path);
      outcome.notes.push(...merged.notes.map((note) => ({ file: planned.path, note })));
      if (merged.action !== "unchanged") {
        outcome.changes.push({
          path: planned.path,
          title: dataset.ref.name,
          action: merged.action,
          details: merged.details,
          updated: merged.updated,
          newFindings: merged.newFindings,
          movedToReview: merged.movedToReview,
        });
      }
    } catch (error) {
      if (!(error instanceof KnowledgeFileError)) throw error;
      run.unparseable.push({ file: planned.path, message: error.message, hint: error.hint });
      remember();
      if (before) next.concepts[planned.path] = before;
    }
  }
  recordOkfReads(
    next.concepts,
    okfCounted,
    extraction.ownScans?.() ?? [],
    (ref) => plan.get(refKey(ref))?.path,
  );
  await deprecateMissing(run, previous, next, failures, outcome);
  if (await state.commit(next)) files.written++;
}

/**
 * Join candidates need the keys of the other tables of the source before the first file is
 * written, but the refs (known up front) carry names only. Where the catalog is in memory
 * (PostgreSQL, MySQL, Redshift, external), one extra pass over the items has given every
 * dataset's keys already, at no cost in queries. Elsewhere (DynamoDB describes each table as
 * it is consumed, Glue reads statistics) a second pass would repeat those calls, so a dataset
 * waits only for the tables its columns name (`customer_id` → `customers`), whose keys are
 * indexed as they arrive; the same-name rule then sees the keys that have arrived, which
 * does not matter there: those sources declare no primary or unique keys.
 */
function keysOfSource(keys: KeyIndex) {
  return {
    arrived: (dataset: Dataset) => {
      keys.add(dataset);
    },
    waits: (dataset: Dataset) => waitsForKeys(dataset, keys),
  };
}

function describeFailure(failure: ExtractionFailure): {
  scope?: string;
  message: string;
  hint?: string;
} {
  const scope = failure.scope
    ? [failure.scope.database, failure.scope.schema, failure.scope.name].filter(Boolean).join(".")
    : undefined;
  return { scope, message: redact(failure.message), hint: failure.hint };
}
