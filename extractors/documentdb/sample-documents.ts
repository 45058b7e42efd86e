import type { Collection, Document } from "mongodb";
import type { RecordSample, SampleOutcome } from "../../src/model/index.js";
import { detailOf, failureReason, isUnauthorized, serverCode } from "./errors.js";
import type { LostServer } from "./lost-server.js";
import { connectionLost } from "../shared/failure-reasons.js";
import { bsonTypeName, plainDocument } from "./native-types.js";

/** Samples and fallbacks stop after this long on the server. */
const sampleTimeMs = 60_000;

/**
 * Codes of servers that refuse `$sample` itself: unknown stage (40324), command or operation
 * not supported (115, 303), and DocumentDB's "Feature not supported" (its messages name it).
 */
const sampleRefused = new Set([40324, 115, 303]);

function refusesSample(error: unknown): boolean {
  const code = serverCode(error);
  if (code === undefined || isUnauthorized(error)) return false;
  if (sampleRefused.has(code)) return true;
  return error instanceof Error && /\$sample|not supported/i.test(error.message);
}

export interface SampleOptions {
  /** `profile.sample_documents`: never more documents than this. */
  maxDocuments: number;
  report: (message: string) => void;
  /** Counts one aggregate or find. */
  onCommand: () => void;
  /** Once the run has lost its server, samples fail at once instead of waiting for it. */
  lostServer?: LostServer;
}

const count = (n: number) => n.toLocaleString("en-US");

/**
 * The sample of one collection: `aggregate([{ $sample: { size } }])`, a random sample that
 * never scans the whole collection when `size` is under 5% of it (MongoDB and DocumentDB pick
 * random documents through an index then). A server that refuses `$sample` gets
 * `find().sort({ _id: 1 }).limit(size)`: the first documents by `_id`, which is not random
 * (with ObjectIds, the oldest ones); the description says so.
 */
export function documentSampler(
  collection: Collection,
  label: string,
  options: SampleOptions,
): (limit: number) => RecordSample {
  return (limit) => {
    const size = Math.max(0, Math.min(limit, options.maxDocuments));
    let method = `a $sample of ${count(size)} documents`;
    const read = async (): Promise<Document[]> => {
      options.onCommand();
      try {
        return await collection
          .aggregate([{ $sample: { size } }], { maxTimeMS: sampleTimeMs })
          .toArray();
      } catch (error) {
        if (!refusesSample(error)) throw error;
        method =
          `the first ${count(size)} documents by _id (find; the server refused $sample: ` +
          `${detailOf(error)}), not a random sample`;
        options.onCommand();
        return collection
          .find({}, { maxTimeMS: sampleTimeMs })
          .sort({ _id: 1 })
          .limit(size)
          .toArray();
      }
    };
    let failure: string | undefined;
    return {
      outcome: (): SampleOutcome =>
        failure === undefined
          ? { status: "read", method, complete: false }
          : { status: "failed", reason: failure },
      nativeType: bsonTypeName,
      async *[Symbol.asyncIterator]() {
        if (size === 0) return;
        // Not authorized, a time limit, a lost connection: the pipeline reports the failed
        // sample once for the collection, so nothing is recorded here besides the reason.
        const fail = (reason: string): void => {
          failure = reason;
          options.report(`${label} not sampled: ${reason}`);
        };
        if (options.lostServer?.isLost === true) {
          fail(connectionLost().text);
          return;
        }
        let documents: Document[];
        try {
          documents = await read();
        } catch (error) {
          options.lostServer?.note(error);
          fail(failureReason(error).text);
          return;
        }
        for (const document of documents) yield plainDocument(document) as Record<string, unknown>;
      },
    };
  };
}
