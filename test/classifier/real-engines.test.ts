/**
 * The classifier end to end on the real engines: a table of the shapes it used to miss (a photo
 * blob of PNG bytes, a login, password hashes, a manager's name, notes with an email inside, an
 * IP address type), extracted, sampled and profiled as the pipeline does. Every value is
 * synthetic and built here.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateValues } from "../../bench/corpus-generators.js";
import type { Extractor } from "../../extractors/extractor.js";
import { mysqlExtractor } from "../../extractors/mysql/mysql-extractor.js";
import { postgresExtractor } from "../../extractors/postgres/postgres-extractor.js";
import { classifyDataset } from "../../src/classifier/classify-dataset.js";
import type { SourceConfig } from "../../src/config/schema.js";
import type { SensitiveFinding } from "../../src/model/index.js";
import { profileDataset } from "../../src/profiler/profile-dataset.js";
import { recordingContext, sampleOf } from "../helpers/extract-datasets.js";
import {
  createMysqlTestDatabase,
  skipWithoutMysql,
  type MysqlTestDatabase,
} from "../helpers/mysql-database.js";
import { createTestDatabase, type TestDatabase } from "../helpers/postgres-database.js";
import { mysqlConfig } from "../extractors/mysql/support.js";
import { postgresConfig } from "../extractors/postgres/support.js";

const rows = 30;
const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const handles = generateValues("handle", rows, "real-engines");
const bcrypt = generateValues("bcrypt", rows / 2, "real-engines");
const sha256 = generateValues("sha256", rows / 2, "real-engines");
const names = generateValues("full_name", rows, "real-engines");
const emails = generateValues("email", rows, "real-engines");

/** One row's values, in the column order of the table below. */
function row(index: number): unknown[] {
  const photo = Buffer.concat([pngSignature, randomBytes(200)]);
  const hash = index % 2 === 0 ? bcrypt[index / 2] : sha256[(index - 1) / 2];
  const note =
    index % 3 === 0
      ? `Asked to send the contract to ${emails[index] ?? ""} before Friday`
      : `Renewal discussed, follow up in week ${String(index)}`;
  const address = `198.51.100.${String(index + 1)}`;
  return [index + 1, photo, handles[index], hash, names[index], index + 1, note, address];
}

const columns = "id, photo, username, password_hash, manager, manager_id, notes, connected_from";

/** What the table's columns must be found as; `id` and `manager_id` are not sensitive. */
const expected: Record<string, { category: string; confidence: string }[]> = {
  connected_from: [{ category: "pii.ip_address", confidence: "high" }],
  manager: [{ category: "pii.person_name", confidence: "high" }],
  notes: [{ category: "pii.email", confidence: "medium" }],
  password_hash: [{ category: "secret.password_hash", confidence: "high" }],
  photo: [{ category: "pii.photo", confidence: "high" }],
  username: [{ category: "pii.username", confidence: "high" }],
};

/** Extracts, profiles and classifies one table while the extraction is open, as the pipeline does. */
async function classifiedFindings<C extends SourceConfig>(
  extractor: Extractor<C>,
  config: C,
  table = "staff_member",
): Promise<SensitiveFinding[]> {
  const extraction = await extractor.open(config, recordingContext());
  try {
    for await (const item of extraction.items) {
      if (!("dataset" in item)) continue;
      const staff = item.dataset;
      if (staff.ref.name !== table) continue;
      const profiled = await profileDataset(staff, sampleOf(extraction, staff, 1_000), {
        sampleRows: 1_000,
      });
      return classifyDataset(profiled.dataset, profiled.samples, {}).findings;
    }
  } finally {
    await extraction.close();
  }
  throw new Error(`${table} was not extracted`);
}

function byPath(findings: readonly SensitiveFinding[]): typeof expected {
  const result: typeof expected = {};
  for (const { path, category, confidence } of findings) {
    (result[path] ??= []).push({ category, confidence });
  }
  return result;
}

describe("the classifier on PostgreSQL", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("classifier_shapes");
    await db.admin(`CREATE TABLE staff_member (
      id integer PRIMARY KEY, photo bytea, username text, password_hash text, manager text,
      manager_id integer, notes text, connected_from inet)`);
    for (let index = 0; index < rows; index += 1) {
      await db.admin(
        `INSERT INTO staff_member (${columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        row(index),
      );
    }
    await db.admin("ANALYZE staff_member");
  });
  afterAll(async () => {
    await db.drop();
  });

  it("finds the photo, login, hashes, manager's name, email in notes and inet address", async () => {
    const findings = await classifiedFindings(postgresExtractor, postgresConfig(db.url));
    expect(byPath(findings)).toEqual(expected);
    const photo = findings.find((finding) => finding.path === "photo");
    expect(photo?.evidence).toContain(
      `${String(rows)} of ${String(rows)} sampled values start like an image file (PNG)`,
    );
  });
});

const skipMysql = await skipWithoutMysql("classifier on MariaDB");

describe.skipIf(skipMysql)("the classifier on MariaDB", () => {
  let db: MysqlTestDatabase;
  beforeAll(async () => {
    db = await createMysqlTestDatabase("classifier_shapes");
    await db.admin(`CREATE TABLE staff_member (
      id INT PRIMARY KEY, photo LONGBLOB, username VARCHAR(64), password_hash VARCHAR(128),
      manager VARCHAR(100), manager_id INT, notes TEXT, connected_from INET4)`);
    for (let index = 0; index < rows; index += 1) {
      await db.admin(
        `INSERT INTO staff_member (${columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        row(index),
      );
    }
    await db.admin("ANALYZE TABLE staff_member");
    // Text kept as bytes, as MediaWiki keeps its users: names and emails in VARBINARY and BLOB.
    await db.admin(`CREATE TABLE wiki_user (
      user_id INT PRIMARY KEY, user_real_name VARBINARY(255), user_email TINYBLOB,
      user_token BINARY(32))`);
    for (let index = 0; index < rows; index += 1) {
      await db.admin("INSERT INTO wiki_user VALUES (?, ?, ?, ?)", [
        index + 1,
        Buffer.from(names[index] ?? "", "utf8"),
        Buffer.from(emails[index] ?? "", "utf8"),
        randomBytes(32),
      ]);
    }
  });
  afterAll(async () => {
    await db.drop();
  });

  it("finds the same: a BLOB of PNG bytes, the login, hashes, name, email and INET4", async () => {
    const config = mysqlConfig(db.url, { databases: [db.name] });
    const findings = await classifiedFindings(mysqlExtractor, config);
    expect(byPath(findings)).toEqual(expected);
  });

  it("reads names and emails kept in VARBINARY and TINYBLOB as text", async () => {
    const config = mysqlConfig(db.url, { databases: [db.name] });
    const findings = await classifiedFindings(mysqlExtractor, config, "wiki_user");
    expect(byPath(findings)).toEqual({
      user_email: [{ category: "pii.email", confidence: "high" }],
      user_real_name: [{ category: "pii.person_name", confidence: "high" }],
      user_token: [{ category: "secret.token", confidence: "medium" }],
    });
  });
});
