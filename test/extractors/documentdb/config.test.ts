import { describe, expect, it } from "vitest";
import {
  clientOptions,
  collectionResource,
  sourceResource,
} from "../../../extractors/documentdb/client.js";
import { parseConfigText } from "../../../src/config/load-config.js";

function parse(source: string) {
  const config = parseConfigText(`sources:\n${source}`, "/project/okf.config.yaml", {
    DOCDB_URL:
      "mongodb://okf:Pa55word@docdb.cluster-x.eu-west-1.docdb.amazonaws.com:27017/?replicaSet=rs0",
  });
  const parsed = config.sources[0];
  if (parsed?.type !== "documentdb") throw new Error("not documentdb");
  return parsed;
}

describe("documentdb configuration", () => {
  it("defaults to what Amazon DocumentDB needs and resolves the CA bundle against the config file", () => {
    const config = parse(
      "  - name: support\n    type: documentdb\n    connection: ${DOCDB_URL}\n    tls_ca_file: certs/global-bundle.pem\n",
    );
    expect(config).toMatchObject({
      read_preference: "secondaryPreferred",
      retry_writes: false,
      server_selection_timeout_ms: 10_000,
      tls_ca_file: "/project/certs/global-bundle.pem",
      profile: { sample_documents: 1_000 },
    });
    expect(clientOptions(config)).toMatchObject({
      tls: true,
      tlsCAFile: "/project/certs/global-bundle.pem",
      readPreference: "secondaryPreferred",
      retryWrites: false,
      serverSelectionTimeoutMS: 10_000,
    });
  });

  it("takes databases, include/exclude, a read preference and a sample size", () => {
    const config = parse(
      "  - name: s\n    type: documentdb\n    connection: mongodb+srv://cluster.example.net\n" +
        "    databases: [support_prod]\n    include: ['support_prod.*']\n    read_preference: primary\n" +
        "    system: mongodb\n    profile: { sample_documents: 50 }\n",
    );
    expect(config).toMatchObject({
      databases: ["support_prod"],
      include: ["support_prod.*"],
      read_preference: "primary",
      system: "mongodb",
      profile: { sample_documents: 50 },
    });
    expect(clientOptions(config)).not.toHaveProperty("tls");
  });

  it("rejects a connection that is not a MongoDB URI and an unknown read preference", () => {
    expect(() =>
      parse("  - name: s\n    type: documentdb\n    connection: postgres://x/y\n"),
    ).toThrow(/sources\[0\]\.connection: must be a URL such as mongodb:\/\//);
    expect(() =>
      parse(
        "  - name: s\n    type: documentdb\n    connection: mongodb://h\n    read_preference: fastest\n",
      ),
    ).toThrow(/sources\[0\]\.read_preference/);
  });

  it("writes resources without user, password, database or options", () => {
    const source = sourceResource(
      "mongodb://okf:Pa55word@h1:27017,h2:27017/admin?tls=true&replicaSet=rs0",
    );
    expect(source).toBe("mongodb://h1:27017,h2:27017");
    expect(sourceResource("mongodb+srv://u:p@cluster0.example.net/?retryWrites=false")).toBe(
      "mongodb+srv://cluster0.example.net",
    );
    expect(collectionResource(source, "support prod", "cases/2026")).toBe(
      "mongodb://h1:27017,h2:27017/support%20prod/cases%2F2026",
    );
  });
});
