import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  isSecretToken,
  secretEntropyThreshold,
  shannonEntropy,
} from "../../src/detectors/index.js";
import { hardNegatives } from "./hard-negatives.js";

// Token-shaped test values are assembled at run time, so that secret scanners do not flag
// this file; they are random and grant nothing.
const alphanumeric = (length: number): string =>
  randomBytes(length * 2)
    .toString("base64")
    .replace(/[^A-Za-z0-9]/g, "")
    .slice(0, length);
function seededBytes(seed: string, length: number): Buffer {
  const blocks: Buffer[] = [];
  for (let block = 0; blocks.length * 32 < length; block++) {
    blocks.push(
      createHash("sha256")
        .update(`${seed}/${String(block)}`)
        .digest(),
    );
  }
  return Buffer.concat(blocks).subarray(0, length);
}
const token = (prefix: string, body: string): string => `${prefix}${body}`;

function jwt(header: object, payload: object, signature = alphanumeric(43)): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part(header)}.${part(payload)}.${signature}`;
}

describe("isSecretToken", () => {
  it("recognises the documented token formats", () => {
    for (const secret of [
      token("AKIA", "IOSFODNN7EXAMPLE"),
      token("ASIA", "Y34FZKBOKMUTVV7A"),
      token("ghp_", alphanumeric(36)),
      token("gho_", alphanumeric(36)),
      token("github_pat_", `${alphanumeric(22)}_${alphanumeric(59)}`),
      token("xoxb-", "123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx"),
      token("xoxp-", "123456789012-123456789012-123456789012-0123456789abcdef"),
      token("sk_live_", alphanumeric(24)),
      token("rk_live_", alphanumeric(24)),
      token("AIza", `Sy${alphanumeric(33)}`),
      token("-----BEGIN RSA ", "PRIVATE KEY-----"),
      token("-----BEGIN OPENSSH ", "PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA"),
      token("-----BEGIN ", "PRIVATE KEY-----"),
      jwt({ alg: "HS256", typ: "JWT" }, { sub: "1234567890", iat: 1516239022 }),
      jwt({ alg: "none" }, { sub: "x" }, ""),
    ]) {
      expect(isSecretToken(secret), secret).toBe(true);
    }
  });

  it("recognises AWS secret access keys and other random key material by entropy", () => {
    expect(isSecretToken("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")).toBe(true);
    // Seeded pseudo-random keys of the common shapes, so the measured rate is reproducible.
    const shapes: Record<string, (seed: string) => string> = {
      "AWS secret (40 base64)": (seed) => seededBytes(seed, 30).toString("base64"),
      "base64url, 43": (seed) => seededBytes(seed, 32).toString("base64url"),
      "base64, 32": (seed) => seededBytes(seed, 24).toString("base64"),
      "base62, 32": (seed) =>
        seededBytes(seed, 64)
          .toString("base64")
          .replace(/[^A-Za-z0-9]/g, "")
          .slice(0, 32),
    };
    for (const [shape, generate] of Object.entries(shapes)) {
      const keys = Array.from({ length: 5000 }, (_, index) => generate(`${shape}:${String(index)}`))
        // The detector requires upper case, lower case and a digit; a few random keys lack one.
        .filter((key) => /[a-z]/.test(key) && /[A-Z]/.test(key) && /\d/.test(key));
      const found = keys.filter((key) => isSecretToken(key)).length;
      expect(found / keys.length, shape).toBeGreaterThanOrEqual(0.998);
    }
  });

  it("uses an entropy threshold that random keys clear and hex digests cannot reach", () => {
    expect(shannonEntropy("aaaa")).toBe(0);
    expect(shannonEntropy("abcd")).toBe(2);
    expect(shannonEntropy("0123456789abcdef".repeat(4))).toBe(4);
    expect(secretEntropyThreshold).toBeGreaterThan(3.5);
    expect(secretEntropyThreshold).toBeLessThanOrEqual(4);
    // Same characters as a key, but repetitive: too little entropy.
    expect(isSecretToken("Ab1Ab1Ab1Ab1Ab1Ab1Ab1Ab1Ab1Ab1Ab1Ab1")).toBe(false);
  });

  it("rejects near misses of the formats and long identifiers", () => {
    for (const value of [
      token("AKIA", "IOSFODNN7EXAMPL"), // 15 characters after the prefix
      token("akia", "iosfodnn7example"),
      token("ghp_", "short"),
      token("sk_live_", "short"),
      token("xoxb", "-1"),
      "eyJhbGciOiJIUzI1NiJ9.not-a-jwt",
      "eyJub3QiOiJhIGhlYWRlciJ9.eyJzdWIiOiIxIn0.sig", // header without "alg"
      "-----BEGIN PUBLIC KEY-----",
      "-----BEGIN CERTIFICATE-----",
      "ThisIsAVeryLongCamelCaseIdentifier2024",
      "AWSCognitoIdentityProviderUserPoolId2",
      "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdef",
      "0123456789ABCDEF0123456789ABCDEF01234567",
      "5432/okf_okf_awkward_12958_e9fd15a7/Sales_Ops/Users",
      "XMLHttpRequestUploadProgressEvent2Handler",
      "password",
      "secret",
    ]) {
      expect(isSecretToken(value), value).toBe(false);
    }
  });

  it("rejects the hard negatives", () => {
    for (const value of hardNegatives) expect(isSecretToken(value), value).toBe(false);
  });
});
