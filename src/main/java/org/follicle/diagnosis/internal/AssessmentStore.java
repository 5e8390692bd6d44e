package org.follicle.diagnosis.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.follicle.system.ReadOnce;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Assessments, their sites and diagnoses in PostgreSQL. No access checks here. */
@Repository
class AssessmentStore {

    private final JdbcClient jdbc;

    private final DiagnosisKnowledge knowledge;

    AssessmentStore(JdbcClient jdbc, DiagnosisKnowledge knowledge) {
        this.jdbc = jdbc;
        this.knowledge = knowledge;
    }

    long insert(long organisationId, long clinicId, long patientId, AssessmentInput a, String examiner,
            String examinerName, Instant now) {
        Map<String, Object> p = new HashMap<>();
        p.put("org", organisationId);
        p.put("clinic", clinicId);
        p.put("patient", patientId);
        p.put("on", a.assessedOn());
        p.put("examiner", examiner);
        p.put("examinerName", examinerName);
        p.put("device", blank(a.device()));
        p.put("magnification", a.magnification());
        p.put("cutoff", a.vellusCutoffUm());
        p.put("grasped", a.pullTest() == null ? null : a.pullTest().grasped());
        p.put("out", a.pullTest() == null ? null : a.pullTest().out());
        p.put("comb", a.combCount());
        p.put("wash", a.washCount());
        p.put("shedding", a.sinclairShedding());
        p.put("norwood", a.norwood() == null ? null : a.norwood().name());
        p.put("ludwig", a.ludwig() == null ? null : a.ludwig().name());
        p.put("savin", a.savin() == null ? null : a.savin().name());
        p.put("part", a.sinclairPart());
        p.put("left", a.salt() == null ? null : a.salt().left());
        p.put("right", a.salt() == null ? null : a.salt().right());
        p.put("top", a.salt() == null ? null : a.salt().top());
        p.put("back", a.salt() == null ? null : a.salt().back());
        p.put("notes", blank(a.notes()));
        p.put("now", Timestamp.from(now));
        long id = jdbc.sql("""
                INSERT INTO diagnosis_assessment (organisation_id, clinic_id, patient_id, assessed_on, examiner,
                    examiner_name, device, magnification, vellus_cutoff_um, pull_grasped, pull_out, comb_count,
                    wash_count, sinclair_shedding, norwood, ludwig, savin, sinclair_part, salt_left, salt_right,
                    salt_top, salt_back, notes, recorded_at)
                VALUES (:org, :clinic, :patient, :on, :examiner, :examinerName, :device, :magnification, :cutoff,
                    :grasped, :out, :comb, :wash, :shedding, :norwood, :ludwig, :savin, :part, :left, :right, :top,
                    :back, :notes, :now) RETURNING id""").params(p).query(Long.class).single();
        for (AssessmentInput.Site s : a.sites() == null ? List.<AssessmentInput.Site>of() : a.sites()) {
            jdbc.sql("""
                    INSERT INTO diagnosis_site (assessment_id, site, hairs, area_cm2, terminal, vellus,
                        mean_diameter_um, anagen_percent, telogen_percent, hairs_per_unit, empty_follicles, signs)
                    VALUES (:id, :site, :hairs, :area, :terminal, :vellus, :diameter, :anagen, :telogen, :perUnit,
                        :empty, :signs)""")
                    .param("id", id).param("site", s.site()).param("hairs", s.hairs()).param("area", s.areaCm2())
                    .param("terminal", s.terminal()).param("vellus", s.vellus()).param("diameter", s.meanDiameterUm())
                    .param("anagen", s.anagenPercent()).param("telogen", s.telogenPercent())
                    .param("perUnit", s.hairsPerFollicularUnit()).param("empty", s.emptyFollicles())
                    .param("signs", s.signs() == null || s.signs().isEmpty() ? null
                            : s.signs().stream().map(Enum::name).collect(Collectors.joining(",")))
                    .update();
        }
        return id;
    }

    /** The patient's assessments, newest first: two queries, however many there are (a chart can hold years). */
    List<AssessmentView> of(long patientId) {
        return ReadOnce.read(this, "of", patientId, () -> read(patientId));
    }

    private List<AssessmentView> read(long patientId) {
        Map<Long, List<AssessmentView.SiteView>> sites = new HashMap<>();
        jdbc.sql("""
                SELECT s.* FROM diagnosis_site s JOIN diagnosis_assessment a ON a.id = s.assessment_id
                WHERE a.patient_id = :p""").param("p", patientId).query(rs -> {
                    sites.computeIfAbsent(rs.getLong("assessment_id"), k -> new ArrayList<>()).add(site(rs));
                });
        return jdbc.sql("SELECT * FROM diagnosis_assessment WHERE patient_id = :p ORDER BY assessed_on DESC, id DESC")
                .param("p", patientId)
                .query((rs, n) -> assessment(rs, sites.getOrDefault(rs.getLong("id"), List.of()))).list();
    }

    Optional<AssessmentView> find(long id) {
        List<AssessmentView.SiteView> sites = jdbc.sql("SELECT * FROM diagnosis_site WHERE assessment_id = :id")
                .param("id", id).query((rs, n) -> site(rs)).list();
        return jdbc.sql("SELECT * FROM diagnosis_assessment WHERE id = :id").param("id", id)
                .query((rs, n) -> assessment(rs, sites)).optional();
    }

