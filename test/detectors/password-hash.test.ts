import { createHash, pbkdf2Sync, randomBytes, scryptSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isHexDigest, isPasswordHash } from "../../src/detectors/index.js";
import { sampleCollectionLines } from "../helpers/sample-collections/index.js";
import { hardNegatives } from "./hard-negatives.js";

describe("isPasswordHash", () => {
  it("recognises the bcrypt hashes of the sample users, not their plain-text passwords", () => {
    const passwords = sampleCollectionLines("sample_mflix_users").map(
      (line) => (JSON.parse(line) as { password: string }).password,
    );
    const bcrypt = passwords.filter((password) => password.startsWith("$2b$"));
    expect(bcrypt.length).toBeGreaterThan(100);
    expect(bcrypt.filter((hash) => !isPasswordHash(hash))).toEqual([]);
    // The data set also holds a few passwords in clear text; those are not hashes.
    const plain = passwords.filter((password) => !password.startsWith("$"));
    expect(plain).toEqual(["somehashedpw", "foobar"]);
    expect(plain.filter(isPasswordHash)).toEqual([]);
  });

  it("recognises modular crypt formats (from openssl passwd and the reference implementations)", () => {
    for (const hash of [
      "$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a",
      "$6$saltsalt$8iYtNHxjWRl.NF6oNZ5tF.iKFlQREaXBLlSmZKP6dy9l5z3vsooWNW0/GZ6Nej73/TFug6pIPSqbJoCT6dfnj.",
      "$6$rounds=5000$saltsalt$8iYtNHxjWRl.NF6oNZ5tF.iKFlQREaXBLlSmZKP6dy9l5z3vsooWNW0/GZ6Nej73/TFug6pIPSqbJoCT6dfnj.",
      "$5$saltsalt$OIdfjX.u4Y3SJ4I2bX8w5BMf1VAUhHABNUirScDzZi3",
      "$1$saltsalt$ZliGyAN3DciDHEkDboonh/",
      "$argon2i$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG",
      "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG",
      "$scrypt$ln=16,r=8,p=1$aM15713r3Xsvxbi31lqr1Q$nFNh2CVHVjNldFVKDHDlm4CbdRSCdEBsjjJxD+iCs5E",
      "$y$j9T$F5Jx5fExrKuPp53xLKQ..X$X3DX6M94c7o.9agCG9G317fhZg9SqC.5i5rd.RhAtQ7",
      "{SSHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=",
    ]) {
      expect(isPasswordHash(hash), hash).toBe(true);
    }
  });

  it("recognises framework formats computed here (Django, Werkzeug, passlib)", () => {
    const salt = randomBytes(9).toString("hex");
    const derived = pbkdf2Sync("hunter2", salt, 1000, 32, "sha256");
    const scrypted = scryptSync("hunter2", salt, 64, { N: 16384, r: 8, p: 1 });
    const passlibBase64 = (bytes: Buffer): string =>
      bytes.toString("base64").replace(/=+$/, "").replace(/\+/g, ".");
    for (const hash of [
      `pbkdf2_sha256$1000$${salt}$${derived.toString("base64")}`,
      `pbkdf2:sha256:1000$${salt}$${derived.toString("hex")}`,
      `$pbkdf2-sha256$1000$${passlibBase64(Buffer.from(salt))}$${passlibBase64(derived)}`,
      `scrypt:32768:8:1$${salt}$${scrypted.toString("hex")}`,
      `scrypt$16384$${salt}$8$1$${scrypted.toString("base64")}`,
      "bcrypt_sha256$$2b$12$UREFwsRUoyF0CRqGNK0LzO0HM/jLhgUCNNIJ9RJAqMUQ74crlJ1Vu",
      "argon2$argon2id$v=19$m=102400,t=2,p=8$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG",
    ]) {
      expect(isPasswordHash(hash), hash).toBe(true);
    }
  });

  it("rejects truncated hashes, prices, prefixed digests and bare hex digests", () => {
    for (const value of [
      "$2b$12$tooShort",
      "$2b$12$UREFwsRUoyF0CRqGNK0LzO0HM/jLhgUCNNIJ9RJAqMUQ74crlJ1V", // 52 characters
      "$6$saltsalt$tooShort",
      "$5 off",
      "$1.50",
      "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      "5f4dcc3b5aa765d61d8327deb882cf99",
      "hunter2",
      "$argon2id$v=19$m=65536",
    ]) {
      expect(isPasswordHash(value), value).toBe(false);
    }
  });

  it("rejects the hard negatives", () => {
    for (const value of hardNegatives) expect(isPasswordHash(value), value).toBe(false);
  });
});

describe("isHexDigest", () => {
  it("accepts hex digests of the common lengths, bare or labelled, computed here", () => {
    for (const algorithm of ["md5", "sha1", "sha224", "sha256", "sha384", "sha512"]) {
      const digest = createHash(algorithm).update("synthetic").digest("hex");
      expect(isHexDigest(digest), algorithm).toBe(true);
      expect(isHexDigest(digest.toUpperCase()), algorithm).toBe(true);
      expect(isHexDigest(`${algorithm}:${digest}`), algorithm).toBe(true);
      expect(isHexDigest(`{${algorithm.toUpperCase()}}${digest}`), algorithm).toBe(true);
    }
  });

  it("rejects other lengths and non-hex text", () => {
    for (const value of ["abc123", "0".repeat(33), "g".repeat(40), "0123456789abcdef".repeat(3)]) {
      expect(isHexDigest(value), value).toBe(false);
    }
  });
});
