-- A scratch database at the cohort report's target scale, to check the report's design (issue 8) before the
-- Performance issue's generator exists: about 200,000 patients each with a course, 1,000,000+ signed sessions with
-- their preparations and lot movements, 300,000+ assessments, the 6-month follow-ups, then the facts refreshed.
--
-- SCRATCH ONLY: appointments are laid out without checking the practitioners' agendas, so it first drops the two
-- double-booking constraints. Run it on a database migrated by Follicle (start Follicle once against it), e.g.
--   psql -d follicle_scale -v seed=0.42 -f perf/cohort-scale.sql
-- It prints an API token for a manager of every clinic (flc_scale...) to call /api/v1/analytics/cohorts with.
\set ON_ERROR_STOP on
\timing on
SELECT setseed(:seed);
ALTER TABLE scheduling_appointment DROP CONSTRAINT IF EXISTS scheduling_practitioner_free,
    DROP CONSTRAINT IF EXISTS scheduling_room_free;

INSERT INTO clinics_organisation (name) VALUES ('Scale Hair Clinics') RETURNING id AS org \gset
INSERT INTO clinics_clinic (organisation_id, name, time_zone, created_at, created_by, changed_at, changed_by)
SELECT :org, 'Clinic ' || g, CASE WHEN g <= 8 THEN 'Europe/Paris' WHEN g <= 14 THEN 'Europe/Madrid' ELSE 'Europe/London' END,
       now(), 'scale', now(), 'scale'
FROM generate_series(1, 20) g;
INSERT INTO security_staff (organisation_id, username, display_name, password_hash, password_changed_at, created_at,
    created_by, changed_at, changed_by)
SELECT :org, 'scale.' || c.id || '.' || g, 'Dr ' || chr(64 + g) || '. ' || c.name, '!', now(), now(), 'scale', now(), 'scale'
FROM clinics_clinic c, generate_series(1, 12) g WHERE c.organisation_id = :org;
INSERT INTO security_clinic_role (staff_id, clinic_id, role)
SELECT s.id, c.id, 'PRACTITIONER' FROM security_staff s JOIN clinics_clinic c ON s.username LIKE 'scale.' || c.id || '.%'
WHERE c.organisation_id = :org;
INSERT INTO security_staff (organisation_id, username, display_name, password_hash, password_changed_at, created_at,
    created_by, changed_at, changed_by)
VALUES (:org, 'scale.director', 'Scale Director', '!', now(), now(), 'scale', now(), 'scale') RETURNING id AS director \gset
INSERT INTO security_clinic_role (staff_id, clinic_id, role)
SELECT :director, id, 'ADMIN' FROM clinics_clinic WHERE organisation_id = :org;
INSERT INTO security_access_token (staff_id, name, token_hash, token_hint, created_at)
VALUES (:director, 'scale', encode(sha256(convert_to('flc_scale' || :org, 'UTF8')), 'hex'), 'flc_', now());
SELECT 'flc_scale' || :org AS token;

-- Patients: names in French, Spanish and English; the diagnosis decides the sex.
CREATE TEMP TABLE scale_patient AS
SELECT g, (ARRAY['Martin','Bernard','Dubois','Moreau','Laurent','Girard','García','Fernández','López','Martínez',
               'Sánchez','Pérez','Smith','Jones','Taylor','Brown','Wilson','Evans','Roux','Fontaine'])[1 + (random() * 19)::int] AS family,
       (random() * 100)::int AS kind, DATE '1950-01-01' + (random() * 19000)::int AS born
FROM generate_series(1, 200000) g;
CREATE TEMP TABLE scale_clinic AS
SELECT row_number() OVER (ORDER BY id) - 1 AS k, id FROM clinics_clinic WHERE organisation_id = :org;
CREATE TEMP TABLE scale_practitioner AS
SELECT row_number() OVER (ORDER BY s.id) - 1 AS k, s.id, r.clinic_id FROM security_staff s
JOIN security_clinic_role r ON r.staff_id = s.id AND r.role = 'PRACTITIONER' WHERE s.organisation_id = :org;

