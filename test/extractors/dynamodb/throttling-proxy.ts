import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface ThrottlingProxy {
  endpoint: string;
  /** Requests seen per DynamoDB operation (`DescribeTable`, …), throttled ones included. */
  seen: Map<string, number>;
  stop(): Promise<void>;
}

/**
 * An HTTP proxy in front of dynalite that answers the first `throttle[operation]` requests of an
 * operation with the service's throttling error, then forwards. Unlike a mocked `send`, the
 * SDK's whole middleware stack runs, retries included.
 */
export async function startThrottlingProxy(
  target: string,
  throttle: Record<string, { times: number; error: string }>,
): Promise<ThrottlingProxy> {
  const seen = new Map<string, number>();
  const upstream = new URL(target);
  const server: Server = createServer((incoming, outgoing) => {
    const operation =
      String(incoming.headers["x-amz-target"] ?? "")
        .split(".")
        .pop() ?? "";
    const count = (seen.get(operation) ?? 0) + 1;
    seen.set(operation, count);
    const rule = throttle[operation];
    if (rule && count <= rule.times) {
      incoming.resume();
      outgoing.writeHead(400, {
        "content-type": "application/x-amz-json-1.0",
        "x-amzn-requestid": `throttled-${String(count)}`,
      });
      outgoing.end(
        JSON.stringify({
          __type: `com.amazonaws.dynamodb.v20120810#${rule.error}`,
          message: "Rate exceeded",
        }),
      );
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
        outgoing.writeHead(answer.statusCode ?? 500, answer.headers);
        answer.pipe(outgoing);
      },
    );
    incoming.pipe(forward);
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
