-- Searches never list voided patients: leaving them out of the name indexes lets a search count and order its
-- matches from the index alone, without a visit to the table for each (a common prefix such as "mar" matches
-- hundreds of patients in a large clinic).
DROP INDEX patients_patient_family_ix;
DROP INDEX patients_patient_given_ix;
CREATE INDEX patients_patient_family_ix ON patients_patient (clinic_id, family_key, given_key, id) WHERE NOT voided;
CREATE INDEX patients_patient_given_ix ON patients_patient (clinic_id, given_key, family_key, id) WHERE NOT voided;