    private static AssessmentView.SiteView site(ResultSet rs) throws SQLException {
        int hairs = rs.getInt("hairs");
        BigDecimal area = rs.getBigDecimal("area_cm2");
        BigDecimal diameter = rs.getBigDecimal("mean_diameter_um");
        Integer terminal = (Integer) rs.getObject("terminal");
        Integer vellus = (Integer) rs.getObject("vellus");
        String signs = rs.getString("signs");
        return new AssessmentView.SiteView(rs.getString("site"), hairs, area, Trichometry.density(hairs, area),
                terminal, vellus,
                terminal == null || vellus == null ? null : Trichometry.terminalPercent(terminal, vellus),
                diameter, diameter == null ? null : Trichometry.cumulativeThickness(hairs, area, diameter),
                rs.getBigDecimal("anagen_percent"), rs.getBigDecimal("telogen_percent"),
                rs.getBigDecimal("hairs_per_unit"), (Integer) rs.getObject("empty_follicles"),
                signs == null ? List.of() : Arrays.asList(signs.split(",")));
    }

    private AssessmentView assessment(ResultSet rs, List<AssessmentView.SiteView> sites) throws SQLException {
        Integer grasped = (Integer) rs.getObject("pull_grasped");
        Integer out = (Integer) rs.getObject("pull_out");
        Integer left = (Integer) rs.getObject("salt_left");
        BigDecimal salt = left == null ? null : Trichometry.salt(left, rs.getInt("salt_right"),
                rs.getInt("salt_top"), rs.getInt("salt_back"));
        return new AssessmentView(rs.getLong("id"), rs.getLong("patient_id"),
                rs.getObject("assessed_on", LocalDate.class), rs.getString("examiner_name"), rs.getString("device"),
                (Integer) rs.getObject("magnification"), rs.getInt("vellus_cutoff_um"), sortedSites(sites),
                grasped, out, grasped == null ? null : Trichometry.pullTestPositive(grasped, out),
                (Integer) rs.getObject("comb_count"), (Integer) rs.getObject("wash_count"),
                (Integer) rs.getObject("sinclair_shedding"), rs.getString("norwood"), rs.getString("ludwig"),
                rs.getString("savin"), (Integer) rs.getObject("sinclair_part"), salt,
                salt == null ? null : Trichometry.saltBand(salt), rs.getString("notes"), rs.getBoolean("voided"),
                rs.getString("void_reason"));
    }

    /** Voids an assessment measured by mistake; false when there is none to void. */
    boolean voidAssessment(long patientId, long assessmentId, String reason) {
        return jdbc.sql("UPDATE diagnosis_assessment SET voided = TRUE, void_reason = :reason "
                + "WHERE id = :id AND patient_id = :p AND NOT voided").param("reason", reason).param("id", assessmentId)
                .param("p", patientId).update() == 1;
    }

    long patientOf(long assessmentId) {
        return jdbc.sql("SELECT patient_id FROM diagnosis_assessment WHERE id = :id").param("id", assessmentId)
                .query(Long.class).optional().orElse(-1L);
    }

    long insertDiagnosis(long organisationId, long clinicId, long patientId, DiagnosisKnowledge.Category category,
            DiagnosisInput input, String practitioner, String practitionerName, Instant now) {
        return jdbc.sql("""
                INSERT INTO diagnosis_diagnosis (organisation_id, clinic_id, patient_id, category, icd10, snomed,
                    trigger_cause, stage, notes, practitioner, practitioner_name, recorded_at)
                VALUES (:org, :clinic, :patient, :category, :icd10, :snomed, :trigger, :stage, :notes, :by, :name,
                    :now) RETURNING id""")
                .param("org", organisationId).param("clinic", clinicId).param("patient", patientId)
                .param("category", category.id()).param("icd10", category.icd10()).param("snomed", category.snomed())
                .param("trigger", blank(input.trigger())).param("stage", blank(input.stage()))
                .param("notes", blank(input.notes())).param("by", practitioner).param("name", practitionerName)
                .param("now", Timestamp.from(now)).query(Long.class).single();
    }

    Optional<Long> patientOfDiagnosis(long diagnosisId) {
        return jdbc.sql("SELECT patient_id FROM diagnosis_diagnosis WHERE id = :id").param("id", diagnosisId)
                .query(Long.class).optional();
    }

    List<DiagnosisView> diagnoses(long patientId) {
        return jdbc.sql("SELECT * FROM diagnosis_diagnosis WHERE patient_id = :p ORDER BY id DESC")
                .param("p", patientId)
                .query((rs, n) -> new DiagnosisView(rs.getLong("id"), rs.getString("category"), rs.getString("icd10"),
                        rs.getString("snomed"), rs.getString("trigger_cause"), rs.getString("stage"),
                        rs.getString("notes"), rs.getString("practitioner_name"),
                        rs.getObject("recorded_at", java.time.OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Sites in the order of knowledge/scalp-sites.json, front to back. */
    private List<AssessmentView.SiteView> sortedSites(List<AssessmentView.SiteView> sites) {
        List<String> order = knowledge.sites();
        return sites.stream().sorted(java.util.Comparator.comparingInt(s -> order.indexOf(s.site()))).toList();
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
