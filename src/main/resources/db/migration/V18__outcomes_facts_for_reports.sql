-- The cohort facts (V17) shaped for the report's aggregates, which read every course of the cohort each time a
-- question is first asked (207,460 courses at the large scale, 0.6-0.7 s of one core a question before).

-- How many courses the patient has, on each of the patient's courses. A report counts its patients as its courses
-- less the repeats of the patients with more than one, which are few (7,460 of 200,000 at the large scale): counting
-- distinct patients over every course sorted all of them, a third of a report's time. A refresh recomputes all of a
-- patient's courses together (V17), so the count stays true; the view's new column comes last, as a view's must.
CREATE OR REPLACE VIEW outcomes_course_source AS
SELECT p.id AS plan_id, p.organisation_id, p.clinic_id, p.patient_id, p.protocol_code, p.formula_id,
       p.practitioner_id, p.starts_on, p.status,
       coalesce((SELECT CASE WHEN bool_and(t = 'PRP') THEN 'PRP'
                             WHEN bool_and(t <> 'PRP') THEN 'MESOTHERAPY' ELSE 'COMBINED' END
                 FROM jsonb_array_elements(p.protocol -> 'induction') ph,
                      jsonb_array_elements_text(ph -> 'types') t), 'OTHER') AS treatment,
       pt.sex, date_part('year', age(p.starts_on, pt.birth_date))::int AS age,
       d.category AS diagnosis, d.stage,
       coalesce((SELECT sum((ph ->> 'sessions')::int)
                 FROM jsonb_array_elements(p.protocol -> 'induction') ph), 0)::int AS sessions_planned,
       coalesce(s.done, 0)::int AS sessions_done,
       coalesce(s.events, 0)::int AS adverse_events,
       s.cost, s.currency,
       (SELECT count(*) FROM plans_plan q WHERE q.patient_id = p.patient_id AND q.status <> 'PROPOSED')::int
           AS patient_courses
FROM plans_plan p
JOIN patients_patient pt ON pt.id = p.patient_id AND NOT pt.voided
LEFT JOIN LATERAL (
    SELECT d.category, d.stage FROM diagnosis_diagnosis d
    WHERE d.patient_id = p.patient_id
    ORDER BY (d.recorded_at <= p.created_at) DESC, d.id DESC LIMIT 1) d ON TRUE
LEFT JOIN LATERAL (
    SELECT count(*) AS done, sum(e.n) AS events,
           CASE WHEN count(t.price) = count(*) THEN sum(t.price) END AS cost, max(t.currency) AS currency
    FROM scheduling_appointment a
    JOIN sessions_session ss ON ss.appointment_id = a.id AND ss.status = 'SIGNED'
    LEFT JOIN scheduling_appointment_type t ON t.organisation_id = a.organisation_id AND t.code = a.type_code
    LEFT JOIN LATERAL (SELECT count(*) AS n FROM sessions_adverse_event e WHERE e.session_id = ss.id) e ON TRUE
    WHERE a.plan_id = p.id) s ON TRUE
WHERE p.status <> 'PROPOSED';

-- The table written anew with the count rather than updated row by row, which would leave it twice its size until
-- vacuumed, and every report scans it whole. The lots' definition reads it (V17) and is made again as it was.
CREATE TABLE outcomes_course_fact_counted AS
SELECT f.*, count(*) OVER (PARTITION BY f.patient_id)::int AS patient_courses FROM outcomes_course_fact f
ORDER BY f.plan_id;
DROP VIEW outcomes_lot_source;
DROP TABLE outcomes_course_fact;
ALTER TABLE outcomes_course_fact_counted RENAME TO outcomes_course_fact;
ALTER TABLE outcomes_course_fact ADD PRIMARY KEY (plan_id);
CREATE INDEX outcomes_course_fact_clinic_ix ON outcomes_course_fact (organisation_id, clinic_id, starts_on);
CREATE INDEX outcomes_course_fact_patient_ix ON outcomes_course_fact (patient_id);
CREATE VIEW outcomes_lot_source AS
SELECT c.plan_id, c.organisation_id, c.clinic_id, c.protocol_code, c.formula_id, c.practitioner_id, c.starts_on,
       c.treatment, c.sex, c.age, c.diagnosis, c.stage, u.lot_id, u.product_id, u.sessions, u.adverse_events,
       c.patient_id
FROM outcomes_course_fact c
JOIN LATERAL (
    SELECT m.lot_id, l.product_id, count(*)::int AS sessions, sum(e.n)::int AS adverse_events
    FROM scheduling_appointment a
    JOIN sessions_session ss ON ss.appointment_id = a.id AND ss.status = 'SIGNED'
    JOIN LATERAL (SELECT DISTINCT mv.lot_id FROM formulary_stock_movement mv
                  WHERE mv.preparation_id = ss.preparation_id) m ON TRUE
    JOIN formulary_lot l ON l.id = m.lot_id
    LEFT JOIN LATERAL (SELECT count(*) AS n FROM sessions_adverse_event e WHERE e.session_id = ss.id) e ON TRUE
    WHERE a.plan_id = c.plan_id
    GROUP BY m.lot_id, l.product_id) u ON TRUE;

-- The measures as double precision: the report averages them and takes their standard deviations, which in numeric
-- cost a fifth of a report's time more. The changes are means of divisions that numeric has already rounded, and
-- the report shows them to one decimal, so fifteen significant digits lose nothing it shows.
DROP VIEW outcomes_milestone_source;
CREATE VIEW outcomes_milestone_source AS
SELECT f.id AS follow_up_id, f.plan_id, f.months, f.global_score, f.satisfaction_score::float8 AS satisfaction_score,
       ch.sites, ch.density_change::float8 AS density_change,
       ch.density_change_percent::float8 AS density_change_percent, f.patient_id
FROM outcomes_follow_up f
JOIN plans_plan p ON p.id = f.plan_id
LEFT JOIN LATERAL (
    SELECT b.id FROM diagnosis_assessment b
    WHERE b.patient_id = f.patient_id AND NOT b.voided AND b.assessed_on <= p.starts_on
    ORDER BY b.assessed_on DESC, b.id DESC LIMIT 1) base ON TRUE
LEFT JOIN LATERAL (
    SELECT count(*) AS sites,
           avg(m.hairs / m.area_cm2 - b.hairs / b.area_cm2) AS density_change,
           avg(100 * (m.hairs / m.area_cm2 - b.hairs / b.area_cm2) / nullif(b.hairs / b.area_cm2, 0))
               AS density_change_percent
    FROM diagnosis_site m
    JOIN diagnosis_site b ON b.assessment_id = base.id AND b.site = m.site
    JOIN diagnosis_assessment ma ON ma.id = m.assessment_id AND NOT ma.voided
    WHERE m.assessment_id = f.assessment_id
    HAVING count(*) > 0) ch ON TRUE
WHERE NOT f.voided;

ALTER TABLE outcomes_milestone_fact
    ALTER COLUMN satisfaction_score TYPE double precision,
    ALTER COLUMN density_change TYPE double precision,
    ALTER COLUMN density_change_percent TYPE double precision;

-- Both tables are new to the planner's statistics (a rewritten table, retyped columns).
ANALYZE outcomes_course_fact;
ANALYZE outcomes_milestone_fact;
