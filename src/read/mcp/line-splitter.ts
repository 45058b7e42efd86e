/** What is kept of a line that was too long: enough of both ends to find its request id. */
export interface OversizedLine {
  /** The line's length in bytes, newline excluded. */
  bytes: number;
  head: string;
  tail: string;
}

/** Bytes kept from each end of an oversized line. */
const keptEnd = 4096;

/**
 * Splits a byte stream into newline-terminated lines without ever holding more than `maxBytes`
 * of one line: a longer line is dropped as it streams in (only its two ends are kept), so one
 * huge message costs neither memory nor the lines that follow it.
 */
export class LineSplitter {
  private parts: Buffer[] = [];
  private size = 0;
  private overflow: { bytes: number; head: Buffer; tail: Buffer } | undefined;

  constructor(
    private readonly maxBytes: number,
    private readonly onLine: (line: string) => void,
    private readonly onOversized: (line: OversizedLine) => void,
  ) {}

  push(chunk: Buffer): void {
    let start = 0;
    while (start < chunk.length) {
      const newline = chunk.indexOf(10, start);
      this.take(chunk.subarray(start, newline === -1 ? chunk.length : newline));
      if (newline === -1) return;
      this.endLine();
      start = newline + 1;
    }
  }

  /** The stream ended: a last line without its newline is still a line. */
  end(): void {
    if (this.size > 0 || this.overflow !== undefined) this.endLine();
  }

  private take(piece: Buffer): void {
    if (piece.length === 0) return;
    if (this.overflow !== undefined) {
      const tail = Buffer.concat([this.overflow.tail, piece]);
      this.overflow.tail = tail.subarray(Math.max(0, tail.length - keptEnd));
      this.overflow.bytes += piece.length;
      return;
    }
    if (this.size + piece.length <= this.maxBytes) {
      this.parts.push(piece);
      this.size += piece.length;
      return;
    }
    const all = Buffer.concat([...this.parts, piece]);
    this.overflow = {
      bytes: all.length,
      head: Buffer.from(all.subarray(0, keptEnd)),
      tail: Buffer.from(all.subarray(Math.max(0, all.length - keptEnd))),
    };
    this.parts = [];
    this.size = 0;
  }

  private endLine(): void {
    const overflow = this.overflow;
    const line = overflow === undefined ? Buffer.concat(this.parts).toString("utf8") : "";
    this.parts = [];
    this.size = 0;
    this.overflow = undefined;
    if (overflow !== undefined) {
      this.onOversized({
        bytes: overflow.bytes,
        head: overflow.head.toString("utf8"),
        tail: overflow.tail.toString("utf8"),
      });
    } else if (line.trim() !== "") {
      this.onLine(line.replace(/\r$/, ""));
    }
  }
}
