import type { RecordSample } from "../../src/model/index.js";
import type { InlineSample } from "./line-schema.js";

/**
 * The records a line brought with it, at most `limit` of them. They are complete, every record
 * of the dataset, only when the line says so and none was cut by the limit.
 */
export function inlineSample(sample: InlineSample, limit: number): RecordSample {
  const records = sample.records.slice(0, limit);
  const complete = sample.complete === true && sample.records.length <= limit;
  return {
    async *[Symbol.asyncIterator]() {
      for (const record of records) yield await Promise.resolve(record);
    },
    outcome: () => ({ status: "read", method: sample.method, complete }),
  };
}
