/**
 * A TCP proxy a test controls, between an extractor and a real server: it forwards bytes both
 * ways and can cut every connection at a moment the test chooses (a network device dropping
 * the session, a failover), or once the client has sent enough, so a run loses its server
 * part-way.
 */
import net from "node:net";

export interface TcpProxy {
  /** 127.0.0.1 and the port the proxy listens on. */
  host: string;
  port: number;
  /** Bytes sent by clients to the server so far, over every connection. */
  bytesFromClients(): number;
  /** Client-to-server messages (socket reads) so far: a rough count of statements sent. */
  writesFromClients(): number;
  /** Destroys every open connection now; later connections are refused while cut. */
  cut(): void;
  /** Cuts once clients have sent more than `writes` messages, counting from now. */
  cutAfterWrites(writes: number): void;
  /** Accepts connections again after `cut`. */
  restore(): void;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 at a free port and forwards every connection to `target`. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let bytes = 0;
  let writes = 0;
  let cutAt: number | undefined;
  let isCut = false;

  const cut = (): void => {
    isCut = true;
    for (const socket of sockets) socket.destroy();
    sockets.clear();
  };

  const server = net.createServer((client) => {
    if (isCut) {
      client.destroy();
      return;
    }
    const upstream = net.connect(target.port, target.host);
    sockets.add(client);
    sockets.add(upstream);
    const drop = (): void => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
      writes += 1;
      if (cutAt !== undefined && writes > cutAt) {
        cutAt = undefined;
        cut();
        return;
      }
      upstream.write(chunk);
    });
    upstream.on("data", (chunk: Buffer) => client.write(chunk));
    client.on("error", drop);
    upstream.on("error", drop);
    client.on("close", drop);
    upstream.on("close", drop);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("proxy has no port");
  return {
    host: "127.0.0.1",
    port: address.port,
    bytesFromClients: () => bytes,
    writesFromClients: () => writes,
    cut,
    cutAfterWrites: (count) => {
      cutAt = writes + count;
    },
    restore: () => {
      isCut = false;
    },
    close: async () => {
      cut();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    },
  };
}

/** `url` with its host and port replaced by the proxy's. */
export function throughProxy(url: string, proxy: TcpProxy): string {
  const routed = new URL(url);
  routed.hostname = proxy.host;
  routed.port = String(proxy.port);
  return routed.toString();
}
