package org.follicle;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.follicle.security.Role;
import org.follicle.support.FollicleIntegrationTest;
import org.follicle.support.HtmlChecker;
import org.follicle.support.Http;
import org.follicle.support.PortalSessions;
import org.follicle.support.Lots;
import org.follicle.support.Signatures;
import org.follicle.support.StaffFixture;
import org.follicle.support.StaffFixture.Organisation;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages a French or Spanish clinic works in, rendered with a patient whose record has something in every
 * section (findings, medicines, a formula, a session with its lots, a side effect, a recalled lot): none shows a
 * message without its translation or an internal code (an enum name, a rule id) where a person reads, and each is
 * valid HTML.
 */
@FollicleIntegrationTest
class TranslatedPagesIT {

    /** An internal code: upper-case words joined by underscores (NOT_ELIGIBLE), or a rule id (BIOTIN.ALLERGY). */
    static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+\\b|\\b[A-Z]{3,}\\.[A-Z_]{3,}\\b");

    /** Words of English that neither French nor Spanish has: a sentence left untranslated. */
    static final Pattern ENGLISH = Pattern.compile("(?i)\\b(the|with|and|is|are|not|knowledge base|patient's|vitamin|acid)\\b(?= )");

    /** What only the project's own people understand: its files, and the knowledge base's grading marks. */
    static final Pattern INTERNAL = Pattern.compile("shared/\\w+|workflow \\d|\\[(?:LOW|VERIFY|secondary[^\\]]*)\\]");

    /** Codes a person is meant to read: the setting named in the evaluation notice. */
    static final List<String> MEANT = List.of("DATABASE_URL");

    @LocalServerPort
    int port;

