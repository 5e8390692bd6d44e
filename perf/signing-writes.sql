-- One signing's writes, as Follicle makes them across its three requests (start, chart, sign) but in a single
-- transaction, without a read of Follicle's and without the audit trail: the most the database could sign on this
-- machine however little the application did. Setup and use: perf/signing-writes-setup.sql.
BEGIN;
SELECT * FROM bench_visit WHERE n = (SELECT nextval('bench_visit_next')) \gset
INSERT INTO intake_form (organisation_id, clinic_id, patient_id, questionnaire_version, document, recorded_at,
    recorded_by) SELECT :organisation_id, :clinic_id, :patient_id, 1, intake, now(), 'bench' FROM bench_signing_text;
INSERT INTO sessions_session (organisation_id, clinic_id, patient_id, appointment_id, practitioner_id, modality,
    precheck, screening_decision, screening_findings, status, started_at, started_by, changed_at, changed_by)
SELECT :organisation_id, :clinic_id, :patient_id, :appointment_id, :practitioner_id, v.modality, t.precheck,
    'ELIGIBLE', '[]', 'OPEN', now(), 'bench', now(), 'bench' FROM bench_signing_text t, bench_visit v WHERE v.n = :n
RETURNING id AS session_id \gset
UPDATE sessions_session SET chart = (SELECT chart FROM bench_signing_text), version = version + 1,
    changed_at = now(), changed_by = 'bench' WHERE id = :session_id AND version = 0 AND status = 'OPEN';
UPDATE scheduling_appointment SET status = 'ATTENDED', status_reason = NULL, version = version + 1,
    changed_at = now(), changed_by = 'bench' WHERE id = :appointment_id AND version = :version;
INSERT INTO messaging_message (organisation_id, clinic_id, patient_id, appointment_id, kind, recipient, language,
    subject, body, status, send_after, created_at)
SELECT :organisation_id, :clinic_id, :patient_id, :appointment_id, 'AFTERCARE', 'patient@example.org', 'es',
    'Después de su sesión', aftercare, 'QUEUED', now(), now() FROM bench_signing_text;
INSERT INTO formulary_preparation (organisation_id, clinic_id, request_key, prepared_at, prepared_by)
VALUES (:organisation_id, :clinic_id, 'bench-' || :appointment_id, now(), 'bench') RETURNING id AS preparation_id \gset
INSERT INTO formulary_administration (preparation_id, organisation_id, clinic_id, patient_id, session_ref,
    administered_at, recorded_by)
VALUES (:preparation_id, :organisation_id, :clinic_id, :patient_id, 'session-' || :session_id, now(), 'bench');
UPDATE formulary_stock SET quantity = quantity - 1 WHERE lot_id = :lot_id AND clinic_id = :clinic_id
    AND quantity >= 1 RETURNING quantity AS balance \gset
INSERT INTO formulary_stock_movement (organisation_id, clinic_id, lot_id, kind, quantity, balance_after,
    preparation_id, recorded_at, recorded_by)
VALUES (:organisation_id, :clinic_id, :lot_id, 'USED', -1, :balance, :preparation_id, now(), 'bench');
UPDATE sessions_session SET status = 'SIGNED', preparation_id = :preparation_id, signed_at = now(),
    signed_by = 'bench', version = version + 1, changed_at = now(), changed_by = 'bench'
WHERE id = :session_id AND version = 1 AND status = 'OPEN';
COMMIT;
