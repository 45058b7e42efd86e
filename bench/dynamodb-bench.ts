/**
 * `npm run bench` (DynamoDB part): extraction wall time of 500 tables in dynalite at the default
 * concurrency against concurrency 1. dynalite runs in this process, so a call costs microseconds
 * of network; `--latency MS` adds a fixed delay per call through a local proxy, closer to a real
 * region (a few ms per call). Catalog only by default; `--sample` also reads each table's sample.
 *
 *   npx tsx bench/dynamodb-bench.ts                      # 500 tables, latency 0 and 5 ms
 *   npx tsx bench/dynamodb-bench.ts --tables 200 --latency 10 --runs 3 --sample
 */
import { startDynamoProxy } from "../src/demo/dynamo-proxy.js";
import { parseArgs } from "node:util";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { dynamodbExtractor } from "../extractors/dynamodb/dynamodb-extractor.js";
import { dynamodbSourceSchema } from "../extractors/dynamodb/config-schema.js";
import { startEmbeddedDynamo } from "../src/demo/embedded-dynamodb.js";
import { createTable, putItems } from "../src/demo/seed/dynamo-writes.js";

const { values } = parseArgs({
  options: {
    tables: { type: "string", default: "500" },
    runs: { type: "string", default: "3" },
    latency: { type: "string", multiple: true },
    sample: { type: "boolean", default: false },
  },
});
const tableCount = Number(values.tables);
const runs = Number(values.runs);
const latencies = (values.latency ?? ["0", "5"]).map(Number);
const progress = (line: string): void => void process.stderr.write(`${line}\n`);

async function seed(endpoint: string, region: string): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region,
    credentials: { accessKeyId: "b", secretAccessKey: "b" },
  });
  for (let index = 0; index < tableCount; index++) {
    const name = `bench_${String(index).padStart(4, "0")}`;
    await createTable(client, {
      TableName: name,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: [
        { AttributeName: "pk", AttributeType: "S" },
        { AttributeName: "sk", AttributeType: "N" },
      ],
      KeySchema: [
        { AttributeName: "pk", KeyType: "HASH" },
        { AttributeName: "sk", KeyType: "RANGE" },
      ],
    });
    const items = Array.from({ length: 20 }, (_, i) => ({
      pk: `P#${String(i % 4)}`,
      sk: i,
      payload: { n: i, tag: "x" },
    }));
    await putItems(client, name, items);
  }
  client.destroy();
}

interface Measured {
  seconds: number;
  datasets: number;
  calls: number;
  sampled: number;
}

async function measure(endpoint: string, region: string, concurrency: number): Promise<Measured> {
  const config = dynamodbSourceSchema.parse({ name: "bench", type: "dynamodb", region, endpoint });
  const started = performance.now();
  const extraction = await dynamodbExtractor.open(config, {
    profile: values.sample,
    concurrency,
    onProgress: () => undefined,
  });
  let datasets = 0;
  let sampled = 0;
  for await (const item of extraction.items) {
    if (!("dataset" in item)) continue;
    datasets += 1;
    const sample = values.sample ? extraction.sample?.(item.dataset, 10_000) : undefined;
    if (!sample) continue;
    for await (const record of sample) if (Object.keys(record).length > 0) sampled += 1;
  }
  const calls = extraction.requestCount();
  await extraction.close();
  return { seconds: (performance.now() - started) / 1000, datasets, calls, sampled };
}

const median = (numbers: number[]): number =>
  [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)] ?? 0;

const engine = await startEmbeddedDynamo();
const lines = [
  "| tables | latency ms | concurrency | datasets | catalog calls | items sampled | runs (s) | median s |",
  "|---:|---:|---:|---:|---:|---:|---|---:|",
];
try {
  progress(`Creating ${String(tableCount)} tables of 20 items in dynalite`);
  await seed(engine.endpoint, engine.region);
  for (const latency of latencies) {
    // Each request held `latency` ms first: a round trip to a region.
    const proxy =
      latency > 0 ? await startDynamoProxy(engine.endpoint, { delayMs: latency }) : undefined;
    try {
      for (const concurrency of [4, 1]) {
        const results: Measured[] = [];
        for (let run = 0; run < runs; run++)
          results.push(
            await measure(proxy?.endpoint ?? engine.endpoint, engine.region, concurrency),
          );
        const seconds = results.map((result) => result.seconds);
        const last = results.at(-1);
        lines.push(
          `| ${String(tableCount)} | ${String(latency)} | ${String(concurrency)}${concurrency === 4 ? " (default)" : ""} | ${String(last?.datasets)} | ${String(last?.calls)} | ${String(last?.sampled)} | ${seconds.map((s) => s.toFixed(2)).join(", ")} | ${median(seconds).toFixed(2)} |`,
        );
        progress(lines.at(-1) ?? "");
      }
    } finally {
      await proxy?.stop();
    }
  }
} finally {
  await engine.stop();
}
process.stdout.write(
  `${lines.join("\n")}\n${values.sample ? "With samples read.\n" : "Catalog only (no samples).\n"}`,
);
