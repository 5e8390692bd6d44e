package org.follicle.sessions.internal;

import org.follicle.system.DemoDataContributor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo courses' treatments, charted and signed: each attended mesotherapy visit with the clinic's first
 * injectable lot, each PRP visit with the patient's own plasma; and one side effect, followed to its resolution.
 */
@Component
class SessionsDemoData implements DemoDataContributor {

    private static final String PRECHECK = """
            {"pregnancy":"NO","fever":"NO","scalpToday":{"infection":"NO","inflammation":"NO","openWound":"NO",\
            "sunburn":"NO","psoriasisOrDermatitis":"NO"},"newMedicines":[]}""";

    private final JdbcClient jdbc;

    SessionsDemoData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int getOrder() {
        return 80;
    }

    @Override
    public void loadDemoData() {
        Long lot = jdbc.sql("""
                SELECT l.id FROM formulary_lot l JOIN formulary_product p ON p.id = l.product_id
                JOIN clinics_organisation o ON o.id = l.organisation_id
                WHERE o.name = 'Demo Hair Clinics' AND p.purpose = 'INJECTION' AND l.expiry > current_date
                ORDER BY l.expiry, l.id LIMIT 1""").query(Long.class).optional().orElse(null);
        String lots = lot == null ? "" : ",\"lots\":[{\"lotId\":" + lot + ",\"quantity\":1}]";
        jdbc.sql("""
                INSERT INTO sessions_session (organisation_id, clinic_id, patient_id, appointment_id, practitioner_id,
                    modality, precheck, screening_decision, screening_findings, chart, status, signed_at, signed_by,
                    started_at, started_by, changed_at, changed_by)
                SELECT a.organisation_id, a.clinic_id, a.patient_id, a.id, a.practitioner_id,
                    CASE a.type_code WHEN 'PRP' THEN 'PRP' ELSE 'CHEMICAL' END, CAST(:precheck AS jsonb), 'ELIGIBLE',
                    '[]', CAST(CASE a.type_code
                        WHEN 'PRP' THEN '{"technique":"POINT_BY_POINT","needleGauge":30,"depthMm":1.5,"zones":[
                            {"zone":"FRONTAL","points":40,"volumeMl":2.0},{"zone":"VERTEX","points":40,"volumeMl":2.0}],
                            "durationMinutes":45,"pain":3}'
                        ELSE '{"technique":"NAPPAGE","needleGauge":32,"depthMm":1.0,"zones":[
                            {"zone":"FRONTAL","points":60,"volumeMl":1.5},{"zone":"VERTEX","points":60,"volumeMl":1.5}],
                            "durationMinutes":20,"pain":2' || :lots || '}' END AS jsonb),
                    'SIGNED', a.ends_at, 'practitioner', a.starts_at, 'practitioner', a.ends_at, 'practitioner'
                FROM scheduling_appointment a JOIN clinics_organisation o ON o.id = a.organisation_id
                WHERE o.name = 'Demo Hair Clinics' AND a.status = 'ATTENDED' AND a.type_code IN ('MESOTHERAPY', 'PRP')
                ORDER BY a.id""").param("precheck", PRECHECK).param("lots", lots).update();
        jdbc.sql("""
                INSERT INTO sessions_adverse_event (organisation_id, clinic_id, patient_id, session_id, kind,
                    description, onset_on, severity, relation, action_taken, outcome, recorded_at, recorded_by,
                    changed_at, changed_by)
                SELECT s.organisation_id, s.clinic_id, s.patient_id, s.id, 'BRUISING', 'Small bruises at the vertex',
                    s.started_at::date, 'MILD', 'PROBABLE', 'Cold compress; advice given', 'RESOLVED',
                    s.started_at + INTERVAL '2 days', 'practitioner', s.started_at + INTERVAL '2 days', 'practitioner'
                FROM sessions_session s JOIN patients_patient p ON p.id = s.patient_id
                WHERE p.family_name = 'Rousseau' AND p.created_by = 'demo' ORDER BY s.id LIMIT 1""").update();
    }
}
