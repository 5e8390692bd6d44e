-- Aspirin's own wash-out (10 days in the one source that gives it) and the class of a bleeding disorder, apart
-- from the class of an anticoagulant: each organisation chose one class for both until now, kept for both.
ALTER TABLE intake_setting
    ADD COLUMN aspirin_window_days INT NOT NULL DEFAULT 10 CHECK (aspirin_window_days BETWEEN 0 AND 60),
    ADD COLUMN bleeding_disorder_class VARCHAR(10) CHECK (bleeding_disorder_class IN ('EXCLUDE', 'CAUTION'));
UPDATE intake_setting SET bleeding_disorder_class = anticoagulant_class;
ALTER TABLE intake_setting ALTER COLUMN bleeding_disorder_class SET NOT NULL;
