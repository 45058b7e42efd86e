import { pathCell, sourceCell } from "../knowledge-file/markdown-table.js";
import { inlineSource } from "../knowledge-file/markdown-text.js";
import type { EnrichedDataset, Index } from "../model/index.js";
import { typeNames, seenIn } from "./attribute-view.js";
import { code, codeList, formatRounded } from "./format.js";
import { profileText, rareFieldBullets, rareShare, sensitivePaths } from "./profile-view.js";

export interface StructureRow {
  field: string;
  types: string;
  seen: string;
  required: string;
}

/**
 * Document Structure rows: every sampled path with its types, presence and whether it is
 * required (by the validator, or present in every sampled document), plus what the sample
 * says about its values when the field is not sensitive.
 */
export function structureRows(
  dataset: EnrichedDataset,
  decisions: ReadonlyMap<string, string>,
): StructureRow[] {
  const sensitive = sensitivePaths(dataset, decisions);
  const required = new Set(dataset.document?.requiredFields ?? []);
  return (dataset.profile?.fields ?? []).map((profile) => {
    const nested = /\[\]\./.test(profile.path);
    const always = profile.sampled > 0 && profile.present === profile.sampled;
    const verdict = required.has(profile.path)
      ? "yes (validator)"
      : nested
        ? ""
        : always
          ? "yes"
          : profile.present / Math.max(profile.sampled, 1) < rareShare
            ? "no — rare"
            : "no";
    const facts = profileText(undefined, profile, {
      tableRows: dataset.stats?.rowEstimate,
      complete: dataset.profile?.complete,
      sensitive: sensitive.has(profile.path),
      typeMix: false,
      sampleDistinct: false,
    });
    return {
      field: pathCell(profile.path),
      types: sourceCell(typeNames(profile)),
      seen: seenIn(profile),
      required: sourceCell([verdict, facts].filter(Boolean).join(" — ")),
    };
  });
}

function direction(kind: string): string {
  if (kind === "1") return "ascending";
  if (kind === "-1") return "descending";
  return inlineSource(kind);
}

/** One bullet per index: what it is, and the query it serves. */
export function documentIndexBullets(indexes: readonly Index[]): string[] {
  return indexes.map((index) => {
    const keys = index.keys ?? index.columns.map((field) => ({ field, kind: "1" }));
    const traits = [
      index.unique ? "unique" : "",
      index.sparse ? "sparse" : "",
      index.predicate ? `partial (${code(index.predicate)})` : "",
    ].filter(Boolean);
    const head = `${code(index.name)}${traits.length > 0 ? ` ${traits.join(", ")}` : ""}`;
    if (index.expireAfterSeconds !== undefined && keys[0]) {
      return `${head}: TTL, documents expire ${retention(index.expireAfterSeconds)} after ${code(keys[0].field)}.`;
    }
    const text = keys.filter((key) => key.kind === "text").map((key) => key.field);
    if (text.length > 0) return `${head}: full-text search (\`$text\`) over ${codeList(text)}.`;
    const geo = keys.find((key) => key.kind.startsWith("2d"));
    if (geo)
      return `${head}: geospatial queries (\`$near\`, \`$geoWithin\`) on ${code(geo.field)}.`;
    const [first, ...rest] = keys;
    if (!first) return head;
    if (first.field === "_id" && rest.length === 0)
      return `${head}: find one document by ${code("_id")}.`;
    const what = index.unique ? "find the one document with a given" : "find documents by";
    const order =
      rest.length > 0
        ? `, then ${rest.map((k) => `${code(k.field)} ${direction(k.kind)}`).join(", ")}`
        : "";
    return `${head}: ${what} ${code(first.field)}${order}${rest.length > 0 ? " (equality on the first key, ranges or sorts on the next)" : ""}.`;
  });
}

function retention(seconds: number): string {
  if (seconds === 0) return "at the date held in the field";
  const days = seconds / 86_400;
  return Number.isInteger(days) ? `${String(days)} days` : `${formatRounded(seconds)} seconds`;
}

/** Retention and validation facts for Data Quality and Retention. */
export function documentQualityBullets(dataset: EnrichedDataset): string[] {
  const bullets: string[] = [];
  for (const index of dataset.indexes) {
    const field = index.keys?.[0]?.field ?? index.columns[0];
    if (index.expireAfterSeconds !== undefined && field) {
      bullets.push(
        `Retention: ${retention(index.expireAfterSeconds)} through the TTL index ${code(index.name)} on ${code(field)}.`,
      );
    }
  }
  const facts = dataset.document;
  if (facts?.requiredFields.length) {
    const enforcement = inlineSource(
      [facts.validationLevel, facts.validationAction].filter(Boolean).join(", "),
    );
    bullets.push(
      `The validator requires ${codeList(facts.requiredFields)}${enforcement ? ` (${enforcement})` : ""}.`,
    );
  } else if (facts && !facts.viewOn) {
    bullets.push("No validator: documents of any shape are accepted.");
  }
  if (facts?.capped)
    bullets.push("Capped collection: the oldest documents are overwritten when it is full.");
  bullets.push(...rareFieldBullets(dataset, "documents"));
  return bullets;
}
