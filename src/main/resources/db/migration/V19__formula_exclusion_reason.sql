-- A patient's formula that the screening excludes is written only with the practitioner's reason (audited as an
-- override); the reason stays with the formula.
ALTER TABLE formulary_formula ADD COLUMN exclusion_reason VARCHAR(500);