INSERT INTO patients_patient (organisation_id, clinic_id, file_number, family_name, given_name, birth_date, sex,
    family_key, given_key, created_at, created_by, changed_at, changed_by)
SELECT :org, c.id, 'S' || p.g, p.family,
       CASE WHEN p.kind < 45 OR (p.kind >= 90 AND p.g % 2 = 0) THEN (ARRAY['Marc','Lucas','Javier','Oliver','Thomas','Pablo'])[1 + p.g % 6]
            ELSE (ARRAY['Hélène','Claire','Lucía','Sophie','Emma','Carmen'])[1 + p.g % 6] END,
       p.born, CASE WHEN p.kind < 45 OR (p.kind >= 90 AND p.g % 2 = 0) THEN 'MALE' ELSE 'FEMALE' END,
       lower(translate(p.family, 'áéíóúñ', 'aeioun')), 'x', now(), 'scale', now(), 'scale'
FROM scale_patient p JOIN scale_clinic c ON c.k = p.g % 20;

-- The knowledge base's conditions at plausible rates: male and female pattern loss, telogen effluvium, areata.
INSERT INTO diagnosis_diagnosis (organisation_id, clinic_id, patient_id, category, stage, practitioner,
    practitioner_name, recorded_at)
SELECT :org, pt.clinic_id, pt.id,
       CASE WHEN s.kind < 45 THEN 'AGA_MALE' WHEN s.kind < 75 THEN 'AGA_FEMALE' WHEN s.kind < 90 THEN 'TELOGEN_EFFLUVIUM_CHRONIC'
            ELSE 'ALOPECIA_AREATA_PATCHY' END,
       CASE WHEN s.kind < 45 THEN 'Norwood ' || (ARRAY['II','III','III vertex','IV','V'])[1 + s.g % 5]
            WHEN s.kind < 75 THEN 'Ludwig ' || (ARRAY['I','II','III'])[1 + s.g % 3] END,
       'scale', 'Scale', now() - INTERVAL '3 years'
FROM patients_patient pt JOIN scale_patient s ON pt.file_number = 'S' || s.g WHERE pt.organisation_id = :org;

-- One course per patient, started over the last 27 months (the lateral names pt so each row draws its own day);
-- the protocol follows the diagnosis.
INSERT INTO plans_plan (organisation_id, clinic_id, patient_id, protocol_code, protocol, practitioner_id, starts_on,
    session_time, status, created_at, created_by, changed_at, changed_by)
SELECT :org, pt.clinic_id, pt.id, pr.code, pr.definition, sp.id, d.starts_on, TIME '10:00',
       CASE WHEN d.starts_on > current_date - 90 THEN 'ACTIVE' WHEN random() < 0.1 THEN 'STOPPED' ELSE 'COMPLETED' END,
       d.starts_on - 7, 'scale', now(), 'scale'
FROM patients_patient pt
JOIN scale_patient s ON pt.file_number = 'S' || s.g
JOIN scale_clinic c ON c.id = pt.clinic_id
JOIN scale_practitioner sp ON sp.k = c.k * 12 + s.g % 12
CROSS JOIN LATERAL (SELECT current_date - 30 - (random() * 800 + 0 * pt.id)::int AS starts_on) d
JOIN plans_protocol pr ON pr.organisation_id IS NULL AND pr.code = CASE
    WHEN s.kind >= 90 THEN 'PRP' WHEN s.kind >= 75 THEN 'MESO_TE'
    WHEN s.g % 4 = 0 THEN 'PRP' WHEN s.g % 9 = 0 THEN 'MESO_PRP' ELSE 'MESO_AGA' END
WHERE pt.organisation_id = :org;

