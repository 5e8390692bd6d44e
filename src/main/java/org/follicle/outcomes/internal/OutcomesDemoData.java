package org.follicle.outcomes.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.follicle.system.DemoDataContributor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The 6-month reviews of the demo courses that ended: a baseline and a review trichoscopy (vertex and frontal) and
 * the patient's questionnaire, so the progress pages and the cohort report show figures. Demo data writes the
 * rows directly (the services need a signed-in user); the assessments are the diagnosis module's tables.
 */
@Component
class OutcomesDemoData implements DemoDataContributor {

    /** Hairs counted in 0.25 cm² at the 6-month review, per demo patient (160/cm² at baseline for all). */
    private static final List<Object[]> REVIEWS = List.of(new Object[] { "Rousseau", 46, 2 },
            new Object[] { "Petit", 44, 1 }, new Object[] { "Laurent", 41, 0 }, new Object[] { "Smith", 47, 2 },
            new Object[] { "Roux", 48, 2 }, new Object[] { "Fontaine", 43, 1 });

    private final JdbcClient jdbc;

    private final CohortFacts facts;

    private final Clock clock;

    OutcomesDemoData(JdbcClient jdbc, CohortFacts facts, Clock clock) {
        this.jdbc = jdbc;
        this.facts = facts;
        this.clock = clock;
    }

    @Override
    public int getOrder() {
        return 90;
    }

    @Override
    public void loadDemoData() {
        LocalDate today = LocalDate.now(clock);
        for (Object[] review : REVIEWS) {
            var plan = jdbc.sql("""
                    SELECT p.id, p.organisation_id, p.clinic_id, p.patient_id, p.starts_on FROM plans_plan p
                    JOIN patients_patient pt ON pt.id = p.patient_id
                    WHERE pt.family_name = :family AND pt.created_by = 'demo'""").param("family", review[0])
                    .query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getDate(5).toLocalDate().toEpochDay() })
                    .single();
            LocalDate start = LocalDate.ofEpochDay(plan[4]);
            LocalDate reviewed = start.plusMonths(6);
            if (reviewed.isAfter(today)) {
                continue;
            }
            assess(plan, start, 40);
            long later = assess(plan, reviewed, (Integer) review[1]);
            int satisfied = (Integer) review[2];
            jdbc.sql("""
                    INSERT INTO outcomes_follow_up (organisation_id, clinic_id, patient_id, plan_id, milestone, months,
                        visit_on, assessment_id, satisfaction, satisfaction_score, adverse_events, recorded_at,
                        recorded_by)
                    VALUES (:org, :clinic, :patient, :plan, 'P6M', 6, :on, :assessment, CAST(:answers AS jsonb),
                        :score, 'NONE', now(), 'demo')""")
                    .param("org", plan[1]).param("clinic", plan[2]).param("patient", plan[3]).param("plan", plan[0])
                    .param("on", reviewed).param("assessment", later)
                    .param("answers", ("{\"SATISFIED_OVERALL\":%1$d,\"SATISFIED_FRONT\":%1$d,\"SATISFIED_TOP\":%1$d,"
                            + "\"GROWTH\":1,\"APPEARANCE\":1,\"THINNING_AREA\":0,\"SLOWER_LOSS\":1}").formatted(satisfied))
                    .param("score", satisfied).update();
        }
        // The demo's courses are written as data, not through the modules, so nothing published marks them.
        jdbc.sql("INSERT INTO outcomes_stale (patient_id) SELECT patient_id FROM plans_plan WHERE created_by = 'demo'")
                .update();
        facts.refresh();
    }

    private long assess(long[] plan, LocalDate day, int vertexHairs) {
        long id = jdbc.sql("""
                INSERT INTO diagnosis_assessment (organisation_id, clinic_id, patient_id, assessed_on, examiner,
                    examiner_name, vellus_cutoff_um, recorded_at)
                VALUES (:org, :clinic, :patient, :on, 'practitioner', 'Dr Demo', 40, now()) RETURNING id""")
                .param("org", plan[1]).param("clinic", plan[2]).param("patient", plan[3]).param("on", day)
                .query(Long.class).single();
        for (Object[] site : new Object[][] { { "VERTEX", vertexHairs }, { "FRONTAL", vertexHairs + 4 } }) {
            jdbc.sql("INSERT INTO diagnosis_site (assessment_id, site, hairs, area_cm2) VALUES (:id, :site, :hairs, 0.25)")
                    .param("id", id).param("site", site[0]).param("hairs", site[1]).update();
        }
        return id;
    }
}
