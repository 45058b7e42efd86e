import { describe, expect, it } from "vitest";
import type { RecordSample } from "../../src/model/index.js";
import { newDataset } from "../../src/model/new-dataset.js";
import { binaryShapeOf } from "../../src/profiler/binary-shapes.js";
import { profileDataset } from "../../src/profiler/profile-dataset.js";

const bytes = (...parts: (number[] | string)[]): Uint8Array =>
  Uint8Array.from(
    parts.flatMap((part) =>
      typeof part === "string" ? Array.from(Buffer.from(part, "latin1")) : part,
    ),
  );

/** First bytes of each format, as a sampler cut to 64 bytes hands them over. */
const signatures: Record<string, Uint8Array> = {
  png_image: bytes([0x89], "PNG", [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], "IHDR"),
  jpeg_image: bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], "JFIF"),
  gif_image: bytes("GIF89a", [1, 0, 1, 0]),
  webp_image: bytes("RIFF", [36, 0, 0, 0], "WEBPVP8 "),
  tiff_image: bytes([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]),
  heic_image: bytes([0, 0, 0, 24], "ftypheic", [0, 0, 0, 0]),
};

describe("binaryShapeOf", () => {
  it("names the image format from the first bytes", () => {
    for (const [shape, value] of Object.entries(signatures)) {
      expect(binaryShapeOf(value), shape).toBe(shape);
    }
  });

  it("leaves other bytes alone: a PDF, a zip, random bytes, a RIFF that is audio, nothing", () => {
    for (const value of [
      bytes("%PDF-1.7"),
      bytes("PK", [3, 4]),
      bytes([0x12, 0x34, 0x56]),
      bytes("RIFF", [36, 0, 0, 0], "WAVEfmt "),
      bytes([0x89, 0x50]),
      new Uint8Array(0),
    ]) {
      expect(binaryShapeOf(value)).toBeUndefined();
    }
  });
});

describe("profiling binary values", () => {
  it("counts image formats among a field's shapes", async () => {
    const records = [
      { photo: signatures.png_image },
      { photo: signatures.png_image },
      { photo: signatures.jpeg_image },
      { photo: bytes("%PDF") },
      { photo: null },
    ];
    const dataset = newDataset({
      ref: { name: "staff" },
      kind: "table",
      objectType: "table",
      resource: "test://staff",
      fields: [{ name: "photo", path: "photo", position: 1, type: "bytea" }],
    });
    const sample: RecordSample = {
      outcome: () => ({ status: "read", method: "all rows", complete: false }),
      async *[Symbol.asyncIterator]() {
        for (const record of records) yield await Promise.resolve(record);
      },
    };
    const { dataset: profiled } = await profileDataset(dataset, sample, { sampleRows: 10 });
    const field = profiled.profile?.fields.find((f) => f.path === "photo");
    expect(field?.types).toEqual({ binary: 4 });
    expect(field?.shapes).toEqual({ jpeg_image: 1, png_image: 2 });
  });
});
