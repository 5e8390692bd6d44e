-- How long after a treatment the patient avoids sauna, pool, sun, heavy exercise and hair products: a clinic
-- setting (the sources say "a short while"), shown on the aftercare email and sheet.
ALTER TABLE scheduling_settings
    ADD COLUMN aftercare_hours INT NOT NULL DEFAULT 24 CHECK (aftercare_hours BETWEEN 1 AND 336);
