import type { z } from "zod";
import { formatPath } from "../shared/config-format-path.js";
import { SourceError } from "../../src/errors.js";
import type { DatasetRef, ExtractionFailure } from "../../src/model/index.js";
import {
  datasetLineSchema,
  datasetLinesVersion,
  failureLineSchema,
  headerLineSchema,
  type DatasetLine,
  type HeaderLine,
} from "./line-schema.js";

export interface ParsedLines {
  header: HeaderLine;
  /** Datasets and failures in line order. */
  items: Array<DatasetLine | { failure: ExtractionFailure }>;
}

const lineHint =
  "Validate the program's output against schema/okf-dataset-lines-1.schema.json (docs/sources/external.md).";

/** A line's problem, never its content: the line can hold data (a sample's records). */
function lineError(line: number, problem: string): SourceError {
  return new SourceError(`line ${String(line)} of the dataset lines ${problem}`, lineHint);
}

function issuesOf(error: z.ZodError): string {
  const shown = error.issues.slice(0, 3).map((issue) => {
    const path = issue.path.length === 0 ? "" : `${formatPath(issue.path)}: `;
    return `${path}${issue.message}`;
  });
  const more = error.issues.length - shown.length;
  return shown.join("; ") + (more > 0 ? ` (and ${String(more)} more)` : "");
}

/** Each non-blank line with its 1-based number, decoded one at a time. */
function* linesOf(output: Buffer): Generator<[number, string]> {
  let start = 0;
  for (let number = 1; start < output.length; number++) {
    const end = output.indexOf(0x0a, start);
    const stop = end === -1 ? output.length : end;
    const text = output.toString("utf8", start, stop).trim();
    if (text !== "") yield [number, text];
    start = stop + 1;
  }
}

function parseJson(number: number, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw lineError(number, "is not valid JSON");
  }
}

function parseHeader(number: number, value: unknown): HeaderLine {
  const version =
    value !== null && typeof value === "object" && "okf_dataset_lines" in value
      ? value.okf_dataset_lines
      : undefined;
  if (version === undefined) {
    throw lineError(number, "is not an okf dataset-lines header (it has no okf_dataset_lines).");
  }
  if (version !== datasetLinesVersion) {
    throw new SourceError(
      `The dataset lines are version ${JSON.stringify(version).slice(0, 20)}; this okf reads version ${String(datasetLinesVersion)}.`,
      "Have the program write version 1 (docs/sources/external.md), or upgrade okf if it reads a newer one.",
    );
  }
  const header = headerLineSchema.safeParse(value);
  if (!header.success) throw lineError(number, `is not a valid header: ${issuesOf(header.error)}`);
  return header.data;
}

function parseItem(number: number, value: unknown): ParsedLines["items"][number] {
  const isObject = value !== null && typeof value === "object" && !Array.isArray(value);
  const schema = isObject && "failure" in value ? failureLineSchema : datasetLineSchema;
  if (!isObject || !("failure" in value || "dataset" in value)) {
    throw lineError(number, 'is neither a {"dataset": …} nor a {"failure": …} line.');
  }
  const item = schema.safeParse(value);
  if (!item.success) throw lineError(number, `is not valid: ${issuesOf(item.error)}`);
  return item.data;
}

export const refKey = (ref: DatasetRef) => JSON.stringify([ref.database, ref.schema, ref.name]);
export const refName = (ref: DatasetRef) =>
  [ref.database, ref.schema, ref.name].filter((part) => part !== undefined).join(".");

/** Every line read and checked: a header first, then datasets with unique refs and failures. */
export function parseDatasetLines(output: Buffer): ParsedLines {
  let header: HeaderLine | undefined;
  const items: ParsedLines["items"] = [];
  const seen = new Map<string, number>();
  for (const [number, text] of linesOf(output)) {
    const value = parseJson(number, text);
    if (header === undefined) {
      header = parseHeader(number, value);
      continue;
    }
    const item = parseItem(number, value);
    if ("dataset" in item) {
      const key = refKey(item.dataset.ref);
      const first = seen.get(key);
      if (first !== undefined) {
        throw lineError(
          number,
          `repeats dataset ${refName(item.dataset.ref)} of line ${String(first)}.`,
        );
      }
      seen.set(key, number);
    }
    items.push(item);
  }
  if (header === undefined) {
    throw new SourceError(
      "The dataset lines are empty: line 1 must be the header.",
      `Print {"okf_dataset_lines": ${String(datasetLinesVersion)}, "resource": "…"} first (docs/sources/external.md).`,
    );
  }
  return { header, items };
}
