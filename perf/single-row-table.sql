-- The table of pgbench's single-row inserts (perf/single-row-insert.sql): a primary key and an index, like the
-- smallest record Follicle writes.
CREATE TABLE IF NOT EXISTS bench_single_row (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    patient_id BIGINT NOT NULL, note TEXT NOT NULL, recorded_at TIMESTAMPTZ NOT NULL);
CREATE INDEX IF NOT EXISTS bench_single_row_patient_ix ON bench_single_row (patient_id);
