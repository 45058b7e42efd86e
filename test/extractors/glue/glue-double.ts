import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type {
  GetColumnStatisticsForTableRequest,
  GetDatabasesRequest,
  GetTablesRequest,
} from "@aws-sdk/client-glue";
import { GlueFault, type FakeGlueCatalog } from "./fake-catalog.js";

export interface GlueDoubleOptions {
  /** Holds every request this long first, like a round trip to a region. */
  delayMs?: number;
  /** The first `n` requests of an operation are answered with ThrottlingException. */
  throttle?: Record<string, number>;
}

export interface GlueDouble {
  endpoint: string;
  /** Requests seen per operation (`GetTables`, …), throttled ones included. */
  seen: Map<string, number>;
  stop(): Promise<void>;
}

const jsonHeaders = { "content-type": "application/x-amz-json-1.1" };

/** Glue's JSON protocol sends timestamps as epoch seconds. */
function wireJson(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, replaced: unknown) {
    const raw = this[key];
    return raw instanceof Date ? raw.getTime() / 1000 : replaced;
  });
}

function readBody(incoming: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      resolve(Buffer.concat(chunks).toString("utf8"));
    });
    incoming.on("error", reject);
  });
}

/** The request body as the SDK serialised it; Glue's JSON protocol uses the API's own names. */
function dispatch(catalog: FakeGlueCatalog, operation: string, body: string): unknown {
  const input: unknown = JSON.parse(body || "{}");
  switch (operation) {
    case "GetDatabases":
      return catalog.getDatabases(input as GetDatabasesRequest);
    case "GetTables":
      return catalog.getTables(input as GetTablesRequest);
    case "GetColumnStatisticsForTable":
      return catalog.getColumnStatistics(input as GetColumnStatisticsForTableRequest);
    default:
      throw new GlueFault("UnknownOperationException", `Operation ${operation} is not supported`);
  }
}

/**
 * A local HTTP endpoint speaking Glue's JSON 1.1 protocol (`X-Amz-Target: AWSGlue.GetTables`),
 * answered from a fake catalog. Unlike aws-sdk-client-mock, the SDK's whole middleware stack
 * runs against it: signing, serialisation, adaptive retries of throttled calls.
 */
export async function startGlueDouble(
  catalog: FakeGlueCatalog,
  options: GlueDoubleOptions = {},
): Promise<GlueDouble> {
  const seen = new Map<string, number>();
  const server: Server = createServer((incoming, outgoing) => {
    void readBody(incoming).then(async (body) => {
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      const target = String(incoming.headers["x-amz-target"] ?? "");
      const operation = target.replace(/^AWSGlue\./, "");
      const count = (seen.get(operation) ?? 0) + 1;
      seen.set(operation, count);
      const reply = (status: number, payload: unknown) => {
        outgoing.writeHead(status, jsonHeaders).end(wireJson(payload));
      };
      if (count <= (options.throttle?.[operation] ?? 0)) {
        reply(400, { __type: "ThrottlingException", message: "Rate exceeded" });
        return;
      }
      try {
        reply(200, dispatch(catalog, operation, body));
      } catch (error) {
        if (!(error instanceof GlueFault)) throw error;
        reply(400, { __type: error.code, message: error.message });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${String(port)}`,
    seen,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
