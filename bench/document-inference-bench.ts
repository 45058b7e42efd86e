/**
 * `npm run bench` (DocumentDB part): structure-inference throughput. Generates documents shaped
 * like the sample customers (nested address, an array of account numbers, a `tier_and_details`
 * map keyed by generated ids, a birth date, an ObjectId) and profiles them with the pipeline's
 * own profile stage and the DocumentDB extractor's BSON type names, then prints documents per
 * second. No server: this measures inference alone, not the wire.
 *
 *   npx tsx bench/document-inference-bench.ts
 *   npx tsx bench/document-inference-bench.ts --documents 20000 --runs 5
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { ObjectId } from "mongodb";
import { bsonTypeName } from "../extractors/documentdb/native-types.js";
import type { RecordSample } from "../src/model/index.js";
import { newDataset } from "../src/model/new-dataset.js";
import { profileDataset } from "../src/profiler/profile-dataset.js";

const { values } = parseArgs({
  options: {
    documents: { type: "string", default: "100000" },
    runs: { type: "string", default: "3" },
  },
});
const documentCount = Number(values.documents);
const runs = Number(values.runs);
if (
  !Number.isSafeInteger(documentCount) ||
  documentCount < 1 ||
  !Number.isSafeInteger(runs) ||
  runs < 1
) {
  throw new Error("--documents and --runs must be positive whole numbers");
}

const tiers = ["Bronze", "Silver", "Gold", "Platinum"];
const benefits = ["sports tickets", "concierge services", "car rental", "shopping discounts"];

function customer(index: number): Record<string, unknown> {
  const details: Record<string, unknown> = {};
  for (let n = 0; n < 1 + (index % 3); n++) {
    const id = randomBytes(16).toString("hex");
    details[id] = {
      tier: tiers[(index + n) % 4],
      id,
      active: n % 2 === 0,
      benefits: benefits.slice(0, 1 + (n % 3)),
    };
  }
  return {
    _id: new ObjectId(),
    username: `user${String(index)}`,
    name: `Person Number${String(index % 977)}`,
    address: `${String(index % 9999)} Main Street\nSpringfield, CO ${String(10000 + (index % 89999))}`,
    birthdate: new Date(Date.UTC(1950 + (index % 50), index % 12, 1 + (index % 28))),
    email: `user${String(index)}@example.com`,
    active: index % 5 !== 0,
    accounts: Array.from(
      { length: 1 + (index % 6) },
      (_, n) => 100000 + ((index * 7 + n) % 900000),
    ),
    tier_and_details: details,
  };
}

const documents = Array.from({ length: documentCount }, (_, index) => customer(index));
const dataset = newDataset({
  ref: { database: "sample_analytics", name: "customers" },
  kind: "document_collection",
  objectType: "collection",
  resource: "mongodb://bench/sample_analytics/customers",
});
const sample: RecordSample = {
  outcome: () => ({
    status: "read",
    method: `${documentCount.toLocaleString("en-US")} generated documents`,
    complete: false,
  }),
  nativeType: bsonTypeName,
  async *[Symbol.asyncIterator]() {
    for (const document of documents) yield await Promise.resolve(document);
  },
};

const rates: number[] = [];
let paths = 0;
for (let run = 0; run < runs; run++) {
  const started = process.hrtime.bigint();
  const { dataset: profiled } = await profileDataset(dataset, sample, {
    sampleRows: documentCount,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  paths = profiled.profile?.fields.length ?? 0;
  rates.push(documentCount / seconds);
  process.stdout.write(
    `run ${String(run + 1)}: ${documentCount.toLocaleString("en-US")} documents in ${seconds.toFixed(2)} s ` +
      `= ${Math.round(documentCount / seconds).toLocaleString("en-US")} documents/s (${String(paths)} paths)\n`,
  );
}
const median = [...rates].sort((a, b) => a - b)[Math.floor(rates.length / 2)] ?? 0;
process.stdout.write(
  `document inference: median ${Math.round(median).toLocaleString("en-US")} documents/s over ${String(runs)} runs\n`,
);
