-- The cohort facts (V15) kept up to date patient by patient instead of recomputed whole. A refresh of the three
-- materialized views computed every course of every organisation again and compared it with the previous facts: at
-- the large scale (207,460 courses) 25-70 s of one core every ten minutes, whatever had changed. The facts are now
-- tables, their definitions views (the same queries), and every write to a record they are read from marks its
-- patient as stale (a trigger, in the writer's transaction); a refresh recomputes the marked patients' facts only.

DROP MATERIALIZED VIEW outcomes_lot_fact;
DROP MATERIALIZED VIEW outcomes_milestone_fact;
DROP MATERIALIZED VIEW outcomes_course_fact;

-- One row per course that started (a proposed plan is not a course yet). The treatment comes from the appointment
-- types of the protocol's sessions; the diagnosis is the one in force when the plan was made; the cost is the
-- price of the signed sessions, unknown when one of their types has no price.
CREATE VIEW outcomes_course_source AS
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
       s.cost, s.currency
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

-- One row per evaluated milestone: the photographic score, the questionnaire's satisfaction, and the density change
-- from the baseline (the latest assessment on or before the course's first day), averaged over the sites measured
-- both times. No baseline, or no common site: the change is unknown, never zero.
CREATE VIEW outcomes_milestone_source AS
SELECT f.id AS follow_up_id, f.plan_id, f.months, f.global_score, f.satisfaction_score,
       ch.sites, ch.density_change, ch.density_change_percent, f.patient_id
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

CREATE TABLE outcomes_course_fact AS SELECT * FROM outcomes_course_source;
ALTER TABLE outcomes_course_fact ADD PRIMARY KEY (plan_id);
CREATE INDEX outcomes_course_fact_clinic_ix ON outcomes_course_fact (organisation_id, clinic_id, starts_on);
CREATE INDEX outcomes_course_fact_patient_ix ON outcomes_course_fact (patient_id);

CREATE TABLE outcomes_milestone_fact AS SELECT * FROM outcomes_milestone_source;
ALTER TABLE outcomes_milestone_fact ADD PRIMARY KEY (follow_up_id);
CREATE INDEX outcomes_milestone_fact_plan_ix ON outcomes_milestone_fact (months, plan_id);
CREATE INDEX outcomes_milestone_fact_patient_ix ON outcomes_milestone_fact (patient_id);

-- One row per course and lot used in its signed sessions, with the adverse events of those sessions: adverse events
-- per 1,000 sessions by product and lot. It carries the course's filter columns (read from the course facts, so those
-- are refreshed first), so a report filters it alone instead of joining a million rows to the courses. Each course's
-- lots are read from its own sessions (LATERAL), so that a few patients' lots are recomputed without the rest.
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

CREATE TABLE outcomes_lot_fact AS SELECT * FROM outcomes_lot_source;
ALTER TABLE outcomes_lot_fact ADD PRIMARY KEY (plan_id, lot_id);
CREATE INDEX outcomes_lot_fact_patient_ix ON outcomes_lot_fact (patient_id);

-- The patients whose facts are stale, as the writes mark them (several marks of one patient are one recompute). A
-- refresh takes the marks committed before it began; later ones wait for the next. No key: a writer never waits on a
-- refresh's delete.
CREATE TABLE outcomes_stale (
    patient_id BIGINT NOT NULL
);

-- Marks the patients a statement wrote, from its rows (the transition table "r", a FROM clause given by the
-- trigger). Once a statement, not once a row: the generator's bulk loads mark each patient once a table. A session
-- that fills the facts itself afterwards (the generator) may switch the marks off: SET follicle.outcomes_marks = off.
CREATE FUNCTION outcomes_mark_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('follicle.outcomes_marks', TRUE) IS DISTINCT FROM 'off' THEN
        EXECUTE 'INSERT INTO outcomes_stale (patient_id) SELECT DISTINCT ' || TG_ARGV[0];
    END IF;
    RETURN NULL;
END $$;

-- Every record the three views read, and how its rows name their patient.
DO $$
DECLARE
    source RECORD;
BEGIN
    FOR source IN SELECT * FROM (VALUES
            ('plans_plan', 'r.patient_id FROM r'),
            ('patients_patient', 'r.id FROM r'),
            ('diagnosis_diagnosis', 'r.patient_id FROM r'),
            ('diagnosis_assessment', 'r.patient_id FROM r'),
            ('diagnosis_site', 'a.patient_id FROM r JOIN diagnosis_assessment a ON a.id = r.assessment_id'),
            ('scheduling_appointment', 'r.patient_id FROM r'),
            -- A type's price is in the cost of every course with an appointment of that type.
            ('scheduling_appointment_type', 'a.patient_id FROM r JOIN scheduling_appointment a '
                || 'ON a.organisation_id = r.organisation_id AND a.type_code = r.code AND a.plan_id IS NOT NULL'),
            ('sessions_session', 'r.patient_id FROM r'),
            ('sessions_adverse_event', 'r.patient_id FROM r'),
            ('outcomes_follow_up', 'r.patient_id FROM r'),
            ('formulary_administration', 'r.patient_id FROM r'),
            ('formulary_stock_movement',
             'a.patient_id FROM r JOIN formulary_administration a ON a.preparation_id = r.preparation_id'),
            ('formulary_lot', 'a.patient_id FROM r JOIN formulary_stock_movement m ON m.lot_id = r.id '
                || 'JOIN formulary_administration a ON a.preparation_id = m.preparation_id'))
            AS s (record, patients) LOOP
        EXECUTE format('CREATE TRIGGER outcomes_stale_insert AFTER INSERT ON %I REFERENCING NEW TABLE AS r '
            || 'FOR EACH STATEMENT EXECUTE FUNCTION outcomes_mark_stale(%L)', source.record, source.patients);
        EXECUTE format('CREATE TRIGGER outcomes_stale_update AFTER UPDATE ON %I REFERENCING NEW TABLE AS r '
            || 'FOR EACH STATEMENT EXECUTE FUNCTION outcomes_mark_stale(%L)', source.record, source.patients);
        EXECUTE format('CREATE TRIGGER outcomes_stale_delete AFTER DELETE ON %I REFERENCING OLD TABLE AS r '
            || 'FOR EACH STATEMENT EXECUTE FUNCTION outcomes_mark_stale(%L)', source.record, source.patients);
    END LOOP;
END $$;
