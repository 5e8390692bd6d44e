-- A practitioner's sign-off or override covers the findings it was given for, not one version of the answers: an
-- amendment that leaves those findings unchanged keeps it. NULL for reviews given before, which keep covering
-- their own version of the answers only.
ALTER TABLE intake_review ADD COLUMN covers JSONB;
CREATE INDEX intake_review_patient_ix ON intake_review (patient_id, modality, id DESC);
