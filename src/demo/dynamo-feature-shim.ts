import { createServer, request, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** Table settings dynalite does not keep: TTL, point-in-time recovery, streams. */
export interface DemoTableSettings {
  ttlAttribute?: string;
  pointInTimeRecovery: boolean;
  streamViewType?: string;
}

export interface FeatureShim {
  endpoint: string;
  stop(): Promise<void>;
}

const jsonHeaders = { "content-type": "application/x-amz-json-1.0" };

/**
 * The demo's DynamoDB answers like the service for what dynalite lacks: DescribeTimeToLive,
 * DescribeContinuousBackups and the stream in DescribeTable come from the seed's declared
 * settings, so the demo bundle shows those facts. Everything else goes to dynalite untouched.
 */
export async function startFeatureShim(
  dynaliteEndpoint: string,
  settings: Readonly<Record<string, DemoTableSettings>>,
): Promise<FeatureShim> {
  const upstream = new URL(dynaliteEndpoint);
  const server: Server = createServer((incoming, outgoing) => {
    void readBody(incoming).then((body) => {
      const operation =
        String(incoming.headers["x-amz-target"] ?? "")
          .split(".")
          .pop() ?? "";
      const table = tableNameOf(body);
      const wanted = table === undefined ? undefined : settings[table];
      if (wanted && operation === "DescribeTimeToLive") {
        outgoing.writeHead(200, jsonHeaders).end(JSON.stringify(timeToLive(wanted)));
        return;
      }
      if (wanted && operation === "DescribeContinuousBackups") {
        outgoing.writeHead(200, jsonHeaders).end(JSON.stringify(continuousBackups(wanted)));
        return;
      }
      const forward = request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: incoming.method,
          path: incoming.url,
          headers: incoming.headers,
        },
        (answer) => {
          void readBody(answer).then((text) => {
            const patched =
              wanted && operation === "DescribeTable" ? withStream(text, wanted) : text;
            // The body may have changed, so the checksum of the original must not be sent on.
            const { "x-amz-crc32": _checksum, ...kept } = answer.headers;
            const headers = { ...kept, "content-length": String(Buffer.byteLength(patched)) };
            outgoing.writeHead(answer.statusCode ?? 500, headers).end(patched);
          });
        },
      );
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${String(port)}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

function readBody(stream: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      resolve(Buffer.concat(chunks).toString("utf8"));
    });
    stream.on("error", reject);
  });
}

function tableNameOf(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { TableName?: unknown; ResourceArn?: unknown };
    return typeof parsed.TableName === "string" ? parsed.TableName : undefined;
  } catch {
    return undefined;
  }
}

function timeToLive(settings: DemoTableSettings): object {
  return {
    TimeToLiveDescription: settings.ttlAttribute
      ? { TimeToLiveStatus: "ENABLED", AttributeName: settings.ttlAttribute }
      : { TimeToLiveStatus: "DISABLED" },
  };
}

function continuousBackups(settings: DemoTableSettings): object {
  return {
    ContinuousBackupsDescription: {
      ContinuousBackupsStatus: "ENABLED",
      PointInTimeRecoveryDescription: {
        PointInTimeRecoveryStatus: settings.pointInTimeRecovery ? "ENABLED" : "DISABLED",
      },
    },
  };
}

function withStream(text: string, settings: DemoTableSettings): string {
  if (!settings.streamViewType) return text;
  const parsed = JSON.parse(text) as { Table?: Record<string, unknown> };
  if (!parsed.Table) return text;
  parsed.Table.StreamSpecification = {
    StreamEnabled: true,
    StreamViewType: settings.streamViewType,
  };
  return JSON.stringify(parsed);
}