-- The sessions on the protocol's days (a stopped course did half), attended and signed.
CREATE TEMP TABLE scale_visit AS
SELECT p.id AS plan_id, p.organisation_id, p.clinic_id, p.patient_id, p.practitioner_id, o.seq,
       p.starts_on + o.day AS day,
       CASE WHEN p.protocol_code = 'PRP' OR (p.protocol_code = 'MESO_PRP' AND o.seq % 2 = 1) THEN 'PRP' ELSE 'MESOTHERAPY' END AS type
FROM plans_plan p
JOIN LATERAL unnest(CASE p.protocol_code WHEN 'MESO_AGA' THEN ARRAY[0,7,14,21,35,49,63,77] WHEN 'PRP' THEN ARRAY[0,30,60]
                         ELSE ARRAY[0,14,28,42,56,70] END) WITH ORDINALITY o(day, seq) ON TRUE
WHERE p.organisation_id = :org AND p.starts_on + o.day < current_date
  AND (p.status <> 'STOPPED' OR o.seq <= 2);
INSERT INTO scheduling_appointment (organisation_id, clinic_id, patient_id, practitioner_id, type_code, starts_at,
    ends_at, status, plan_id, plan_sequence, created_at, created_by, changed_at, changed_by)
SELECT organisation_id, clinic_id, patient_id, practitioner_id, type, day + TIME '09:00' + (plan_id % 18) * INTERVAL '30 minutes',
       day + TIME '09:30' + (plan_id % 18) * INTERVAL '30 minutes', 'ATTENDED', plan_id, seq, now(), 'scale', now(), 'scale'
FROM scale_visit;

INSERT INTO formulary_product (organisation_id, sku, name, manufacturer, form, purpose, cost, vat_rate, currency,
    created_at, created_by)
SELECT :org, 'SC-' || g, (ARRAY['Dutasteride','Biotin','Minoxidil','Hyaluronic acid','Peptides','PRP kit'])[1 + g % 6] || ' ' || g,
       'Lab', 'VIAL', 'INJECTION', 10, 20, 'EUR', now(), 'scale'
FROM generate_series(1, 30) g;
INSERT INTO formulary_lot (organisation_id, product_id, lot_number, expiry, received_at, received_by)
SELECT :org, p.id, 'L' || p.id || '-' || g, current_date + 365, now(), 'scale'
FROM formulary_product p, generate_series(1, 20) g WHERE p.organisation_id = :org;
CREATE TEMP TABLE scale_lot AS SELECT row_number() OVER (ORDER BY id) - 1 AS k, id FROM formulary_lot WHERE organisation_id = :org;

INSERT INTO formulary_preparation (organisation_id, clinic_id, request_key, prepared_at, prepared_by)
SELECT organisation_id, clinic_id, 'session-a' || id, starts_at, 'scale'
FROM scheduling_appointment WHERE organisation_id = :org;
INSERT INTO formulary_stock_movement (organisation_id, clinic_id, lot_id, kind, quantity, balance_after,
    preparation_id, recorded_at, recorded_by)
SELECT f.organisation_id, f.clinic_id, l.id, 'USED', -1, 0, f.id, f.prepared_at, 'scale'
FROM formulary_preparation f JOIN scale_lot l ON l.k = (f.id * 7919) % 600
WHERE f.organisation_id = :org;
INSERT INTO sessions_session (organisation_id, clinic_id, patient_id, appointment_id, practitioner_id, modality,
    precheck, screening_decision, screening_findings, status, preparation_id, signed_at, signed_by, started_at,
    started_by, changed_at, changed_by)
SELECT a.organisation_id, a.clinic_id, a.patient_id, a.id, a.practitioner_id,
       CASE a.type_code WHEN 'PRP' THEN 'PRP' ELSE 'CHEMICAL' END, '{}', 'ELIGIBLE', '[]', 'SIGNED', f.id, a.ends_at,
       'scale', a.starts_at, 'scale', a.ends_at, 'scale'
