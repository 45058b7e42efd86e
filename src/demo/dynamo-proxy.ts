import { createServer, request, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A reply made up in front of the engine: the status and the JSON body. */
export interface ProxyReply {
  status: number;
  body: object;
}

export interface DynamoProxyHandlers {
  /** Answers a request itself (return a reply) or lets it through (return undefined). */
  answer?: (operation: string, requestBody: string) => ProxyReply | undefined;
  /** Rewrites the engine's response body (the checksum header is then dropped). */
  rewrite?: (operation: string, requestBody: string, responseBody: string) => string;
  /** Holds every request this long first, like a round trip to a region. */
  delayMs?: number;
}

export interface DynamoProxy {
  endpoint: string;
  stop(): Promise<void>;
}

const jsonHeaders = { "content-type": "application/x-amz-json-1.0" };

/**
 * An HTTP proxy in front of a local DynamoDB engine (dynalite). Unlike a mocked client, the
 * SDK's whole middleware stack runs against it: signing, retries, checksums.
 */
export async function startDynamoProxy(
  target: string,
  handlers: DynamoProxyHandlers,
): Promise<DynamoProxy> {
  const upstream = new URL(target);
  const server: Server = createServer((incoming, outgoing) => {
    void readBody(incoming).then(async (body) => {
      if (handlers.delayMs) await new Promise((resolve) => setTimeout(resolve, handlers.delayMs));
      const operation =
        String(incoming.headers["x-amz-target"] ?? "")
          .split(".")
          .pop() ?? "";
      const reply = handlers.answer?.(operation, body);
      if (reply) {
        outgoing.writeHead(reply.status, jsonHeaders).end(JSON.stringify(reply.body));
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
          const rewrite = handlers.rewrite;
          if (!rewrite) {
            outgoing.writeHead(answer.statusCode ?? 500, answer.headers);
            answer.pipe(outgoing);
            return;
          }
          void readBody(answer).then((text) => {
            const patched = rewrite(operation, body, text);
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
