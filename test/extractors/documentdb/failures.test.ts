import { afterEach, describe, expect, it } from "vitest";
import { SourceError } from "../../../src/errors.js";
import { profileDataset } from "../../../src/profiler/profile-dataset.js";
import { sampleOf } from "../../helpers/extract-datasets.js";
import { freePort } from "../../helpers/failures.js";
import { collect, datasetNamed, documentdbConfig, openExtraction } from "./fixtures.js";
import { startMockMongo, unauthorized, type MockDatabase, type RunningMock } from "./mock-mongo.js";

let server: RunningMock | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function openError(url: string): Promise<SourceError> {
  const error: unknown = await openExtraction(
    documentdbConfig(url, { server_selection_timeout_ms: 500 }),
  ).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof SourceError))
    throw new Error(`expected a SourceError, got ${String(error)}`);
  return error;
}

function nested(depth: number): Record<string, unknown> {
  let document: Record<string, unknown> = { leaf: "bottom" };
  for (let level = 0; level < depth; level++) document = { child: document };
  return document;
}

const okCollection = {
  name: "ok",
  indexes: [{ v: 2, key: { _id: 1 }, name: "_id_" }],
  documents: [{ a: 1 }],
};

describe("documentdb failures", () => {
  it("reports an unreachable server as a SourceError with a hint and no password", async () => {
    const port = await freePort();
    const error = await openError(
      `mongodb://okf:Sup3rSecretPw@127.0.0.1:${String(port)}/?directConnection=true`,
    );
    expect(error.message).toMatch(
      new RegExp(
        `^Cannot reach mongodb://127\\.0\\.0\\.1:${String(port)} \\(MongoServerSelectionError\\)\\.$`,
      ),
    );
    expect(error.message).not.toContain("Sup3rSecretPw");
    expect(error.message).not.toContain("\n    at ");
    expect(error.hint).toContain("tls_ca_file");
  });

  it("reports failed authentication as a SourceError with a hint", async () => {
    server = await startMockMongo([{ name: "app", collections: [okCollection] }], {
      rejectAuthentication: true,
    });
    const error = await openError(
      `mongodb://okf:WrongPassw0rd@127.0.0.1:${String(server.port)}/?directConnection=true`,
    );
    expect(error.message).toMatch(
      /^Authentication to mongodb:\/\/127\.0\.0\.1:\d+ failed \(code 18[ A-Za-z]*\)\.$/,
    );
    expect(error.message).not.toContain("WrongPassw0rd");
    expect(error.hint).toContain("authSource");
  });

  it("yields a collection whose indexes the user may not list, its indexes unobserved", async () => {
    const databases: MockDatabase[] = [
      {
        name: "app",
        collections: [{ name: "secret", listIndexesError: unauthorized }, okCollection],
      },
    ];
    server = await startMockMongo(databases);
    const { extraction } = await openExtraction(documentdbConfig(server.url));
    const { datasets, failures } = await collect(extraction);
    await extraction.close();
    expect(datasets.map((d) => d.ref.name)).toEqual(["ok", "secret"]);
    expect(datasets[1]?.unobserved).toEqual([
      { part: "indexes", reason: "listIndexes: not authorized (code 13 Unauthorized)" },
    ]);
    expect(datasets[0]?.unobserved).toBeUndefined();
    expect(failures).toEqual([]);
  });

  it("keeps the catalog facts of a collection whose sample is denied, its sample unobserved", async () => {
    server = await startMockMongo([
      { name: "app", collections: [{ ...okCollection, aggregateError: unauthorized }] },
    ]);
    const { extraction, progress } = await openExtraction(documentdbConfig(server.url));
    const {
      datasets: [ok],
      failures,
    } = await collect(extraction);
    if (!ok) throw new Error("no dataset");
    const { dataset } = await profileDataset(ok, sampleOf(extraction, ok, 100), {
      sampleRows: 100,
    });
    await extraction.close();
    expect(dataset.indexes).toHaveLength(1);
    expect(dataset.profile).toBeUndefined();
    expect(dataset.unobserved).toEqual([
      { part: "sample", reason: "not authorized (code 13 Unauthorized)" },
    ]);
    // The pipeline reports the failed sample once; the extractor does not add a failure.
    expect(failures).toEqual([]);
    expect(progress.some((line) => line.includes("app.ok not sampled"))).toBe(true);
  });

  it("scopes a database whose collections cannot be listed to the whole database", async () => {
    server = await startMockMongo([
      { name: "locked", collections: [], listCollectionsError: unauthorized },
      { name: "app", collections: [okCollection] },
    ]);
    const { extraction } = await openExtraction(documentdbConfig(server.url));
    const { datasets, failures } = await collect(extraction);
    await extraction.close();
    expect(datasets.map((d) => d.ref.name)).toEqual(["ok"]);
    expect(failures).toMatchObject([{ scope: { database: "locked", name: "*" } }]);
  });

  it("falls back to the first documents by _id when $sample is refused, and says so", async () => {
    const refused = {
      code: 40324,
      codeName: "Location40324",
      errmsg: "Unrecognized pipeline stage name: '$sample'",
    };
    server = await startMockMongo([
      { name: "app", collections: [{ ...okCollection, aggregateError: refused }] },
    ]);
    const { extraction } = await openExtraction(documentdbConfig(server.url));
    const {
      datasets: [ok],
    } = await collect(extraction);
    if (!ok) throw new Error("no dataset");
    const { dataset } = await profileDataset(ok, sampleOf(extraction, ok, 100), {
      sampleRows: 100,
    });
    await extraction.close();
    expect(dataset.profile?.sampled).toBe(1);
    expect(dataset.profile?.sampling).toEqual({
      status: "read",
      method: expect.stringMatching(
        /^the first 100 documents by _id \(find; .*\), not a random sample$/,
      ) as string,
    });
    expect(server.commands).toContain("find");
  });

  it("profiles a document nested 100 levels deep without crashing, bounded in depth", async () => {
    server = await startMockMongo([
      { name: "app", collections: [{ ...okCollection, documents: [nested(100)] }] },
    ]);
    const { extraction } = await openExtraction(documentdbConfig(server.url));
    const { datasets } = await collect(extraction);
    const ok = datasetNamed(datasets, "ok");
    const { dataset } = await profileDataset(ok, sampleOf(extraction, ok, 10), {
      sampleRows: 10,
    });
    await extraction.close();
    expect(dataset.profile?.sampled).toBe(1);
    const depths = (dataset.profile?.fields ?? []).map((field) => field.path.split(".").length);
    expect(Math.max(...depths)).toBeLessThanOrEqual(25);
    expect(depths.length).toBeGreaterThan(10);
  });
});