    @Autowired
    StaffFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @Test
    void frenchAndSpanishPagesShowNoMissingTranslationAndNoInternalCode() {
        Http http = new Http(port);
        Organisation org = fixture.organisation();
        StaffFixture.Staff doctor = fixture.staff(org, "Médecin", Map.of(org.paris(), Role.PRACTITIONER,
                org.madrid(), Role.PRACTITIONER));
        String doctorToken = fixture.token(doctor);
        StaffFixture.Staff manager = fixture.staff(org, "Gérante", Map.of(org.paris(), Role.ADMIN));
        String admin = fixture.token(manager);
        fixture.weekdayHours(org.paris(), doctor.id());
        long patient = fixture.patient(org, org.paris(), "Traduction", "Élodie");
        jdbc.sql("UPDATE patients_patient SET sex = 'FEMALE', email = 'elodie@example.invalid' WHERE id = :id")
                .param("id", patient).update();
        fixture.consent(patient, org.paris(), org.id(), "MESOTHERAPY");
        String answers = IntakeIT.intake("\"NO\"", "[{\"name\":\"Kardégic\",\"prescribed\":false,\"lastTaken\":\""
                + LocalDate.now().minusDays(2) + "\"},{\"name\":\"Zorglubine\",\"prescribed\":true}]")
                .replace("\"otherIngredients\":null", "\"otherIngredients\":\"biotine\"")
                .replace("\"hyaluronicAcid\":\"NO\"}", "\"hyaluronicAcid\":\"NO\",\"otherIngredients\":\"biotine\"}");
        assertThat(http.send("PUT", "/api/v1/patients/" + patient + "/intake", doctorToken, answers, Map.of())
                .statusCode()).isLessThan(300);
        long lot = Lots.receive(http, admin, org.paris(), "Panthénol", "DEXPANTHENOL", "PAN-7", 10);
        Lots.receive(http, admin, org.paris(), "Biotine", "BIOTIN", "BIO-7", 10);
        long formula = SchedulingIT.id(http.send("POST", "/api/v1/patients/" + patient + "/formulas", doctorToken,
                "{\"formula\":" + FormularyIT.formula("DEXPANTHENOL") + "}", Map.of()));
        LocalDate monday = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(8)
                .with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        long appointment = SchedulingIT.id(http.send("POST", "/api/v1/appointments", doctorToken, "{\"clinicId\":"
                + org.paris() + ",\"patientId\":" + patient + ",\"practitionerId\":" + doctor.id()
                + ",\"typeCode\":\"MESOTHERAPY\",\"start\":\"" + monday + "T10:00\"}", Map.of()));
        HttpResponse<String> started = http.send("POST", "/api/v1/sessions", doctorToken, "{\"appointmentId\":"
                + appointment + ",\"modality\":\"CHEMICAL\",\"formulaId\":" + formula + ",\"precheck\":"
                + SessionsIT.PRECHECK.formatted("NO") + ",\"overrideReason\":\"Lavage de l'aspirine presque fini\"}",
                Map.of());
        assertThat(started.statusCode()).as(started.body()).isLessThan(300);
        long session = Long.parseLong(started.body().replaceAll("^\\{\"session\":\\{\"id\":(\\d+),.*", "$1"));
        assertThat(http.send("PUT", "/api/v1/sessions/" + session, doctorToken, "{\"technique\":\"NAPPAGE\","
                + "\"depthMm\":1,\"zones\":[{\"zone\":\"VERTEX\",\"points\":20,\"volumeMl\":1}],\"lots\":[{\"lotId\":"
                + lot + ",\"quantity\":1}]}", Map.of("If-Match", "\"0\"")).statusCode()).isEqualTo(200);
        assertThat(http.send("POST", "/api/v1/sessions/" + session + "/sign", doctorToken, null,
                Map.of("If-Match", "\"1\"")).statusCode()).isEqualTo(200);
        long event = SchedulingIT.id(http.send("POST", "/api/v1/adverse-events", doctorToken, "{\"clinicId\":"
                + org.paris() + ",\"patientId\":" + patient + ",\"sessionId\":" + session + ",\"kind\":\"ERYTHEMA\","
                + "\"onsetOn\":\"" + LocalDate.now() + "\",\"severity\":\"MILD\",\"relation\":\"POSSIBLE\","
                + "\"outcome\":\"ONGOING\"}", Map.of()));
        assertThat(http.send("POST", "/api/v1/lots/" + lot + "/recall", admin,
                "{\"reason\":\"Avis du fournisseur : stérilité non garantie\"}", Map.of()).statusCode()).isEqualTo(200);

        long plan = Long.parseLong(http.send("POST", "/api/v1/patients/" + patient + "/plans", doctorToken,
                "{\"clinicId\":" + org.paris() + ",\"protocolCode\":\"PRP\",\"practitionerId\":" + doctor.id()
                        + ",\"startsOn\":\"" + monday.plusWeeks(2) + "\",\"sessionTime\":\"10:00\",\"book\":false}",
                Map.of()).body().replaceAll("^\\{\"plan\":\\{\"id\":(\\d+),.*", "$1"));

        http.send("PUT", "/api/v1/clinics/" + org.paris() + "/seller", admin, BillingIT.SELLER, Map.of());
        long invoice = SchedulingIT.id(http.send("POST", "/api/v1/invoices", doctorToken,
                BillingIT.draft(org.paris(), patient), Map.of()));
        http.send("POST", "/api/v1/invoices/" + invoice + "/issue", doctorToken, null, Map.of("If-Match", "\"1\""));
        long creditNote = SchedulingIT.id(http.send("POST", "/api/v1/invoices/" + invoice + "/credit-notes",
                doctorToken, "{\"reason\":\"Facturée deux fois\"}", Map.of()));
        long draft = SchedulingIT.id(http.send("POST", "/api/v1/invoices", doctorToken,
                BillingIT.draft(org.paris(), patient), Map.of()));
        long coursePrice = SchedulingIT.id(http.send("POST", "/api/v1/clinics/" + org.paris() + "/price-list/courses",
                admin, ClinicIsolationIT.COURSE, Map.of()));
        long sale = SchedulingIT.id(http.send("POST", "/api/v1/invoices", doctorToken, "{\"clinicId\":" + org.paris()
                + ",\"patientId\":" + patient + ",\"lines\":[{\"priceId\":" + coursePrice + ",\"quantity\":1}]}",
                Map.of()));
        http.send("POST", "/api/v1/invoices/" + sale + "/issue", doctorToken, null, Map.of("If-Match", "\"1\""));
        http.send("POST", "/api/v1/patients/" + patient + "/vat-choice", doctorToken,
                "{\"vatCategory\":\"STANDARD\",\"reason\":\"Demande esthétique\"}", Map.of());
        long course = Long.parseLong(http.get("/api/v1/patients/" + patient + "/courses", doctorToken).body()
                .replaceAll("(?s)^\\[\\{\"id\":(\\d+),.*", "$1"));

        List<String> pages = List.of("/", "/plans/" + plan, "/invoices/" + invoice, "/invoices/" + creditNote,
                "/invoices/" + draft, "/patients/" + patient + "/invoices/new", "/sales", "/sales?verify=true", "/prices", "/sales/revenue",
                "/patients/" + patient + "/vat-choice", "/patients/" + patient + "/deposits/new", "/courses/" + course + "/cancel", "/patients/" + patient, "/patients/" + patient + "/intake",
                "/patients/" + patient + "/intake/history", "/patients/" + patient + "/formulas/" + formula,
                "/patients/" + patient + "/formulas/new", "/sessions/" + session, "/appointments/" + appointment,
                "/adverse-events", "/adverse-events/" + event, "/formulary/stock", "/formulary/lots/" + lot,
                "/formulary/products", "/formulary", "/formulary/ingredients/DUTASTERIDE", "/formulary/ingredients/BUFLOMEDIL",
                "/calendar", "/recalls", "/admin/screening",
                "/patients/" + patient + "/plans/new", "/patients/" + patient + "/progress",
                "/patients/" + patient + "/follow-ups/new", "/patients/" + patient + "/assessments/new",
                "/patients/" + patient + "/consents/PRP", "/analytics/cohorts", "/admin/audit", "/admin/staff",
                "/admin/staff/" + doctor.id(), "/admin/clinics", "/admin/clinics/" + org.paris(), "/admin/registry",
                "/calendar/settings", "/account", "/admin/messages?kind=PRE_CARE&language=es");
        List<String> problems = new ArrayList<>();
        HtmlChecker html = new HtmlChecker();
        for (String language : List.of("fr", "es")) {
            for (StaffFixture.Staff who : List.of(doctor, manager)) {
                Http page = new Http(port);
                page.signIn(who.username(), StaffFixture.PASSWORD);
                page.page("/?lang=" + language);
                for (String path : pages) {
                    HttpResponse<String> response = page.page(path);
                    if (response.statusCode() != 200) {
                        continue;
                    }
                    html.errors(response.body()).forEach(error -> problems.add("invalid HTML in " + path + ", " + error));
                    var body = Jsoup.parse(response.body()).body();
                    body.select("[lang=en]").remove(); // declared English, such as the audit log's technical notes
                    check(language + " " + path, body.text(), problems);
                }
            }
        }
        // The patient's own pages on the portal, with a message from the clinic and the aftercare of the session.
        Http patientPages = PortalSessions.signedIn(port, jdbc, patient);
        jdbc.sql("""
                INSERT INTO portal_message (organisation_id, clinic_id, patient_id, from_patient, author, body, sent_at)
                VALUES (:org, :clinic, :patient, FALSE, 'Médecin', 'Bonjour', now())""").param("org", org.id())
                .param("clinic", org.paris()).param("patient", patient).update();
        List<String> portal = List.of("/portal", "/portal/book", "/portal/book?type=MESOTHERAPY&practitioner="
                + doctor.id() + "&day=" + monday, "/portal/aftercare", "/portal/messages", "/portal/invoices", "/portal/progress", "/portal/photos", "/portal/intake", "/portal/consents/PRP", "/portal/preferences", "/portal/passkeys",
                "/portal/login", "/portal/login/sent", "/portal/login/ott?token=x");
        for (String language : List.of("fr", "es")) {
            patientPages.page("/portal?lang=" + language);
            for (String path : portal) {
                HttpResponse<String> response = patientPages.page(path);
                assertThat(response.statusCode()).as(path).isEqualTo(200);
                html.errors(response.body()).forEach(error -> problems.add("invalid HTML in " + path + ", " + error));
                check(language + " " + path, Jsoup.parse(response.body()).body().text(), problems);
            }
        }
        assertThat(problems.stream().distinct().toList()).as("what a patient should not read").isEmpty();
        // The patient's documents, in the patient's language.
        for (String language : List.of("en", "fr", "es")) {
            jdbc.sql("UPDATE patients_patient SET preferred_language = :l WHERE id = :id").param("l", language)
                    .param("id", patient).update();
            HttpResponse<String> consent = http.send("POST", "/api/v1/patients/" + patient + "/consents", doctorToken,
                    "{\"type\":\"MESOTHERAPY\",\"language\":\"" + language + "\",\"signerName\":\"Élodie Traduction\","
                            + "\"signaturePng\":\"" + Signatures.drawn() + "\"}", Map.of());
            assertThat(consent.statusCode()).as(consent.body()).isEqualTo(201);
            for (String path : List.of("/api/v1/sessions/" + session + "/aftercare.pdf", "/api/v1/plans/" + plan
                    + "/quote.pdf", "/api/v1/patients/" + patient + "/progress.pdf", "/api/v1/invoices/" + invoice
                    + "/pdf", "/api/v1/invoices/" + creditNote + "/pdf",
                    consent.headers().firstValue("Location").orElseThrow())) {
                String text = pdfText(path, doctorToken);
                check(language + " " + path, text, problems);
            }
        }
        assertThat(problems.stream().distinct().toList()).as("what a person should not read").isEmpty();
    }

