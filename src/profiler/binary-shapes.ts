/**
 * Image formats recognised by their first bytes (file signatures). Samplers cut binary values
 * to their first bytes in SQL, which is all this needs; the classifier reads the counts (a
 * `photo` blob of PNG bytes is a picture of someone), and the profile says what a blob holds.
 */
const signatures: readonly { shape: string; matches: (bytes: Uint8Array) => boolean }[] = [
  { shape: "png_image", matches: (b) => startsWith(b, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]) },
  { shape: "jpeg_image", matches: (b) => startsWith(b, 0, [0xff, 0xd8, 0xff]) },
  { shape: "gif_image", matches: (b) => ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a") },
  { shape: "webp_image", matches: (b) => ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP") },
  {
    shape: "tiff_image",
    matches: (b) =>
      startsWith(b, 0, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, 0, [0x4d, 0x4d, 0x00, 0x2a]),
  },
  // HEIF/HEIC, what phones take photos in: an ISO media `ftyp` box with an image brand.
  {
    shape: "heic_image",
    matches: (b) =>
      ascii(b, 4, "ftyp") && /^(?:heic|heix|heim|heis|mif1|msf1|avif)$/.test(text(b, 8, 4)),
  },
];

function startsWith(bytes: Uint8Array, offset: number, expected: readonly number[]): boolean {
  return expected.every((byte, index) => bytes[offset + index] === byte);
}

function text(bytes: Uint8Array, offset: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + length));
}

function ascii(bytes: Uint8Array, offset: number, expected: string): boolean {
  return text(bytes, offset, expected.length) === expected;
}

/** Shapes of binary values end in this, so that the classifier can count images among them. */
export const imageShapeSuffix = "_image";

/** The image format whose signature the bytes start with, if any. */
export function binaryShapeOf(bytes: Uint8Array): string | undefined {
  return signatures.find((signature) => signature.matches(bytes))?.shape;
}
