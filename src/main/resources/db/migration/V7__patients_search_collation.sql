-- Search keys are already folded (lower case, no accents): byte order ("C") sorts them correctly and lets one
-- index serve both "begins with" and the name order of a page.
DROP INDEX patients_patient_family_ix;
DROP INDEX patients_patient_given_ix;
DROP INDEX patients_patient_list_ix;
ALTER TABLE patients_patient ALTER COLUMN family_key TYPE VARCHAR(100) COLLATE "C";
ALTER TABLE patients_patient ALTER COLUMN given_key TYPE VARCHAR(100) COLLATE "C";
CREATE INDEX patients_patient_family_ix ON patients_patient (clinic_id, family_key, given_key, id);
CREATE INDEX patients_patient_given_ix ON patients_patient (clinic_id, given_key, family_key, id);
