import type { Readable, Writable } from "node:stream";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import {
  ErrorCode,
  JSONRPCMessageSchema,
  type JSONRPCMessage,
  type RequestId,
} from "@modelcontextprotocol/sdk/types.js";
import { LineSplitter, type OversizedLine } from "./line-splitter.js";
import { recoverRequestId, requestIdOf } from "./recover-request-id.js";

/** The longest message read; a longer one is refused without being held in memory. */
const maxMessageBytes = 10 * 1024 * 1024;

/**
 * MCP over stdio (newline-delimited JSON-RPC), for a client that may send anything. The SDK's
 * own stdio transport stops reading for good after one message over 10 MB and drops invalid
 * lines without an answer; this one refuses such a message with a JSON-RPC error (to its id
 * when one can be found, else without id, and a notice in the log) and goes on serving.
 * Refusal notices never quote the message: it may carry anything.
 */
export class BoundedStdioTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  private readonly splitter: LineSplitter;
  private started = false;

  constructor(
    private readonly stdin: Readable,
    private readonly stdout: Writable,
    private readonly log: (line: string) => void,
    maxBytes = maxMessageBytes,
  ) {
    this.splitter = new LineSplitter(
      maxBytes,
      (line) => {
        this.receive(line);
      },
      (line) => {
        this.refuseOversized(line, maxBytes);
      },
    );
  }

  private readonly onData = (chunk: Buffer | string): void => {
    this.splitter.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  };
  private readonly onEnd = (): void => {
    this.splitter.end();
  };
  private readonly onStreamError = (error: Error): void => this.onerror?.(error);

  start(): Promise<void> {
    if (this.started) throw new Error("BoundedStdioTransport already started");
    this.started = true;
    this.stdin.on("data", this.onData);
    this.stdin.on("end", this.onEnd);
    this.stdin.on("error", this.onStreamError);
    return Promise.resolve();
  }

  send(message: JSONRPCMessage): Promise<void> {
    return new Promise((resolve) => {
      if (this.stdout.write(`${JSON.stringify(message)}\n`)) resolve();
      else this.stdout.once("drain", resolve);
    });
  }

  close(): Promise<void> {
    this.stdin.off("data", this.onData);
    this.stdin.off("end", this.onEnd);
    this.stdin.off("error", this.onStreamError);
    this.onclose?.();
    return Promise.resolve();
  }

  private receive(line: string): void {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      const id = recoverRequestId(line.slice(0, 4096), line.slice(-4096));
      this.refuse(id, ErrorCode.ParseError, "Parse error: the message is not valid JSON.");
      return;
    }
    const parsed = JSONRPCMessageSchema.safeParse(value);
    if (!parsed.success) {
      this.refuse(
        requestIdOf(value),
        ErrorCode.InvalidRequest,
        "Invalid request: the message is not a JSON-RPC 2.0 request, notification or response.",
      );
      return;
    }
    const paramsProblem = toolCallParamsProblem(parsed.data);
    if (paramsProblem !== undefined) {
      this.refuse(requestIdOf(value), ErrorCode.InvalidParams, `Invalid params: ${paramsProblem}`);
      return;
    }
    try {
      this.onmessage?.(parsed.data);
    } catch (error) {
      // A handler that throws synchronously must cost this message only, not the session.
      this.onerror?.(error instanceof Error ? error : new Error(String(error)));
      this.refuse(requestIdOf(value), ErrorCode.InternalError, "Internal error.");
    }
  }

  private refuseOversized(line: OversizedLine, maxBytes: number): void {
    this.refuse(
      recoverRequestId(line.head, line.tail),
      ErrorCode.InvalidRequest,
      `Request too large: okf serve reads messages of at most ${mebibytes(maxBytes)} MiB; this one had ${line.bytes} bytes and was not read.`,
    );
  }

  private refuse(id: RequestId | undefined, code: number, message: string): void {
    // A numeric id is shown for correlation; a string id is the client's text, so it is not.
    const to =
      id === undefined
        ? "no request id found"
        : typeof id === "number"
          ? `answered request ${String(id)}`
          : "answered its request (string id)";
    this.log(`okf serve: refused a message (${to}): ${message}`);
    // JSON-RPC answers a message it cannot attribute with an error without id.
    void this.send({
      jsonrpc: "2.0",
      ...(id === undefined ? {} : { id }),
      error: { code, message },
    });
  }
}

const mebibytes = (bytes: number): string => String(Math.round((bytes / 1024 / 1024) * 10) / 10);

/**
 * The SDK answers a `tools/call` without a tool name, or with arguments that are not an object,
 * with an internal error (-32603), as if okf had failed; it is the caller's mistake (-32602).
 */
function toolCallParamsProblem(message: JSONRPCMessage): string | undefined {
  if (!("method" in message) || message.method !== "tools/call" || !("id" in message)) {
    return undefined;
  }
  const params: unknown = message.params;
  if (typeof params !== "object" || params === null) return "tools/call needs params.";
  if (!("name" in params) || typeof params.name !== "string" || params.name === "") {
    return "tools/call needs params.name, the tool's name.";
  }
  if ("arguments" in params && params.arguments !== undefined) {
    const args = params.arguments;
    if (typeof args !== "object" || args === null || Array.isArray(args)) {
      return "tools/call params.arguments must be an object.";
    }
  }
  return undefined;
}
