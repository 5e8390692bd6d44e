-- pgbench's single-row inserts, the yardstick of the write-path target (docs/performance.md): one row with a
-- primary key and an index, committed alone, like the smallest record Follicle writes.
--   psql -f perf/single-row-table.sql <database>
--   pgbench -n -c 16 -j 2 -T 60 -f perf/single-row-insert.sql <database>
\set patient random(1, 200000)
INSERT INTO bench_single_row (patient_id, note, recorded_at) VALUES (:patient, 'a single row', now());
