package org.follicle.diagnosis.internal;

import java.time.Clock;
import java.time.LocalDate;

import org.follicle.system.DemoDataContributor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo patients' diagnoses (coded from the knowledge base) and Marc Lefèvre's baseline trichoscopy, measured in
 * full at three sites.
 */
@Component
class DiagnosisDemoData implements DemoDataContributor {

    /** Family name, category, stage. */
    private static final String[][] DIAGNOSES = { { "Lefèvre", "AGA_MALE", "Norwood IV" },
        { "Moreau", "AGA_FEMALE", "Ludwig I" }, { "Dubois", "TELOGEN_EFFLUVIUM_CHRONIC", null },
        { "Bernard", "AGA_FEMALE", "Ludwig II" }, { "García", "ALOPECIA_AREATA_PATCHY", null } };

    private final JdbcClient jdbc;

    private final DiagnosisKnowledge knowledge;

    private final Clock clock;

    DiagnosisDemoData(JdbcClient jdbc, DiagnosisKnowledge knowledge, Clock clock) {
        this.jdbc = jdbc;
        this.knowledge = knowledge;
        this.clock = clock;
    }

    @Override
    public int getOrder() {
        return 45;
    }

    @Override
    public void loadDemoData() {
        for (String[] d : DIAGNOSES) {
            DiagnosisKnowledge.Category category = knowledge.category(d[1]);
            jdbc.sql("""
                    INSERT INTO diagnosis_diagnosis (organisation_id, clinic_id, patient_id, category, icd10, snomed,
                        stage, practitioner, practitioner_name, recorded_at)
                    SELECT organisation_id, clinic_id, id, :category, :icd10, :snomed, :stage, 'practitioner',
                        'Dr Hélène Moreau', now() - INTERVAL '200 days'
                    FROM patients_patient WHERE family_name = :family AND created_by = 'demo'""")
                    .param("category", category.id()).param("icd10", category.icd10())
                    .param("snomed", category.snomed()).param("stage", d[2]).param("family", d[0]).update();
        }
        LocalDate baseline = LocalDate.now(clock).minusDays(200);
        Long assessment = jdbc.sql("""
                INSERT INTO diagnosis_assessment (organisation_id, clinic_id, patient_id, assessed_on, examiner,
                    examiner_name, device, magnification, vellus_cutoff_um, norwood, recorded_at)
                SELECT organisation_id, clinic_id, id, :on, 'practitioner', 'Dr Hélène Moreau', 'Dermoscope', 20, 40,
                    'IV', now() - INTERVAL '200 days'
                FROM patients_patient WHERE family_name = 'Lefèvre' AND created_by = 'demo' RETURNING id""")
                .param("on", baseline).query(Long.class).optional().orElse(null);
        if (assessment == null) {
            return;
        }
        // Site, hairs in 0.25 cm², terminal, vellus, mean diameter (µm), anagen %, telogen %, hairs per unit.
        Object[][] sites = { { "FRONTAL", 31, 19, 12, 52.0, 78.0, 22.0, 1.4 },
            { "VERTEX", 28, 16, 12, 49.5, 75.0, 25.0, 1.3 }, { "OCCIPITAL", 48, 44, 4, 71.0, 88.0, 12.0, 2.2 } };
        for (Object[] s : sites) {
            jdbc.sql("""
                    INSERT INTO diagnosis_site (assessment_id, site, hairs, area_cm2, terminal, vellus,
                        mean_diameter_um, anagen_percent, telogen_percent, hairs_per_unit)
                    VALUES (:id, :site, :hairs, 0.25, :terminal, :vellus, :diameter, :anagen, :telogen, :perUnit)""")
                    .param("id", assessment).param("site", s[0]).param("hairs", s[1]).param("terminal", s[2])
                    .param("vellus", s[3]).param("diameter", s[4]).param("anagen", s[5]).param("telogen", s[6])
                    .param("perUnit", s[7]).update();
        }
    }
}
