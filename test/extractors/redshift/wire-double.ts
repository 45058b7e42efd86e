import { createServer, type Server, type Socket } from "node:net";

/**
 * A stand-in for a Redshift endpoint at the PostgreSQL protocol's first steps, for what the
 * local server cannot show: it trusts 127.0.0.1 (so it never rejects a password) and it always
 * answers. `reject` asks for an MD5 password and then refuses the login the way a server does
 * (an ErrorResponse with a SQLSTATE); `silent` accepts the TCP connection and never says a word,
 * like an endpoint behind a security group that drops packets after the handshake.
 */
export type WireBehaviour = { kind: "reject"; code: string; message: string } | { kind: "silent" };

export interface WireDouble {
  port: number;
  /** What the client sent at start-up (user, database, application_name, …). */
  startups: Record<string, string>[];
  close(): Promise<void>;
}

const sslRequestCode = 80877103;

function message(type: string, body: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeInt32BE(body.length + 4);
  return Buffer.concat([Buffer.from(type), length, body]);
}

function errorResponse(code: string, text: string): Buffer {
  const field = (tag: string, value: string) => Buffer.from(`${tag}${value}\0`);
  return message(
    "E",
    Buffer.concat([
      field("S", "FATAL"),
      field("V", "FATAL"),
      field("C", code),
      field("M", text),
      Buffer.from([0]),
    ]),
  );
}

function md5Request(): Buffer {
  const body = Buffer.alloc(8);
  body.writeInt32BE(5); // AuthenticationMD5Password
  body.write("salt", 4);
  return message("R", body);
}

function parseStartup(packet: Buffer): Record<string, string> {
  const fields = packet.subarray(8).toString("utf8").split("\0");
  const params: Record<string, string> = {};
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const key = fields[i];
    if (key) params[key] = fields[i + 1] ?? "";
  }
  return params;
}

function serve(socket: Socket, behaviour: WireBehaviour, startups: Record<string, string>[]): void {
  let buffered = Buffer.alloc(0);
  let started = false;
  socket.on("error", () => undefined);
  socket.on("data", (chunk) => {
    buffered = Buffer.concat([buffered, chunk]);
    if (behaviour.kind === "silent") return;
    if (!started) {
      if (buffered.length < 8) return;
      const length = buffered.readInt32BE(0);
      if (buffered.length < length) return;
      const packet = buffered.subarray(0, length);
      buffered = buffered.subarray(length);
      if (packet.readInt32BE(4) === sslRequestCode) {
        socket.write("N");
        return;
      }
      started = true;
      startups.push(parseStartup(packet));
      socket.write(md5Request());
      return;
    }
    // The password message: refuse the login.
    if (buffered.length >= 5 && buffered.toString("latin1", 0, 1) === "p") {
      socket.end(errorResponse(behaviour.code, behaviour.message));
    }
  });
}

export async function startWireDouble(behaviour: WireBehaviour): Promise<WireDouble> {
  const sockets = new Set<Socket>();
  const startups: Record<string, string>[] = [];
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    serve(socket, behaviour, startups);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return {
    port: address.port,
    startups,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
}