FROM scheduling_appointment a
JOIN formulary_preparation f ON f.organisation_id = a.organisation_id AND f.request_key = 'session-a' || a.id
WHERE a.organisation_id = :org;
-- About one session in a hundred has a side effect, mostly mild.
INSERT INTO sessions_adverse_event (organisation_id, clinic_id, patient_id, session_id, kind, onset_on, severity,
    relation, outcome, recorded_at, recorded_by, changed_at, changed_by)
SELECT organisation_id, clinic_id, patient_id, id, (ARRAY['PAIN','BRUISING','OEDEMA','HEADACHE','ERYTHEMA'])[1 + id % 5],
       started_at::date, CASE WHEN id % 10 = 0 THEN 'MODERATE' ELSE 'MILD' END, 'PROBABLE', 'RESOLVED', now(), 'scale',
       now(), 'scale'
FROM sessions_session WHERE organisation_id = :org AND random() < 0.01;

-- Trichoscopy at the first session and at the 6-month review (three sites), and the review itself.
CREATE TEMP TABLE scale_review AS
SELECT p.id AS plan_id, p.organisation_id, p.clinic_id, p.patient_id, p.starts_on, (30 + random() * 20)::int AS hairs,
       0.08 + (random() - 0.5) * 0.3 AS gain, p.starts_on + 182 < current_date AS reviewed
FROM plans_plan p WHERE p.organisation_id = :org;
INSERT INTO diagnosis_assessment (organisation_id, clinic_id, patient_id, assessed_on, examiner, examiner_name,
    vellus_cutoff_um, recorded_at)
SELECT organisation_id, clinic_id, patient_id, starts_on, 'scale', 'Scale', 40, now() FROM scale_review
UNION ALL
SELECT organisation_id, clinic_id, patient_id, starts_on + 182, 'scale', 'Scale', 40, now() FROM scale_review WHERE reviewed;
INSERT INTO diagnosis_site (assessment_id, site, hairs, area_cm2)
SELECT a.id, s.site, greatest(0, round(r.hairs * CASE WHEN a.assessed_on = r.starts_on THEN 1 ELSE 1 + r.gain END
                                      * (0.9 + s.n * 0.1)))::int, 0.25
FROM diagnosis_assessment a JOIN scale_review r ON r.patient_id = a.patient_id
CROSS JOIN (VALUES ('FRONTAL', 1), ('VERTEX', 0), ('OCCIPITAL', 2)) s(site, n)
WHERE a.organisation_id = :org;
INSERT INTO outcomes_follow_up (organisation_id, clinic_id, patient_id, plan_id, milestone, months, visit_on,
    assessment_id, global_score, global_rated_by, satisfaction_score, adverse_events, recorded_at, recorded_by)
SELECT r.organisation_id, r.clinic_id, r.patient_id, r.plan_id, 'P6M', 6, r.starts_on + 182, a.id,
       greatest(-3, least(3, round(r.gain * 10)))::int, 'scale', round((random() * 4 - 1)::numeric, 2), 'NONE', now(), 'scale'
FROM scale_review r JOIN diagnosis_assessment a ON a.patient_id = r.patient_id AND a.assessed_on = r.starts_on + 182
WHERE r.reviewed;

ANALYZE;
SELECT (SELECT count(*) FROM patients_patient WHERE organisation_id = :org) AS patients,
       (SELECT count(*) FROM sessions_session WHERE organisation_id = :org) AS sessions,
       (SELECT count(*) FROM diagnosis_assessment WHERE organisation_id = :org) AS assessments,
       (SELECT count(*) FROM outcomes_follow_up WHERE organisation_id = :org) AS follow_ups;
-- The refresh Follicle runs every 10 minutes, timed.
REFRESH MATERIALIZED VIEW CONCURRENTLY outcomes_course_fact;
REFRESH MATERIALIZED VIEW CONCURRENTLY outcomes_milestone_fact;
REFRESH MATERIALIZED VIEW CONCURRENTLY outcomes_lot_fact;
UPDATE outcomes_refresh SET refreshed_at = now();
ANALYZE outcomes_course_fact;
ANALYZE outcomes_milestone_fact;
ANALYZE outcomes_lot_fact;
