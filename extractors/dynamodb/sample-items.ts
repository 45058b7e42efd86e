import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import pLimit from "p-limit";
import type {
  KeyAttribute,
  KeyValueFacts,
  RecordSample,
  SampleOutcome,
} from "../../src/model/index.js";
import { compareText } from "../shared/order.js";
import type { DynamoApi } from "./dynamo-api.js";
import { awsFailureReason } from "../shared/aws-errors.js";
import { ItemDecoder } from "./native-values.js";

type Item = Record<string, AttributeValue>;

/** Parallel Scan segments per sample: spreads the sample over the key space. */
const scanSegments = 4;

interface SegmentState {
  segment: number;
  startKey?: Item;
  done: boolean;
}

/** `total` split over `parts` whole shares that differ by at most one, larger shares first. */
function shares(total: number, parts: number): number[] {
  return Array.from(
    { length: parts },
    (_, index) => Math.floor(total / parts) + (index < total % parts ? 1 : 0),
  );
}

function compareAttribute(
  a: AttributeValue | undefined,
  b: AttributeValue | undefined,
  type: string,
): number {
  if (type === "N" && a?.N !== undefined && b?.N !== undefined) {
    return Number(a.N) - Number(b.N) || compareText(a.N, b.N);
  }
  if (type === "B" && a?.B !== undefined && b?.B !== undefined) return Buffer.compare(a.B, b.B);
  return compareText(a?.S ?? a?.N ?? "", b?.S ?? b?.N ?? "");
}

/** Items by partition key, then sort key: the same table state always gives the same order. */
function byTableKey(keys: KeyAttribute[]): (a: Item, b: Item) => number {
  return (a, b) => {
    for (const key of keys) {
      const order = compareAttribute(a[key.name], b[key.name], key.type);
      if (order !== 0) return order;
    }
    return 0;
  };
}

export interface SampleOptions {
  /** `profile.sample_items`: never more items than this, whatever the profiler asks for. */
  maxItems: number;
  /** Scan segments read at once (the source's concurrency). */
  concurrency: number;
  report: (message: string) => void;
}

/**
 * The sample of one table: a parallel Scan of `scanSegments` segments. The cap is shared
 * out between the segments; one that runs out of items passes its share to the others in the
 * next round, so a small table ends after its first pages and a large one is never read past
 * the cap. Each segment reads a prefix of its own key range, which DynamoDB returns in a fixed
 * order, so the items read, and their order once sorted by key, depend only on the table state.
 * Eventually consistent reads: half the read capacity of strongly consistent ones.
 */
export function itemSampler(
  api: DynamoApi,
  table: string,
  keyValue: KeyValueFacts,
  options: SampleOptions,
): (limit: number) => RecordSample {
  const keys = [keyValue.partitionKey, ...(keyValue.sortKey ? [keyValue.sortKey] : [])];
  return (limit) => {
    const cap = Math.max(0, Math.min(limit, options.maxItems));
    const segments = Math.max(1, Math.min(scanSegments, cap));
    const pageLimit = Math.max(1, Math.ceil(cap / segments));
    const decoder = new ItemDecoder();
    const method =
      `a parallel Scan of ${String(segments)} segments (page limit ${pageLimit.toLocaleString("en-US")}), ` +
      `capped at ${cap.toLocaleString("en-US")} items`;

    const readSegment = async (state: SegmentState, quota: number, into: Item[]): Promise<void> => {
      let left = quota;
      while (left > 0 && !state.done) {
        const page = await api.scan({
          TableName: table,
          Segment: state.segment,
          TotalSegments: segments,
          Limit: Math.min(pageLimit, left),
          ExclusiveStartKey: state.startKey,
          ConsistentRead: false,
        });
        const items = (page.Items ?? []).slice(0, left);
        into.push(...items);
        left -= items.length;
        state.startKey = page.LastEvaluatedKey;
        state.done = state.startKey === undefined;
      }
    };

    const readAll = async (): Promise<Item[]> => {
      const states: SegmentState[] = Array.from({ length: segments }, (_, segment) => ({
        segment,
        done: false,
      }));
      const perSegment: Item[][] = states.map(() => []);
      const limitSegments = pLimit(Math.max(1, Math.min(segments, options.concurrency)));
      let collected = 0;
      while (collected < cap) {
        const open = states.filter((state) => !state.done);
        if (open.length === 0) break;
        const quotas = shares(cap - collected, open.length);
        await Promise.all(
          open.map((state, index) =>
            limitSegments(() =>
              readSegment(state, quotas[index] ?? 0, perSegment[state.segment] ?? []),
            ),
          ),
        );
        collected = perSegment.reduce((sum, items) => sum + items.length, 0);
      }
      return perSegment.flat().sort(byTableKey(keys)).slice(0, cap);
    };

    let outcome: SampleOutcome = { status: "read", method, complete: false };

    return {
      outcome: () => outcome,
      nativeType: (value) => decoder.nativeType(value),
      async *[Symbol.asyncIterator]() {
        if (cap === 0) return;
        let items: Item[];
        try {
          items = await readAll();
        } catch (error) {
          // A Scan denied, or throttled past the SDK's retries: the profile is unknown this run.
          const reason = awsFailureReason(error).text;
          outcome = { status: "failed", reason };
          options.report(`${table} not sampled: ${reason}`);
          return;
        }
        for (const item of items) yield decoder.decode(item);
      },
    };
  };
}
