import type { Readable, Writable } from "node:stream";
import { setTimeout } from "node:timers/promises";
import { BoundedStdioTransport } from "./bounded-stdio-transport.js";
import { createOkfServer, type OkfServerOptions } from "./okf-server.js";

/**
 * Serves the bundle over stdin/stdout until the client closes stdin. stdout carries only
 * protocol messages; anything for people goes to `log` (stderr).
 */
export async function serveStdio(
  options: OkfServerOptions,
  streams: { stdin: Readable; stdout: Writable; log: (line: string) => void },
): Promise<void> {
  const server = createOkfServer(options);
  const transport = new BoundedStdioTransport(streams.stdin, streams.stdout, streams.log);
  transport.onerror = (error) => {
    streams.log(`okf serve: ${error.message}`);
  };
  const closed = new Promise<void>((resolve) => {
    streams.stdin.once("end", resolve);
    streams.stdin.once("close", resolve);
  });
  await server.connect(transport);
  const answered = trackRequests(transport);
  streams.log(
    `okf serve: MCP server on stdio for ${options.bundleDir}${options.readOnly ? " (read-only)" : ""}`,
  );
  await closed;
  // A client that writes its requests and closes stdin (a pipe) still gets every answer.
  await answered();
  await server.close();
}

/** Counts requests not yet answered; the returned function resolves once there are none. */
function trackRequests(transport: BoundedStdioTransport): () => Promise<void> {
  const open = new Set<string | number>();
  const receive = transport.onmessage;
  transport.onmessage = (message) => {
    if ("method" in message && "id" in message) open.add(message.id);
    receive?.(message);
  };
  const send = transport.send.bind(transport);
  transport.send = async (message) => {
    await send(message);
    if (!("method" in message) && "id" in message && message.id !== undefined)
      open.delete(message.id);
  };
  return async () => {
    while (open.size > 0) await setTimeout(10);
  };
}
