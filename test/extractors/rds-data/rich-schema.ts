/**
 * Objects the demo CRM does not have, for the Data API path to carry exactly: sub-partitions,
 * binary, JSON, arrays, big integers, floats, odd names (a `$1` and a `:p1` inside quoted
 * names, quotes and a slash), a cross-schema view, comments with quotes and line breaks, and
 * triggers (one on the partitioned table, copied onto each partition; one on a partition only).
 */
export const richSchemaSql = `
CREATE SCHEMA telemetry;
CREATE TABLE telemetry.reading (
  device_id uuid NOT NULL,
  taken_at timestamptz NOT NULL,
  taken_on date NOT NULL,
  local_time timestamp,
  counter bigint NOT NULL,
  ratio real,
  score double precision,
  price numeric(20, 4),
  payload jsonb,
  tags text[],
  raw bytea,
  "price $1" integer,
  "note:p1" text,
  "Odd ""quoted"" / name" text
) PARTITION BY RANGE (taken_on);
CREATE TABLE telemetry.reading_2026 PARTITION OF telemetry.reading
  FOR VALUES FROM ('2026-01-01') TO ('2027-01-01') PARTITION BY LIST (device_id);
CREATE TABLE telemetry.reading_2026_a PARTITION OF telemetry.reading_2026 DEFAULT;
CREATE TABLE telemetry.reading_2025 PARTITION OF telemetry.reading
  FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE INDEX reading_taken_idx ON telemetry.reading (taken_at);
CREATE FUNCTION telemetry.keep() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER "reading $1 :p1" BEFORE INSERT OR UPDATE ON telemetry.reading
  FOR EACH ROW EXECUTE FUNCTION telemetry.keep();
CREATE TRIGGER reading_2025_check AFTER DELETE ON telemetry.reading_2025
  FOR EACH STATEMENT EXECUTE FUNCTION telemetry.keep();
COMMENT ON TABLE telemetry.reading IS 'Device readings; the "raw" frame
is kept for replay.';
COMMENT ON COLUMN telemetry.reading."price $1" IS 'A name with a dollar placeholder look-alike.';
INSERT INTO telemetry.reading
SELECT md5(i::text)::uuid,
  timestamptz '2025-06-01 00:00:00+00' + i * interval '37 minutes',
  date '2025-06-01' + (i / 40),
  timestamp '2025-06-01 08:00:00' + i * interval '1 second',
  9007199254740993 + i * 1000,
  (i % 17) / 4.0,
  i / 3.0,
  (i * 12345.6789)::numeric(20, 4),
  jsonb_build_object('seq', i, 'ok', i % 2 = 0),
  ARRAY['t' || (i % 5), 'shared tag'],
  decode(md5(i::text), 'hex'),
  i % 7,
  CASE WHEN i % 3 = 0 THEN NULL ELSE 'note ' || i END,
  'ünïcödé ' || (i % 11)
FROM generate_series(1, 600) AS i;
CREATE VIEW telemetry.device_accounts AS
SELECT r.device_id, a.account_name
FROM telemetry.reading r JOIN sales.customer_account a ON a.account_id = r."price $1";
`;

/**
 * Keeps the activity figures still between the two extractions: no autovacuum or autoanalyze
 * run, and no counting of the extractions' own reads (a view's sample scans its tables).
 */
export const freezeActivitySql = (database: string) => `
DO $$
DECLARE t record;
BEGIN
  FOR t IN SELECT c.oid::regclass AS name FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  LOOP
    EXECUTE format('ALTER TABLE %s SET (autovacuum_enabled = off)', t.name);
  END LOOP;
END $$;
ALTER DATABASE "${database}" SET track_counts = off;
`;
