import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runExtract, type ExtractResult } from "../../../src/pipeline/run-extract.js";
import { validateBundle } from "../../../src/read/validate/index.js";
import { expectGolden } from "../../helpers/golden.js";
import {
  createMysqlTestDatabase,
  loadChinookMysql,
  serverEngineName,
  skipWithoutMysql,
  type MysqlTestDatabase,
} from "../../helpers/mysql-database.js";
import { writeProjectConfig } from "../../helpers/project-config.js";
import { tempDir } from "../../helpers/run-cli.js";

const skip = await skipWithoutMysql("mysql Chinook bundle");

/** The body of a knowledge file, without the frontmatter (ids and dates of this run). */
function body(text: string): string {
  return text.replace(/^---\n[\s\S]*?\n---\n/, "");
}

describe.skipIf(skip)("a bundle from Chinook on MySQL/MariaDB", () => {
  let db: MysqlTestDatabase;
  let dir: string;
  let result: ExtractResult;
  const progress: string[] = [];

  const extract = () =>
    runExtract({
      cwd: dir,
      env: { TEST_MYSQL_URL: db.url, TEST_MYSQL_DATABASE: db.name },
      now: new Date("2026-11-27T02:00:00Z"),
      onProgress: (line) => progress.push(line),
    });

  beforeAll(async () => {
    db = await createMysqlTestDatabase("bundle");
    await loadChinookMysql(db);
    await db.admin("ANALYZE TABLE Track, Genre, Customer PERSISTENT FOR ALL");
    dir = tempDir("okf-mysql-");
    writeProjectConfig(dir, [
      "  - name: music",
      "    type: mysql",
      "    connection: ${TEST_MYSQL_URL}",
      '    databases: ["${TEST_MYSQL_DATABASE}"]',
      "    resource_host: music-prod.cluster-abc.eu-west-1.rds.amazonaws.com",
      "    domain: music",
    ]);
    result = await extract();
  });
  afterAll(async () => {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes one knowledge file per table under <source>/<database>/", () => {
    expect(result.exitCode).toBe(0);
    expect(result.sources[0]?.status).toBe("ok");
    const files = readdirSync(join(dir, "knowledge", "music", db.name)).sort();
    expect(files.filter((file) => file.endsWith(".md") && file !== "index.md")).toEqual([
      "Album.md",
      "Artist.md",
      "Customer.md",
      "Employee.md",
      "Genre.md",
      "Invoice.md",
      "InvoiceLine.md",
      "MediaType.md",
      "Playlist.md",
      "PlaylistTrack.md",
      "Track.md",
    ]);
  });

  it("writes the server's type, the resource_host resource and sampled profiles", async () => {
    const track = readFileSync(join(dir, "knowledge", "music", db.name, "Track.md"), "utf8");
    expect(track).toContain(`type: ${await serverEngineName(db)} Table`);
    expect(track).toContain(
      `mysql://music-prod.cluster-abc.eu-west-1.rds.amazonaws.com:3306/${db.name}/Track`,
    );
    expect(track).not.toContain("127.0.0.1");
    expect(track).toContain("the whole table, capped at 10,000 rows");
  });

  it("passes okf validate with no errors", async () => {
    const report = await validateBundle(join(dir, "knowledge"), {});
    expect(report.findings.filter((finding) => finding.severity === "error")).toEqual([]);
  });

  it("renders Genre as the golden file says (dates of this run masked)", () => {
    const genre = readFileSync(join(dir, "knowledge", "music", db.name, "Genre.md"), "utf8");
    const stable = body(genre)
      .replaceAll(db.name, "DATABASE")
      .replace(/\d{4}-\d\d-\d\d(?=[,. ])/g, "YYYY-MM-DD");
    expectGolden("mysql_genre.body.md", stable);
  });

  it("changes nothing on a second run", async () => {
    const again = await extract();
    expect(again.sources[0]?.changed).toEqual([]);
    expect(again.sources[0]?.created).toEqual([]);
  });
});
