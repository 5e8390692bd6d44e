package org.follicle.intake.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.follicle.intake.ConsentType;
import org.follicle.patients.PatientView;
import org.follicle.patients.Sex;
import org.follicle.system.DemoDataContributor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Intake answers for the demo patients, so that the demo shows every screening decision: eligible, pregnant
 * (not eligible), on an anticoagulant, a minor, an NSAID wash-out (deferred), an unknown answer (review).
 */
@Component
class IntakeDemoData implements DemoDataContributor {

    private final IntakeStore forms;

    private final JdbcClient jdbc;

    private final JsonMapper json;

    private final Clock clock;

    private final Consents consents;

    IntakeDemoData(IntakeStore forms, JdbcClient jdbc, JsonMapper json, Clock clock, Consents consents) {
        this.consents = consents;
        this.forms = forms;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public int getOrder() {
        return 40;
    }

    @Override
    public void loadDemoData() {
        LocalDate today = LocalDate.now(clock);
        answer("Moreau", healthy());
        answer("Dubois", set(healthy(), "medicalHistory", "pregnancy", "YES"));
        ObjectNode anticoagulated = healthy();
        set(anticoagulated, "medicalHistory", "takesMedicines", "YES");
        anticoagulated.withArray("medications").addObject().put("kind", "ANTICOAGULANT").put("code", "APIXABAN")
                .put("name", "Eliquis").put("prescribed", true).put("lastTaken", today.toString());
        answer("Lefèvre", anticoagulated);
        answer("Martin", healthy());
        ObjectNode ibuprofen = healthy();
        set(ibuprofen, "medicalHistory", "takesMedicines", "YES");
        ibuprofen.withArray("medications").addObject().put("kind", "NSAID").put("code", "IBUPROFEN")
                .put("name", "Advil").put("prescribed", false).put("lastTaken", today.minusDays(3).toString());
        answer("Bernard", ibuprofen);
        answer("Nguyen", set(healthy(), "medicalHistory", "diabetes", "UNKNOWN"));
        answer("García", healthy());
        answer("Fernández", set(healthy(), "scalpToday", "psoriasisOrDermatitis", "YES"));
        // Hélène Moreau signed her treatment and photography consents at her first visit.
        PatientView moreau = jdbc.sql("""
                SELECT * FROM patients_patient WHERE family_name = 'Moreau' AND created_by = 'demo'""")
                .query((rs, n) -> new PatientView(rs.getLong("id"), rs.getLong("organisation_id"),
                        rs.getLong("clinic_id"), rs.getString("file_number"), rs.getString("family_name"),
                        rs.getString("given_name"), rs.getObject("birth_date", LocalDate.class),
                        Sex.valueOf(rs.getString("sex")), rs.getString("phone"), rs.getString("email"),
                        rs.getString("preferred_language"), false, null, rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("changed_at").toInstant(), rs.getInt("version")))
                .optional().orElse(null);
        if (moreau != null) {
            for (ConsentType type : List.of(ConsentType.MESOTHERAPY, ConsentType.PHOTOGRAPHY)) {
                consents.signForDemo(moreau, type, "fr", Signature.of(drawnSignature()), "practitioner",
                        "Dr Hélène Moreau");
            }
        }
    }

    /** A signature as a pad draws it: one stroke of ink on a white field. */
    private static byte[] drawnSignature() {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(300, 100,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D pen = image.createGraphics();
        pen.setColor(java.awt.Color.WHITE);
        pen.fillRect(0, 0, 300, 100);
        pen.setColor(java.awt.Color.BLACK);
        pen.setStroke(new java.awt.BasicStroke(3));
        pen.drawPolyline(new int[] { 20, 60, 90, 130, 170, 220, 270 }, new int[] { 70, 30, 75, 25, 70, 35, 60 }, 7);
        pen.dispose();
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", png);
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    private ObjectNode healthy() {
        ObjectNode doc = json.createObjectNode();
        Map<String, String[]> sections = Map.of(
                "medicalHistory", new String[] { "pregnancy", "breastfeeding", "childbearingPotential", "autoimmuneDisease", "diabetes",
                        "insulin", "heartDisease", "kidneyFailure", "liverFailure", "bleedingDisorder",
                        "plateletDisorder", "cancer", "currentChemotherapy", "immunosuppression", "keloidTendency",
                        "phaeochromocytoma", "recentFever", "septicaemia", "recentScalpSteroidInjection", "tobacco", "takesMedicines" },
                "allergies", new String[] { "localAnaesthetics", "methylxanthines", "minoxidil",
                        "fiveAlphaReductaseInhibitors", "hyaluronicAcid" },
                "scalpToday", new String[] { "infection", "inflammation", "openWound", "sunburn",
                        "psoriasisOrDermatitis" });
        sections.forEach((section, questions) -> {
            ObjectNode node = doc.putObject(section);
            for (String q : questions) {
                node.put(q, "NO");
            }
        });
        doc.putArray("medications");
        doc.putObject("hairHistory").put("pattern", "DIFFUSE_THINNING").put("onset", "2024-09")
                .put("familyHistory", "YES");
        return doc;
    }

    private static ObjectNode set(ObjectNode doc, String section, String question, String value) {
        ((ObjectNode) doc.get(section)).put(question, value);
        return doc;
    }

    /** Demo only: finds the demo patient by family name in the registry's table. */
    private void answer(String familyName, ObjectNode document) {
        jdbc.sql("SELECT id, organisation_id, clinic_id FROM patients_patient WHERE family_name = :name AND created_by = 'demo'")
                .param("name", familyName)
                .query((rs, n) -> forms.insert(rs.getLong("organisation_id"), rs.getLong("clinic_id"), rs.getLong("id"),
                        1, document, clock.instant(), "demo"))
                .list();
    }
}
