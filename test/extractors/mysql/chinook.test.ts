import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mysqlVocabulary } from "../../../extractors/mysql/vocabulary.js";
import {
  createMysqlTestDatabase,
  loadChinookMysql,
  skipWithoutMysql,
  type MysqlTestDatabase,
} from "../../helpers/mysql-database.js";
import { extractAll, mysqlConfig, type ExtractionResult } from "./support.js";

const chinookTables = [
  "Album",
  "Artist",
  "Customer",
  "Employee",
  "Genre",
  "Invoice",
  "InvoiceLine",
  "MediaType",
  "Playlist",
  "PlaylistTrack",
  "Track",
];

const skip = await skipWithoutMysql("mysql extractor on Chinook");

describe.skipIf(skip)("mysql extractor on Chinook", () => {
  let db: MysqlTestDatabase;
  let result: ExtractionResult;
  let secondRun: ExtractionResult;

  async function count(sql: string): Promise<number> {
    const [row] = await db.admin<{ n: unknown }>(sql);
    return Number(row?.n);
  }

  beforeAll(async () => {
    db = await createMysqlTestDatabase("chinook");
    await loadChinookMysql(db);
    // Engine-independent statistics into mysql.column_stats, as an operator would collect them.
    await db.admin(
      `ANALYZE TABLE ${chinookTables.map((t) => `\`${t}\``).join(", ")} PERSISTENT FOR ALL`,
    );
    const config = mysqlConfig(db.url, { databases: [db.name] });
    result = await extractAll(config);
    secondRun = await extractAll(config);
  });
  afterAll(() => db.drop());

  it("plans and yields the 11 tables in (database, name) order, refs without a schema", () => {
    expect(result.extraction.refs).toEqual(
      chinookTables.map((name) => ({ database: db.name, name })),
    );
    expect(result.datasets.map((dataset) => dataset.ref)).toEqual(result.extraction.refs);
    expect(result.failures).toEqual([]);
    expect(result.datasets.every((d) => d.kind === "table" && d.objectType === "table")).toBe(true);
  });

  it("names credential-free resources from the connection's host and port", () => {
    expect(result.extraction.resource).toBe("mysql://127.0.0.1:3306");
    expect(result.dataset(db.name, "Track").resource).toBe(
      `mysql://127.0.0.1:3306/${db.name}/Track`,
    );
  });

  it("reads primary keys, including composite ones in key order", () => {
    expect(result.dataset(db.name, "PlaylistTrack").keys).toEqual([
      { name: "PRIMARY", kind: "primary", fields: ["PlaylistId", "TrackId"] },
    ]);
    expect(result.dataset(db.name, "Album").keys).toEqual([
      { name: "PRIMARY", kind: "primary", fields: ["AlbumId"] },
    ]);
  });

  it("reads foreign keys in both directions with their referential actions", () => {
    const track = result.dataset(db.name, "Track");
    expect(
      track.foreignKeys.map((fk) => [fk.name, fk.fromFields, fk.to.name, fk.toFields]),
    ).toEqual([
      ["FK_TrackAlbumId", ["AlbumId"], "Album", ["AlbumId"]],
      ["FK_TrackGenreId", ["GenreId"], "Genre", ["GenreId"]],
      ["FK_TrackMediaTypeId", ["MediaTypeId"], "MediaType", ["MediaTypeId"]],
    ]);
    expect(track.foreignKeys[0]).toMatchObject({ onDelete: "NO ACTION", onUpdate: "NO ACTION" });
    expect(track.referencedBy.map((fk) => [fk.from.name, fk.name])).toEqual([
      ["InvoiceLine", "FK_InvoiceLineTrackId"],
      ["PlaylistTrack", "FK_PlaylistTrackTrackId"],
    ]);
    expect(track.referencedBy[0]?.to).toEqual({ database: db.name, name: "Track" });
    const employee = result.dataset(db.name, "Employee");
    expect(employee.foreignKeys.map((fk) => fk.to.name)).toEqual(["Employee"]);
    expect(employee.referencedBy.map((fk) => [fk.from.name, fk.name])).toEqual([
      ["Customer", "FK_CustomerSupportRepId"],
      ["Employee", "FK_EmployeeReportsTo"],
    ]);
  });

  it("reads indexes with method, uniqueness, column order and a definition", () => {
    const indexes = result.dataset(db.name, "PlaylistTrack").indexes;
    expect(indexes.map((index) => index.name)).toEqual([
      "IFK_PlaylistTrackPlaylistId",
      "IFK_PlaylistTrackTrackId",
      "PRIMARY",
    ]);
    expect(indexes[2]).toEqual({
      name: "PRIMARY",
      method: "btree",
      unique: true,
      primary: true,
      columns: ["PlaylistId", "TrackId"],
      definition: "PRIMARY KEY (`PlaylistId`, `TrackId`) USING BTREE",
    });
    expect(indexes[1]).toMatchObject({ unique: false, primary: false, columns: ["TrackId"] });
    expect(indexes[1]?.definition).toBe("KEY `IFK_PlaylistTrackTrackId` (`TrackId`) USING BTREE");
  });

  it("reads declared types, nullability and defaults in column order", () => {
    const fields = result.dataset(db.name, "Invoice").fields;
    expect(fields.map((field) => field.position)).toEqual(fields.map((_, index) => index + 1));
    const total = fields.find((field) => field.name === "Total");
    expect(total).toMatchObject({ position: 9, type: "decimal(10,2)", nullable: false });
    expect(total?.default).toBeUndefined();
    expect(total?.identity).toBeUndefined();
    expect(fields.find((field) => field.name === "BillingState")).toMatchObject({
      type: "varchar(40)",
      nullable: true,
    });
    expect(fields.find((field) => field.name === "BillingState")?.default).toBeUndefined();
  });

  it("takes row counts and sizes from information_schema.TABLES, labelled as InnoDB estimates", async () => {
    for (const table of chinookTables) {
      const dataset = result.dataset(db.name, table);
      const [row] = await db.admin<{ rows: unknown; size: unknown }>(
        "SELECT TABLE_ROWS AS `rows`, DATA_LENGTH + INDEX_LENGTH AS size FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?",
        [db.name, table],
      );
      expect(dataset.stats, table).toEqual({
        rowEstimate: Number(row?.rows),
        sizeBytes: Number(row?.size),
        source: "information_schema.TABLES, an InnoDB estimate",
      });
      const exact = await count(`SELECT COUNT(*) AS n FROM \`${db.name}\`.\`${table}\``);
      expect(Math.abs((dataset.stats?.rowEstimate ?? 0) - exact), table).toBeLessThanOrEqual(
        exact * 0.2,
      );
    }
  });

  it("turns mysql.column_stats into null fractions, average lengths and distinct estimates", async () => {
    const composer = result.dataset(db.name, "Track").fields.find((f) => f.name === "Composer");
    const nullShare = await count(`SELECT AVG(Composer IS NULL) AS n FROM \`${db.name}\`.Track`);
    expect(composer?.stats?.source).toBe("mysql.column_stats");
    expect(composer?.stats?.nullFraction).toBeCloseTo(nullShare, 3);
    expect(composer?.stats?.averageLength).toBeGreaterThan(10);
    const distinct = await count(`SELECT COUNT(DISTINCT Composer) AS n FROM \`${db.name}\`.Track`);
    // rows × (1 − nulls) / avg_frequency, with the InnoDB row estimate: close, not exact.
    expect(Math.abs((composer?.stats?.distinct ?? 0) - distinct)).toBeLessThan(distinct * 0.05);
    const mediaType = result.dataset(db.name, "Track").fields.find((f) => f.name === "MediaTypeId");
    expect(mediaType?.stats?.distinct).toBe(5);
  });

  it("records creation and last change times as usage facts", () => {
    const usage = result.dataset(db.name, "Track").usage;
    expect(usage?.source).toBe("information_schema.TABLES");
    expect(usage?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
    const created = Date.parse(usage?.createdAt ?? "");
    expect(Math.abs(created - Date.now())).toBeLessThan(10 * 60_000);
    expect(result.extraction.sample === undefined).toBe(true);
  });

  it("gives identical output and the same number of catalog queries on a second run", () => {
    expect(secondRun.datasets).toEqual(result.datasets);
    expect(secondRun.extraction.requestCount()).toBe(result.extraction.requestCount());
  });

  it("describes itself with the MySQL vocabulary and names the server in its progress line", () => {
    expect(mysqlVocabulary).toMatchObject({
      engine: "MySQL",
      system: "mysql",
      fieldWord: "column",
      kindTitles: { table: "Table", view: "View" },
    });
    expect(mysqlVocabulary.catalogTitle).toContain("information_schema");
    expect(result.progress.join("\n")).toMatch(
      /test: 11 objects in 1 database\(s\) on (MariaDB|MySQL) [\d.]+ \(\d+ catalog queries\)/,
    );
  });
});
