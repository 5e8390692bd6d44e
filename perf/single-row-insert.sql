-- pgbench's single-row inserts, the yardstick of the write-path target (docs/performance.md): one row with a
-- primary key and an index, committed alone, like the smallest record Follicle writes.
--   psql -c 'CREATE TABLE IF NOT EXISTS bench_single_row (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
--            patient_id BIGINT NOT NULL, note TEXT NOT NULL, recorded_at TIMESTAMPTZ NOT NULL);
--            CREATE INDEX IF NOT EXISTS bench_single_row_patient_ix ON bench_single_row (patient_id)'
--   pgbench -n -c 16 -j 2 -T 60 -f perf/single-row-insert.sql <database>
\set patient random(1, 200000)
INSERT INTO bench_single_row (patient_id, note, recorded_at) VALUES (:patient, 'a single row', now());