    /** The audit log names every kind of record the application has written so far, in French and Spanish. */
    @Test
    void everyKindOfAuditedRecordHasItsName() throws java.io.IOException {
        List<String> kinds = jdbc.sql("SELECT DISTINCT record_type FROM security_audit_entry WHERE record_type NOT LIKE '%-test'")
                .query(String.class).list();
        assertThat(kinds).contains("patient", "session");
        for (String bundle : List.of("messages.properties", "messages_fr.properties", "messages_es.properties")) {
            java.util.Properties named = new java.util.Properties();
            try (var in = getClass().getClassLoader().getResourceAsStream(bundle)) {
                named.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            assertThat(kinds).allSatisfy(kind -> assertThat(named.getProperty("audit.record." + kind))
                    .as("audit.record.%s in %s", kind, bundle).isNotBlank());
        }
    }

    /** A missing translation, an English word or an internal code in what a person reads, each a problem. */
    private static void check(String where, String text, List<String> problems) {
        Matcher internal = INTERNAL.matcher(text);
        while (internal.find()) {
            problems.add(where + ": internal reference " + internal.group() + " in \"" + around(text, internal.start())
                    + "\"");
        }
        if (where.startsWith("en ")) {
            return;
        }
        if (text.contains("??")) {
            problems.add(where + ": a message without its translation near \"" + around(text, text.indexOf("??")) + "\"");
        }
        Matcher english = ENGLISH.matcher(text);
        while (english.find()) {
            problems.add(where + ": English \"" + english.group().trim() + "\" in \"" + around(text, english.start())
                    + "\"");
        }
        Matcher code = CODE.matcher(text);
        while (code.find()) {
            if (!MEANT.contains(code.group())) {
                problems.add(where + ": internal code " + code.group() + " in \"" + around(text, code.start()) + "\"");
            }
        }
    }

    private String pdfText(String path, String token) {
        try {
            HttpResponse<byte[]> pdf = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                    .newBuilder(java.net.URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(pdf.statusCode()).as(path).isEqualTo(200);
            try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
                return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replace('\n', ' ');
            }
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String around(String text, int at) {
        return text.substring(Math.max(0, at - 40), Math.min(text.length(), at + 40));
    }
}
