package org.follicle;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import org.follicle.security.Role;
import org.follicle.support.FollicleIntegrationTest;
import org.follicle.support.Http;
import org.follicle.support.Photos;
import org.follicle.support.Signatures;
import org.follicle.support.StaffFixture;
import org.follicle.support.StaffFixture.Organisation;
import org.follicle.support.StaffFixture.Staff;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user of one clinic sees nothing of another clinic's records. Every endpoint that takes a record id is listed
 * here with how to reach a Paris record; a Madrid user must get 403 or 404 on each, a Paris user must not.
 * <p>
 * <b>Adding a module:</b> add its endpoints to {@link #endpoints()} (and the records they need to {@link Scene}).
 * {@link #everyEndpointWithAnIdIsCovered()} fails the build for an endpoint that is neither listed nor exempted.
 */
@FollicleIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClinicIsolationIT {

    /** Endpoints scoped to the signed-in user rather than a clinic; each has its own test. */
    static final Set<String> USER_SCOPED = Set.of("/api/v1/me/tokens/{tokenId}", "/account/tokens/{tokenId}/revoke",
            "/feeds/{token}.ics");

    /** The portal's pages: a patient's own records, tried with another patient's ids in {@code PortalIT}. */
    static boolean patientScoped(String pattern) {
        return pattern.startsWith("/portal/");
    }

    /** The payment gateway's notices: no one signs in, the gateway's signature is checked ({@code OnlinePaymentsIT}). */
    static final Set<String> GATEWAY_NOTICES = Set.of("/api/v1/webhooks/payments/{gatewayName}");

    /**
     * Multipart uploads: tried across clinics in {@code PhotosIT}-style tests of their own
     * ({@link #madridStaffCannotUploadToAParisPatient()}), since the generic caller sends forms and JSON.
     */
    static final Set<String> UPLOADS = Set.of("/api/v1/patients/{patientId}/photos", "/patients/{patientId}/photos");

    /**
     * Organisation-wide data (the ingredient library, templates, products): shared by the organisation's clinics by
     * design, invisible to other organisations ({@link #anotherOrganisationSeesNoneOfTheFormulary()}).
     */
    static final Set<String> ORGANISATION_SCOPED = Set.of("/api/v1/ingredients/{code}",
            "/api/v1/ingredients/{code}/revisions", "/api/v1/formulas/{formulaId}", "/api/v1/products/{productId}",
            "/formulary/ingredients/{code}", "/api/v1/appointment-types/{code}", "/api/v1/protocols/{code}");

    /**
     * Reads of a clinic's own settings, staff and stock rather than of a patient's record: their changes are audited,
     * their reads are not. Every other read above must append an audit entry ({@link #parisAdminReachesParisRecords}).
     */
    static final Set<String> NOT_PATIENT_DATA = Set.of("/admin/clinics/{clinicId}", "/admin/staff/{staffId}",
            "/api/v1/clinics/{clinicId}", "/api/v1/clinics/{clinicId}/calendar-settings",
            "/api/v1/clinics/{clinicId}/practitioners/{practitionerId}/working-hours",
            "/api/v1/clinics/{clinicId}/rooms", "/api/v1/staff/{staffId}", "/api/v1/lots/{lotId}",
            "/api/v1/clinics/{clinicId}/seller", "/api/v1/clinics/{clinicId}/price-list");

    /** Weekday opening or working hours, as a clinic manager sets them. */
    static final String HOURS = "{\"hours\":[{\"dayOfWeek\":1,\"from\":\"09:00\",\"to\":\"19:00\"},"
            + "{\"dayOfWeek\":2,\"from\":\"09:00\",\"to\":\"19:00\"},{\"dayOfWeek\":3,\"from\":\"09:00\",\"to\":\"19:00\"},"
            + "{\"dayOfWeek\":4,\"from\":\"09:00\",\"to\":\"19:00\"},{\"dayOfWeek\":5,\"from\":\"09:00\",\"to\":\"18:00\"}]}";

    @LocalServerPort
    int port;

    @Autowired
    StaffFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    Scene scene;

    @BeforeAll
    void scene() {
        Organisation org = fixture.organisation();
        Staff parisAdmin = fixture.staff(org, "paris-admin", Map.of(org.paris(), Role.ADMIN));
        Staff parisAssistant = fixture.staff(org, "paris-assistant", Map.of(org.paris(), Role.ASSISTANT));
        Staff madridAdmin = fixture.staff(org, "madrid-admin", Map.of(org.madrid(), Role.ADMIN));
        Staff madridPractitioner = fixture.staff(org, "madrid-practitioner", Map.of(org.madrid(), Role.PRACTITIONER));
        Staff parisPractitioner = fixture.staff(org, "paris-practitioner", Map.of(org.paris(), Role.PRACTITIONER));
        long parisPatient = fixture.patient(org, org.paris(), "Durand", "Élise");
        long parisConsent = fixture.consent(parisPatient, org.paris(), org.id());
        long parisAssessment = fixture.assessment(parisPatient, org.paris(), org.id());
        fixture.consent(parisPatient, org.paris(), org.id(), "PHOTOGRAPHY");
        long parisPhoto = Long.parseLong(new Http(port).upload("/api/v1/patients/" + parisPatient + "/photos",
                fixture.token(parisAssistant), Map.of("view", "TOP"), "top.png", Photos.png())
                .body().replaceAll("^\\{\"id\":(\\d+),.*", "$1"));
        Http http = new Http(port);
        long product = id(http.send("POST", "/api/v1/products", fixture.token(parisAdmin), "{\"sku\":\"ISO-"
                + org.suffix() + "\",\"name\":\"Isolation vial\",\"manufacturer\":\"Lab\",\"form\":\"VIAL\","
                + "\"purpose\":\"INJECTION\",\"cost\":1,\"vatRate\":20,\"currency\":\"EUR\"}", Map.of()).body());
        long parisLot = id(http.send("POST", "/api/v1/lots", fixture.token(parisAdmin), "{\"clinicId\":" + org.paris()
                + ",\"productId\":" + product + ",\"lotNumber\":\"ISO-1\",\"expiry\":\""
                + java.time.LocalDate.now().plusYears(1) + "\",\"quantity\":50}", Map.of()).body());
        // A lot the Paris patient received, to recall, and whose recall contact is recorded.
        long recalledLot = id(http.send("POST", "/api/v1/lots", fixture.token(parisAdmin), "{\"clinicId\":"
                + org.paris() + ",\"productId\":" + product + ",\"lotNumber\":\"ISO-R\",\"expiry\":\""
                + java.time.LocalDate.now().plusYears(1) + "\",\"quantity\":5}", Map.of()).body());
        http.send("POST", "/api/v1/preparations", fixture.token(parisPractitioner), "{\"clinicId\":" + org.paris()
                + ",\"requestKey\":\"iso-recall\",\"lots\":[{\"lotId\":" + recalledLot + ",\"quantity\":1}],"
                + "\"recipients\":[{\"patientId\":" + parisPatient + "}]}", Map.of());
        long parisFormula = Long.parseLong(http.send("POST", "/api/v1/patients/" + parisPatient + "/formulas",
                fixture.token(parisPractitioner), "{\"formula\":" + FormularyIT.formula("BIOTIN") + "}", Map.of())
                .body().replaceAll("^\\{\"formula\":\\{\"id\":(\\d+),.*", "$1"));
        Staff parisColleague = fixture.staff(org, "paris-colleague", Map.of(org.paris(), Role.PRACTITIONER));
        fixture.weekdayHours(org.paris(), parisPractitioner.id(), parisColleague.id());
        java.time.LocalDate monday = java.time.LocalDate.now().plusDays(8)
                .with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.MONDAY));
        String admin = fixture.token(parisAdmin);
        List<Long> appointments = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long doctor = i == 5 ? parisColleague.id() : parisPractitioner.id();
            appointments.add(id(http.send("POST", "/api/v1/appointments", admin, "{\"clinicId\":" + org.paris()
                    + ",\"patientId\":" + parisPatient + ",\"practitionerId\":" + doctor
                    + ",\"typeCode\":\"CONSULTATION\",\"start\":\"" + monday + "T" + (10 + i) + ":00\"}", Map.of())
                    .body().replaceFirst("^\\{\"appointment\":", "")));
        }
        List<Long> waiting = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            waiting.add(id(http.send("POST", "/api/v1/waiting-list", admin, "{\"clinicId\":" + org.paris()
                    + ",\"patientId\":" + parisPatient + ",\"typeCode\":\"PRP\",\"earliest\":\"" + monday + "\"}",
                    Map.of()).body()));
        }
        http.send("POST", "/api/v1/clinics/" + org.paris() + "/closures", admin, "{\"day\":\"" + monday.plusYears(1)
                + "\",\"reason\":\"Works\"}", Map.of());
        List<Long> plans = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            plans.add(Long.parseLong(http.send("POST", "/api/v1/patients/" + parisPatient + "/plans",
                    fixture.token(parisPractitioner), planBody(org.paris(), parisPractitioner.id(),
                            monday.plusWeeks(2 + 30 * i)), Map.of()).body()
                    .replaceAll("^\\{\"plan\":\\{\"id\":(\\d+),.*", "$1")));
        }
        // Sessions: one open, one charted (to sign), one signed (to correct), on appointments of their own.
        String doctor = fixture.token(parisPractitioner);
        fixture.consent(parisPatient, org.paris(), org.id(), "MESOTHERAPY");
        http.send("PUT", "/api/v1/patients/" + parisPatient + "/intake", doctor, IntakeIT.intake("\"NO\"", "[]"),
                Map.of());
        List<Long> sessions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long appointment = id(http.send("POST", "/api/v1/appointments", admin, "{\"clinicId\":" + org.paris()
                    + ",\"patientId\":" + parisPatient + ",\"practitionerId\":" + parisPractitioner.id()
                    + ",\"typeCode\":\"FOLLOW_UP\",\"start\":\"" + monday.plusDays(1) + "T" + (10 + i) + ":00\"}",
                    Map.of()).body().replaceFirst("^\\{\"appointment\":", ""));
            long session = Long.parseLong(http.send("POST", "/api/v1/sessions", doctor, "{\"appointmentId\":"
                    + appointment + ",\"modality\":\"MECHANICAL\",\"precheck\":"
                    + SessionsIT.PRECHECK.formatted("NO") + "}", Map.of()).body()
                    .replaceAll("^\\{\"session\":\\{\"id\":(\\d+),.*", "$1"));
            if (i > 0) {
                http.send("PUT", "/api/v1/sessions/" + session, doctor, "{\"technique\":\"MICRONEEDLING\"}",
                        Map.of("If-Match", "\"0\""));
            }
            if (i == 2) {
                http.send("POST", "/api/v1/sessions/" + session + "/sign", doctor, null, Map.of("If-Match", "\"1\""));
            }
            sessions.add(session);
        }
        long adverseEvent = id(http.send("POST", "/api/v1/adverse-events", doctor, "{\"clinicId\":" + org.paris()
                + ",\"patientId\":" + parisPatient + ",\"sessionId\":" + sessions.get(2) + ",\"kind\":\"PAIN\","
                + "\"onsetOn\":\"" + java.time.LocalDate.now() + "\",\"severity\":\"MILD\",\"relation\":\"POSSIBLE\","
                + "\"outcome\":\"ONGOING\"}", Map.of()).body().replaceFirst("^\\{\"event\":", ""));
        sessions.add(adverseEvent);
        // A patient's report of concern from the portal, on the clinic's side-effects list.
        sessions.add(jdbc.sql("""
                INSERT INTO sessions_patient_report (organisation_id, clinic_id, patient_id, session_id, summary, reported_at)
                VALUES (:org, :clinic, :patient, :session, 'Day 1: pain 6/10', now()) RETURNING id""")
                .param("org", org.id()).param("clinic", org.paris()).param("patient", parisPatient)
                .param("session", sessions.get(2)).query(Long.class).single());
        // A course that began months ago, with its 6-month follow-up recorded.
        long startedPlan = fixture.startedCourse(org, org.paris(), parisPatient, parisPractitioner.id(), "MESO_AGA",
                java.time.LocalDate.now().minusMonths(7));
        long followUp = Long.parseLong(http.send("POST", "/api/v1/patients/" + parisPatient + "/follow-ups", doctor,
                "{\"planId\":" + startedPlan + ",\"milestone\":\"P6M\",\"visitOn\":\""
                        + java.time.LocalDate.now().minusMonths(1) + "\",\"adverseEvents\":\"NONE\"}", Map.of())
                .body().replaceAll("^\\{\"followUp\":\\{\"id\":(\\d+),.*", "$1"));
        // Invoices: a draft to change, a draft to issue, an issued one to read and credit, one to credit on its page,
        // one to pay online.
        http.send("PUT", "/api/v1/clinics/" + org.paris() + "/seller", admin, BillingIT.SELLER, Map.of());
        List<Long> invoices = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            invoices.add(id(http.send("POST", "/api/v1/invoices", admin, BillingIT.draft(org.paris(), parisPatient),
                    Map.of()).body()));
        }
        for (int i = 2; i < 5; i++) {
            http.send("POST", "/api/v1/invoices/" + invoices.get(i) + "/issue", admin, null, Map.of("If-Match", "\"1\""));
        }
        String checkout = http.send("POST", "/api/v1/invoices/" + invoices.get(4) + "/checkouts", admin, null, Map.of())
                .body().replaceAll(".*\"externalId\":\"([^\"]+)\".*", "$1");
        // The price list: a retail product, two courses on sale, and two of the first sold to the patient.
        long retail = id(http.send("POST", "/api/v1/products", admin, "{\"sku\":\"EXO-ISO\",\"name\":\"Exosome kit\","
                + "\"manufacturer\":\"Lab\",\"form\":\"KIT\",\"purpose\":\"RETAIL\",\"cost\":21,\"retailPrice\":38.5,"
                + "\"vatRate\":20,\"currency\":\"EUR\"}", Map.of()).body());
        http.send("PUT", "/api/v1/clinics/" + org.paris() + "/price-list/treatments/CONSULTATION", admin,
                "{\"vatCategory\":\"EXEMPT_MEDICAL\"}", Map.of());
        List<Long> coursePrices = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            coursePrices.add(id(http.send("POST", "/api/v1/clinics/" + org.paris() + "/price-list/courses", admin,
                    COURSE, Map.of()).body()));
        }
        List<Long> courses = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            long sale = id(http.send("POST", "/api/v1/invoices", admin, "{\"clinicId\":" + org.paris()
                    + ",\"patientId\":" + parisPatient + ",\"lines\":[{\"priceId\":" + coursePrices.get(0)
                    + ",\"quantity\":1}]}", Map.of()).body());
            http.send("POST", "/api/v1/invoices/" + sale + "/issue", admin, null, Map.of("If-Match", "\"1\""));
            courses.add(jdbc.sql("SELECT id FROM billing_course WHERE invoice_id = :invoice").param("invoice", sale)
                    .query(Long.class).single());
        }
        scene = new Scene(org, parisAdmin, parisAssistant, madridAdmin, madridPractitioner, parisPractitioner,
                parisPatient, parisConsent, parisAssessment, parisPhoto, parisLot, recalledLot, parisFormula, appointments,
                waiting, plans, sessions, monday, startedPlan, followUp, invoices, retail, coursePrices, courses, checkout);
    }

    /** What the endpoints are tried on: a Paris clinic and its records, and people of both clinics. */
    record Scene(Organisation org, Staff parisAdmin, Staff parisStaffMember, Staff madridAdmin,
            Staff madridPractitioner, Staff parisPractitioner, long parisPatient, long parisConsent,
            long parisAssessment, long parisPhoto, long parisLot, long recalledLot, long parisFormula,
            List<Long> appointments,
            List<Long> waiting, List<Long> plans, List<Long> sessions, java.time.LocalDate monday, long startedPlan,
            long followUp, List<Long> invoices, long retailProduct, List<Long> coursePrices, List<Long> courses,
            String checkout) {
    }

    /** A course for the price list. */
    static final String COURSE = "{\"name\":\"Mesotherapy, 6 sessions\",\"appointmentType\":\"MESOTHERAPY\","
            + "\"sessions\":6,\"validityDays\":365,\"unitPrice\":600,\"vatCategory\":\"EXEMPT_MEDICAL\"}";

    /** A proposed mesotherapy course (not booked) for the Paris patient. */
    static String planBody(long clinic, long practitioner, java.time.LocalDate start) {
        return "{\"clinicId\":" + clinic + ",\"protocolCode\":\"MESO_AGA\",\"practitionerId\":" + practitioner
                + ",\"startsOn\":\"" + start + "\",\"sessionTime\":\"09:00\",\"book\":false}";
    }

    /**
     * One endpoint, with how to address a Paris record through it, who in Paris may use it, and where to read
     * the ETag that a change sends back in If-Match.
     */
    record Endpoint(String method, String pattern, Function<Scene, String> path, String body,
            Function<Scene, Staff> owner, Function<Scene, String> etagFrom) {

        static Endpoint api(String method, String pattern, Function<Scene, String> path, String body) {
            return new Endpoint(method, pattern, path, body, Scene::parisAdmin,
                    method.equals("PUT") ? path : null);
        }

        static Endpoint page(String method, String pattern, Function<Scene, String> path) {
            return new Endpoint(method, pattern, path, null, Scene::parisAdmin, null);
        }

        Endpoint by(Function<Scene, Staff> who) {
            return new Endpoint(method, pattern, path, body, who, etagFrom);
        }

        Endpoint withETagFrom(Function<Scene, String> read) {
            return new Endpoint(method, pattern, path, body, owner, read);
        }

        boolean isApi() {
            return pattern.startsWith("/api/") || pattern.startsWith("/fhir/");
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    static Stream<Endpoint> endpoints() {
        Function<Scene, String> paris = s -> String.valueOf(s.org().paris());
        Function<Scene, String> parisStaff = s -> String.valueOf(s.parisStaffMember().id());
        Function<Scene, String> patient = s -> "/api/v1/patients/" + s.parisPatient();
        Function<Scene, String> chart = s -> "/patients/" + s.parisPatient();
        Function<Scene, String> fhirPatient = s -> "/fhir/Patient/" + s.parisPatient();
        return Stream.of(
                // FHIR (before voiding: a voided record is no longer corrected)
                Endpoint.api("GET", "/fhir/Patient/{id}", fhirPatient, null),
                Endpoint.api("PUT", "/fhir/Patient/{id}", fhirPatient, "{\"resourceType\":\"Patient\","
                        + "\"id\":\"{patient}\",\"name\":[{\"family\":\"Durand\",\"given\":[\"Élise\"]}],"
                        + "\"birthDate\":\"1980-05-17\",\"gender\":\"female\"}").by(Scene::parisPractitioner),
                Endpoint.api("GET", "/fhir/Patient/{id}/$everything", s -> fhirPatient.apply(s) + "/$everything", null),
                Endpoint.api("GET", "/fhir/DiagnosticReport/{id}",
                        s -> "/fhir/DiagnosticReport/" + s.parisAssessment(), null),
                Endpoint.api("GET", "/fhir/Appointment/{id}", s -> "/fhir/Appointment/" + s.appointments().get(0), null),
                Endpoint.api("GET", "/fhir/Observation?patient={id}",
                        s -> "/fhir/Observation?patient=" + s.parisPatient(), null),
                Endpoint.api("GET", "/fhir/DiagnosticReport?patient={id}",
                        s -> "/fhir/DiagnosticReport?patient=" + s.parisPatient(), null),
                Endpoint.api("GET", "/fhir/Condition?patient={id}", s -> "/fhir/Condition?patient=" + s.parisPatient(),
                        null),
                Endpoint.api("GET", "/fhir/Appointment?patient={id}",
                        s -> "/fhir/Appointment?patient=" + s.parisPatient(), null),
                Endpoint.api("GET", "/fhir/Consent/{id}", s -> "/fhir/Consent/" + s.parisConsent(), null),
                Endpoint.api("GET", "/fhir/Media/{id}", s -> "/fhir/Media/" + s.parisPhoto(), null),
                Endpoint.api("GET", "/fhir/CarePlan/{id}", s -> "/fhir/CarePlan/" + s.plans().get(0), null),
                Endpoint.api("GET", "/fhir/Binary/{id}", s -> "/fhir/Binary/photo-" + s.parisPhoto(), null),
                Endpoint.api("GET", "/fhir/QuestionnaireResponse?patient={id}",
                        s -> "/fhir/QuestionnaireResponse?patient=" + s.parisPatient(), null),
                Endpoint.api("GET", "/fhir/DetectedIssue?patient={id}",
                        s -> "/fhir/DetectedIssue?patient=" + s.parisPatient(), null),
                Endpoint.api("GET", "/fhir/Encounter?patient={id}", s -> "/fhir/Encounter?patient=" + s.parisPatient(),
                        null),
                Endpoint.api("GET", "/fhir/MedicationAdministration?patient={id}",
                        s -> "/fhir/MedicationAdministration?patient=" + s.parisPatient(), null),
                Endpoint.api("GET", "/fhir/AdverseEvent?subject={id}",
                        s -> "/fhir/AdverseEvent?subject=" + s.parisPatient(), null),
                // intake and screening (before voiding: a voided record takes no new answers)
                Endpoint.api("PUT", "/api/v1/patients/{patientId}/intake", s -> patient.apply(s) + "/intake",
                        IntakeIT.intake("\"UNKNOWN\"", "[]")).by(Scene::parisPractitioner).withETagFrom(null),
                Endpoint.api("GET", "/api/v1/patients/{patientId}/intake", s -> patient.apply(s) + "/intake", null),
                Endpoint.api("GET", "/api/v1/patients/{patientId}/screening",
                        s -> patient.apply(s) + "/screening?modality=PRP", null),
                Endpoint.api("POST", "/api/v1/patients/{patientId}/screening/{modality}/review",
                        s -> patient.apply(s) + "/screening/MESOTHERAPY/review", "{\"kind\":\"SIGN_OFF\"}")
                        .by(Scene::parisPractitioner),
                Endpoint.page("GET", "/patients/{patientId}/intake", s -> chart.apply(s) + "/intake")
                        .by(Scene::parisPractitioner),
                Endpoint.page("POST", "/patients/{patientId}/intake", s -> chart.apply(s) + "/intake")
                        .by(Scene::parisPractitioner),
                Endpoint.page("POST", "/patients/{patientId}/screening/{modality}/review",
                        s -> chart.apply(s) + "/screening/PRP/review").by(Scene::parisPractitioner),
                // consent: sign first, so the Paris consent (scene.parisConsent) exists for the rest
                Endpoint.api("POST", "/api/v1/patients/{patientId}/consents", s -> patient.apply(s) + "/consents",
                        "{\"type\":\"PRP\",\"language\":\"en\",\"signerName\":\"Élise Durand\","
                                + "\"signaturePng\":\"" + Signatures.drawn() + "\"}")
                        .by(Scene::parisPractitioner),
                Endpoint.api("GET", "/api/v1/patients/{patientId}/consents", s -> patient.apply(s) + "/consents", null),
                Endpoint.api("GET", "/api/v1/patients/{patientId}/consents/{consentId}/pdf",
                        s -> patient.apply(s) + "/consents/" + s.parisConsent() + "/pdf", null),
                Endpoint.page("GET", "/patients/{patientId}/consents/{consentId}/pdf",
                        s -> chart.apply(s) + "/consents/" + s.parisConsent() + "/pdf"),
                Endpoint.page("GET", "/patients/{patientId}/consents/{type}", s -> chart.apply(s) + "/consents/PRP")
                        .by(Scene::parisPractitioner),
                Endpoint.page("POST", "/patients/{patientId}/consents/{type}", s -> chart.apply(s) + "/consents/PRP")
                        .by(Scene::parisPractitioner),
                Endpoint.api("POST", "/api/v1/patients/{patientId}/consents/{consentId}/withdraw",
                        s -> patient.apply(s) + "/consents/" + s.parisConsent() + "/withdraw",
                        "{\"reason\":\"Changed her mind\"}").by(Scene::parisPractitioner),
                Endpoint.page("POST", "/patients/{patientId}/consents/{consentId}/withdraw",
                        s -> chart.apply(s) + "/consents/" + s.parisConsent() + "/withdraw")
                        .by(Scene::parisPractitioner),
                // diagnosis
                Endpoint.api("POST", "/api/v1/patients/{patientId}/assessments", s -> patient.apply(s) + "/assessments",
                        DiagnosisIT.ASSESSMENT.replace("\n", "")).by(Scene::parisPractitioner),
                Endpoint.api("GET", "/api/v1/patients/{patientId}/assessments", s -> patient.apply(s) + "/assessments", null),
                Endpoint.api("GET", "/api/v1/patients/{patientId}/assessments/{assessmentId}",
                        s -> patient.apply(s) + "/assessments/" + s.parisAssessment(), null),
                Endpoint.api("POST", "/api/v1/patients/{patientId}/diagnoses", s -> patient.apply(s) + "/diagnoses",
                        "{\"category\":\"AGA_FEMALE\"}").by(Scene::parisPractitioner),
                Endpoint.api("GET", "/api/v1/patients/{patientId}/diagnoses", s -> patient.apply(s) + "/diagnoses", null),
                Endpoint.api("GET", "/api/v1/patients/{patientId}/trends", s -> patient.apply(s) + "/trends", null),
                Endpoint.api("GET", "/api/v1/patients/{patientId}/progress", s -> patient.apply(s) + "/progress", null),
                Endpoint.page("GET", "/patients/{patientId}/progress", s -> chart.apply(s) + "/progress"),
                Endpoint.page("GET", "/patients/{patientId}/assessments/new", s -> chart.apply(s) + "/assessments/new")
                        .by(Scene::parisPractitioner),
                Endpoint.page("POST", "/patients/{patientId}/assessments/new", s -> chart.apply(s) + "/assessments/new")
                        .by(Scene::parisPractitioner),
                Endpoint.page("GET", "/patients/{patientId}/assessments/{assessmentId}",
                        s -> chart.apply(s) + "/assessments/" + s.parisAssessment()),
                Endpoint.page("POST", "/patients/{patientId}/diagnoses", s -> chart.apply(s) + "/diagnoses")
                        .by(Scene::parisPractitioner),

                Endpoint.api("POST", "/api/v1/patients/{patientId}/assessments/{assessmentId}/void",
                        s -> patient.apply(s) + "/assessments/" + s.parisAssessment() + "/void",
                        "{\"reason\":\"Measured the wrong patient\"}").by(Scene::parisPractitioner),
                Endpoint.page("POST", "/patients/{patientId}/assessments/{assessmentId}/void",
                        s -> chart.apply(s) + "/assessments/" + s.parisAssessment() + "/void").by(Scene::parisPractitioner),
                // photos (the Paris patient has a photography consent and a photo, scene.parisPhoto)
                Endpoint.api("GET", "/api/v1/patients/{patientId}/photos", s -> patient.apply(s) + "/photos", null),
                Endpoint.api("GET", "/api/v1/patients/{patientId}/photos/{photoId}",
                        s -> patient.apply(s) + "/photos/" + s.parisPhoto(), null),
                Endpoint.page("GET", "/patients/{patientId}/photos/{photoId}/image",
                        s -> chart.apply(s) + "/photos/" + s.parisPhoto() + "/image"),
                Endpoint.page("GET", "/patients/{patientId}/photos/compare",
                        s -> chart.apply(s) + "/photos/compare?before=" + s.parisPhoto() + "&after=" + s.parisPhoto()),
                // formulary: a Paris patient's formula, a lot received in Paris (before voiding the patient)
                Endpoint.api("POST", "/api/v1/patients/{patientId}/formulas/check",
                        s -> patient.apply(s) + "/formulas/check", "{\"formula\":" + FormularyIT.formula("ZINC") + "}"),
                Endpoint.api("POST", "/api/v1/patients/{patientId}/formulas", s -> patient.apply(s) + "/formulas",
                        "{\"formula\":" + FormularyIT.formula("ZINC") + "}").by(Scene::parisPractitioner),
                Endpoint.api("GET", "/api/v1/patients/{patientId}/formulas", s -> patient.apply(s) + "/formulas", null),
                Endpoint.api("GET", "/api/v1/patients/{patientId}/formulas/{formulaId}",
                        s -> patient.apply(s) + "/formulas/" + s.parisFormula(), null),
                Endpoint.page("GET", "/patients/{patientId}/formulas/{formulaId}",
                        s -> chart.apply(s) + "/formulas/" + s.parisFormula()),
                Endpoint.page("GET", "/patients/{patientId}/formulas/new", s -> chart.apply(s) + "/formulas/new")
                        .by(Scene::parisPractitioner),
                Endpoint.page("POST", "/patients/{patientId}/formulas/new", s -> chart.apply(s) + "/formulas/new")
                        .by(Scene::parisPractitioner),
                Endpoint.page("POST", "/patients/{patientId}/formulas/check", s -> chart.apply(s) + "/formulas/check")
                        .by(Scene::parisPractitioner),
                Endpoint.api("POST", "/api/v1/patients/{patientId}/formulas/{formulaId}/void",
                        s -> patient.apply(s) + "/formulas/" + s.parisFormula() + "/void",
                        "{\"reason\":\"Replaced by another\"}").by(Scene::parisPractitioner),
                Endpoint.page("POST", "/patients/{patientId}/formulas/{formulaId}/void",
                        s -> chart.apply(s) + "/formulas/" + s.parisFormula() + "/void").by(Scene::parisPractitioner),
                Endpoint.api("GET", "/api/v1/patients/{patientId}/lots", s -> patient.apply(s) + "/lots", null),
                Endpoint.api("GET", "/api/v1/patients/{patientId}/intake/versions", s -> patient.apply(s)
                        + "/intake/versions", null),
                Endpoint.page("GET", "/patients/{patientId}/intake/history", s -> chart.apply(s) + "/intake/history"),
                Endpoint.api("GET", "/api/v1/lots/{lotId}", s -> "/api/v1/lots/" + s.parisLot(), null),
                Endpoint.api("POST", "/api/v1/lots/{lotId}/receipts", s -> "/api/v1/lots/" + s.parisLot() + "/receipts",
                        "{\"clinicId\":{paris},\"quantity\":1}"),
                Endpoint.api("GET", "/api/v1/lots/{lotId}/recipients", s -> "/api/v1/lots/" + s.parisLot() + "/recipients", null),
                Endpoint.api("GET", "/api/v1/lots/{lotId}/recipients.csv",
                        s -> "/api/v1/lots/" + s.parisLot() + "/recipients.csv", null),
                Endpoint.page("GET", "/formulary/lots/{lotId}", s -> "/formulary/lots/" + s.parisLot()),
                Endpoint.page("POST", "/formulary/lots/{lotId}/movements", s -> "/formulary/lots/" + s.parisLot() + "/movements"),
                // a recall, then the contact it gives (in this order)
                Endpoint.api("POST", "/api/v1/lots/{lotId}/recall", s -> "/api/v1/lots/" + s.recalledLot() + "/recall",
                        "{\"reason\":\"Supplier notice: sterility not assured\"}"),
                Endpoint.page("POST", "/formulary/lots/{lotId}/recall", s -> "/formulary/lots/" + s.recalledLot() + "/recall"),
                Endpoint.api("POST", "/api/v1/lots/{lotId}/recipients/{patientId}/reached",
                        s -> "/api/v1/lots/" + s.recalledLot() + "/recipients/" + s.parisPatient() + "/reached",
                        "{\"note\":\"Phoned\"}").by(Scene::parisPractitioner),
                Endpoint.page("POST", "/formulary/lots/{lotId}/recipients/{patientId}/reached",
                        s -> "/formulary/lots/" + s.recalledLot() + "/recipients/" + s.parisPatient() + "/reached")
                        .by(Scene::parisPractitioner),
                // calendar: one appointment, waiting entry or plan per endpoint that changes it
                Endpoint.api("GET", "/api/v1/appointments/{id}", s -> "/api/v1/appointments/" + s.appointments().get(0), null),
                Endpoint.api("GET", "/api/v1/appointments/{id}/messages",
                        s -> "/api/v1/appointments/" + s.appointments().get(0) + "/messages", null),
                Endpoint.api("POST", "/api/v1/appointments/{id}/move", s -> "/api/v1/appointments/" + s.appointments().get(1)
                        + "/move", "{\"start\":\"MONDAYT17:00\"}").withETagFrom(s -> "/api/v1/appointments/" + s.appointments().get(1)),
                Endpoint.api("POST", "/api/v1/appointments/{id}/status", s -> "/api/v1/appointments/" + s.appointments().get(2)
                        + "/status", "{\"status\":\"CANCELLED\",\"reason\":\"Flu\"}")
                        .withETagFrom(s -> "/api/v1/appointments/" + s.appointments().get(2)),
                Endpoint.page("GET", "/appointments/{id}", s -> "/appointments/" + s.appointments().get(0)),
                Endpoint.page("POST", "/appointments/{id}/move", s -> "/appointments/" + s.appointments().get(3) + "/move"),
                Endpoint.page("POST", "/appointments/{id}/status", s -> "/appointments/" + s.appointments().get(4) + "/status"),
                Endpoint.page("POST", "/calendar/events/{id}/move", s -> "/calendar/events/" + s.appointments().get(5) + "/move"),
                Endpoint.api("GET", "/api/v1/patients/{patientId}/appointments", s -> patient.apply(s) + "/appointments", null),
                Endpoint.api("POST", "/api/v1/waiting-list/{id}/close", s -> "/api/v1/waiting-list/" + s.waiting().get(0)
                        + "/close", null),
                Endpoint.page("POST", "/patients/{patientId}/waiting-list", s -> chart.apply(s) + "/waiting-list"),
                Endpoint.page("POST", "/calendar/waiting/{id}/close", s -> "/calendar/waiting/" + s.waiting().get(1) + "/close"),
                Endpoint.api("GET", "/api/v1/clinics/{clinicId}/calendar-settings",
                        s -> "/api/v1/clinics/" + paris.apply(s) + "/calendar-settings", null),
                Endpoint.api("PUT", "/api/v1/clinics/{clinicId}/opening-hours",
                        s -> "/api/v1/clinics/" + paris.apply(s) + "/opening-hours", HOURS),
                Endpoint.api("GET", "/api/v1/clinics/{clinicId}/practitioners/{practitionerId}/working-hours",
                        s -> "/api/v1/clinics/" + paris.apply(s) + "/practitioners/" + s.parisPractitioner().id()
                                + "/working-hours", null),
                Endpoint.api("PUT", "/api/v1/clinics/{clinicId}/practitioners/{practitionerId}/working-hours",
                        s -> "/api/v1/clinics/" + paris.apply(s) + "/practitioners/" + s.parisPractitioner().id()
                                + "/working-hours", HOURS),
                Endpoint.api("POST", "/api/v1/clinics/{clinicId}/closures", s -> "/api/v1/clinics/" + paris.apply(s)
                        + "/closures", "{\"day\":\"2099-01-02\",\"reason\":\"Works\"}"),
                Endpoint.api("DELETE", "/api/v1/clinics/{clinicId}/closures/{day}", s -> "/api/v1/clinics/"
                        + paris.apply(s) + "/closures/" + s.monday().plusYears(1), null),
                // sessions: sessions().get(0) open, get(1) charted, get(2) signed
                Endpoint.api("GET", "/api/v1/sessions/{id}", s -> "/api/v1/sessions/" + s.sessions().get(0), null),
                Endpoint.api("GET", "/api/v1/sessions/{id}/lots", s -> "/api/v1/sessions/" + s.sessions().get(0) + "/lots",
                        null),
                Endpoint.api("PUT", "/api/v1/sessions/{id}", s -> "/api/v1/sessions/" + s.sessions().get(0),
                        "{\"technique\":\"MICRONEEDLING\",\"pain\":2}").by(Scene::parisPractitioner),
                Endpoint.api("POST", "/api/v1/sessions/{id}/sign", s -> "/api/v1/sessions/" + s.sessions().get(1)
                        + "/sign", null).by(Scene::parisPractitioner)
                        .withETagFrom(s -> "/api/v1/sessions/" + s.sessions().get(1)),
                Endpoint.api("POST", "/api/v1/sessions/{id}/addenda", s -> "/api/v1/sessions/" + s.sessions().get(2)
                        + "/addenda", "{\"text\":\"Pain was 3\",\"reason\":\"Patient said later\"}")
                        .by(Scene::parisPractitioner),
                Endpoint.api("GET", "/api/v1/patients/{patientId}/sessions", s -> patient.apply(s) + "/sessions", null),
                Endpoint.page("GET", "/appointments/{appointmentId}/session", s -> "/appointments/"
                        + s.appointments().get(0) + "/session").by(Scene::parisPractitioner),
                Endpoint.page("POST", "/appointments/{appointmentId}/session", s -> "/appointments/"
                        + s.appointments().get(0) + "/session").by(Scene::parisPractitioner),
                Endpoint.page("GET", "/sessions/{id}", s -> "/sessions/" + s.sessions().get(0)),
                Endpoint.page("GET", "/sessions/{id}/aftercare.pdf", s -> "/sessions/" + s.sessions().get(2)
                        + "/aftercare.pdf"),
                Endpoint.api("GET", "/api/v1/sessions/{id}/aftercare.pdf", s -> "/api/v1/sessions/"
                        + s.sessions().get(2) + "/aftercare.pdf", null),
                Endpoint.page("GET", "/plans/{planId}/aftercare.pdf", s -> "/plans/" + s.plans().get(0)
                        + "/aftercare.pdf"),
                Endpoint.page("POST", "/sessions/{id}/chart", s -> "/sessions/" + s.sessions().get(0) + "/chart")
                        .by(Scene::parisPractitioner),
                Endpoint.page("POST", "/sessions/{id}/sign", s -> "/sessions/" + s.sessions().get(0) + "/sign")
                        .by(Scene::parisPractitioner),
                Endpoint.page("POST", "/sessions/{id}/addenda", s -> "/sessions/" + s.sessions().get(2) + "/addenda")
                        .by(Scene::parisPractitioner),
                Endpoint.page("POST", "/sessions/{id}/adverse-events", s -> "/sessions/" + s.sessions().get(2)
                        + "/adverse-events").by(Scene::parisPractitioner),
                // adverse events: sessions().get(3) is one, recorded on the signed session
                Endpoint.api("GET", "/api/v1/adverse-events/{id}", s -> "/api/v1/adverse-events/" + s.sessions().get(3),
                        null),
                Endpoint.api("PUT", "/api/v1/adverse-events/{id}", s -> "/api/v1/adverse-events/" + s.sessions().get(3),
                        "{\"clinicId\":{paris},\"patientId\":0,\"kind\":\"PAIN\",\"onsetOn\":\"2026-11-01\","
                                + "\"severity\":\"MILD\",\"relation\":\"POSSIBLE\",\"outcome\":\"RESOLVED\"}")
                        .by(Scene::parisPractitioner),
                Endpoint.page("GET", "/adverse-events/{eventId}", s -> "/adverse-events/" + s.sessions().get(3)),
                Endpoint.page("POST", "/adverse-events/{eventId}", s -> "/adverse-events/" + s.sessions().get(3)),
                Endpoint.page("POST", "/patient-reports/{id}/review",
                        s -> "/patient-reports/" + s.sessions().get(4) + "/review").by(Scene::parisPractitioner),
                Endpoint.page("POST", "/patients/{patientId}/portal-invitation",
                        s -> "/patients/" + s.parisPatient() + "/portal-invitation").by(Scene::parisStaffMember),
                Endpoint.page("POST", "/patients/{patientId}/portal-account/closing",
                        s -> "/patients/" + s.parisPatient() + "/portal-account/closing").by(Scene::parisStaffMember),
                Endpoint.page("POST", "/patients/{patientId}/portal-messages",
                        s -> "/patients/" + s.parisPatient() + "/portal-messages").by(Scene::parisStaffMember)
                        .by(Scene::parisPractitioner),
                // outcomes: follow-up visits (voided last) and the progress report
                Endpoint.api("GET", "/api/v1/patients/{patientId}/follow-ups", s -> patient.apply(s) + "/follow-ups",
                        null),
                Endpoint.api("POST", "/api/v1/patients/{patientId}/follow-ups", s -> patient.apply(s) + "/follow-ups",
                        "{\"planId\":{startedPlan},\"milestone\":\"P4M\",\"visitOn\":\""
                                + java.time.LocalDate.now().minusMonths(2) + "\",\"adverseEvents\":\"NONE\"}")
                        .by(Scene::parisPractitioner),
                Endpoint.api("GET", "/api/v1/follow-ups/{followUpId}", s -> "/api/v1/follow-ups/" + s.followUp(), null),
                Endpoint.api("GET", "/api/v1/patients/{patientId}/progress.pdf", s -> patient.apply(s)
                        + "/progress.pdf", null),
                Endpoint.page("GET", "/patients/{patientId}/progress.pdf", s -> chart.apply(s) + "/progress.pdf"),
                Endpoint.page("GET", "/patients/{patientId}/follow-ups/new", s -> chart.apply(s)
                        + "/follow-ups/new?plan=" + s.startedPlan() + "&milestone=P2M").by(Scene::parisPractitioner),
                Endpoint.page("POST", "/patients/{patientId}/follow-ups", s -> chart.apply(s) + "/follow-ups")
                        .by(Scene::parisPractitioner),
                Endpoint.page("GET", "/follow-ups/{id}", s -> "/follow-ups/" + s.followUp()),
                Endpoint.api("POST", "/api/v1/follow-ups/{followUpId}/void", s -> "/api/v1/follow-ups/" + s.followUp()
                        + "/void", "{\"reason\":\"Recorded on the wrong course\"}").by(Scene::parisPractitioner),
                Endpoint.page("POST", "/follow-ups/{id}/void", s -> "/follow-ups/" + s.followUp() + "/void")
                        .by(Scene::parisPractitioner),
                // plans (before voiding the patient: a voided record takes no new plan)
                Endpoint.api("GET", "/api/v1/patients/{patientId}/plans", s -> patient.apply(s) + "/plans", null),
                Endpoint.api("POST", "/api/v1/patients/{patientId}/plans/proposal", s -> patient.apply(s)
                        + "/plans/proposal", "PLAN").by(Scene::parisPractitioner),
                Endpoint.api("POST", "/api/v1/patients/{patientId}/plans", s -> patient.apply(s) + "/plans", "PLAN")
                        .by(Scene::parisPractitioner),
                Endpoint.api("GET", "/api/v1/plans/{planId}", s -> "/api/v1/plans/" + s.plans().get(0), null),
                Endpoint.api("GET", "/api/v1/plans/{planId}/quote.pdf", s -> "/api/v1/plans/" + s.plans().get(0)
                        + "/quote.pdf", null),
                Endpoint.api("POST", "/api/v1/plans/{planId}/{action:book|pause|resume|stop|complete}", s -> "/api/v1/plans/" + s.plans().get(1) + "/stop",
                        "{\"reason\":\"Patient moved away\"}").withETagFrom(s -> "/api/v1/plans/" + s.plans().get(1)),
                Endpoint.api("POST", "/api/v1/recalls/{planId}/invitation", s -> "/api/v1/recalls/" + s.plans().get(0)
                        + "/invitation", null),
                Endpoint.page("GET", "/patients/{patientId}/plans/new", s -> chart.apply(s) + "/plans/new")
                        .by(Scene::parisPractitioner),
                Endpoint.page("POST", "/patients/{patientId}/plans/proposal", s -> chart.apply(s) + "/plans/proposal")
                        .by(Scene::parisPractitioner),
                Endpoint.page("POST", "/patients/{patientId}/plans", s -> chart.apply(s) + "/plans")
                        .by(Scene::parisPractitioner),
                Endpoint.page("GET", "/plans/{planId}", s -> "/plans/" + s.plans().get(0)),
                Endpoint.page("GET", "/plans/{planId}/quote.pdf", s -> "/plans/" + s.plans().get(0) + "/quote.pdf"),
                Endpoint.page("POST", "/plans/{planId}/{action:book|pause|resume|stop|complete}", s -> "/plans/" + s.plans().get(2) + "/stop"),
                Endpoint.page("POST", "/recalls/{planId}/invite", s -> "/recalls/" + s.plans().get(0) + "/invite"),
                // billing pages
                Endpoint.page("GET", "/patients/{patientId}/invoices/new", s -> chart.apply(s) + "/invoices/new"),
                Endpoint.page("POST", "/patients/{patientId}/invoices/new", s -> chart.apply(s) + "/invoices/new"),
                Endpoint.page("GET", "/invoices/{invoiceId}", s -> "/invoices/" + s.invoices().get(3)),
                Endpoint.page("POST", "/invoices/{invoiceId}/lines", s -> "/invoices/" + s.invoices().get(0) + "/lines"),
                Endpoint.page("POST", "/invoices/{invoiceId}/issue", s -> "/invoices/" + s.invoices().get(1) + "/issue"),
                Endpoint.page("POST", "/invoices/{invoiceId}/credit-notes",
                        s -> "/invoices/" + s.invoices().get(3) + "/credit-notes"),
                // deposits
                Endpoint.api("POST", "/api/v1/appointments/{appointmentId}/deposits",
                        s -> "/api/v1/appointments/" + s.appointments().get(0) + "/deposits", "{\"amount\":1}"),
                Endpoint.page("GET", "/patients/{patientId}/deposits/new", s -> chart.apply(s) + "/deposits/new"),
                Endpoint.page("POST", "/patients/{patientId}/deposits", s -> chart.apply(s) + "/deposits"),
                // online payments
                Endpoint.api("POST", "/api/v1/invoices/{invoiceId}/checkouts",
                        s -> "/api/v1/invoices/" + s.invoices().get(4) + "/checkouts", null),
                Endpoint.page("POST", "/invoices/{invoiceId}/checkouts", s -> "/invoices/" + s.invoices().get(4) + "/checkouts"),
                Endpoint.page("GET", "/payments/local/{checkoutId}", s -> "/payments/local/" + s.checkout()),
                Endpoint.page("POST", "/payments/local/{checkoutId}", s -> "/payments/local/" + s.checkout()),
                // the price list, VAT choices and courses
                Endpoint.api("GET", "/api/v1/clinics/{clinicId}/price-list",
                        s -> "/api/v1/clinics/" + paris.apply(s) + "/price-list", null),
                Endpoint.api("PUT", "/api/v1/clinics/{clinicId}/price-list/treatments/{typeCode}",
                        s -> "/api/v1/clinics/" + paris.apply(s) + "/price-list/treatments/MESOTHERAPY",
                        "{\"vatCategory\":\"EXEMPT_MEDICAL\"}"),
                Endpoint.api("PUT", "/api/v1/clinics/{clinicId}/price-list/products/{productId}",
                        s -> "/api/v1/clinics/" + paris.apply(s) + "/price-list/products/" + s.retailProduct(),
                        "{\"vatCategory\":\"STANDARD\"}"),
                Endpoint.api("POST", "/api/v1/clinics/{clinicId}/price-list/courses",
                        s -> "/api/v1/clinics/" + paris.apply(s) + "/price-list/courses", COURSE),
                Endpoint.api("PUT", "/api/v1/price-list/courses/{priceId}",
                        s -> "/api/v1/price-list/courses/" + s.coursePrices().get(1), COURSE),
                Endpoint.page("POST", "/prices/courses/{priceId}", s -> "/prices/courses/" + s.coursePrices().get(0)),
                Endpoint.api("POST", "/api/v1/patients/{patientId}/vat-choice", s -> patient.apply(s) + "/vat-choice",
                        "{\"vatCategory\":\"STANDARD\",\"reason\":\"Cosmetic request\"}").by(Scene::parisPractitioner),
                Endpoint.page("GET", "/patients/{patientId}/vat-choice", s -> chart.apply(s) + "/vat-choice"),
                Endpoint.page("POST", "/patients/{patientId}/vat-choice", s -> chart.apply(s) + "/vat-choice")
                        .by(Scene::parisPractitioner),
                Endpoint.api("GET", "/api/v1/patients/{patientId}/courses", s -> patient.apply(s) + "/courses", null),
                Endpoint.api("POST", "/api/v1/courses/{courseId}/cancellation",
                        s -> "/api/v1/courses/" + s.courses().get(0) + "/cancellation", "{\"reason\":\"Moved away\"}"),
                Endpoint.page("GET", "/courses/{courseId}/cancel", s -> "/courses/" + s.courses().get(1) + "/cancel"),
                Endpoint.page("POST", "/courses/{courseId}/cancel", s -> "/courses/" + s.courses().get(1) + "/cancel"),
                // patients (voiding last: a voided record can no longer be changed)
                Endpoint.api("GET", "/api/v1/patients/{patientId}", patient, null),
                Endpoint.api("PUT", "/api/v1/patients/{patientId}", patient, "{\"familyName\":\"Durand\","
                        + "\"givenName\":\"Élise\",\"birthDate\":\"1980-05-17\",\"sex\":\"FEMALE\"}")
                        .by(Scene::parisPractitioner),
                Endpoint.page("GET", "/patients/{patientId}", chart),
                Endpoint.page("GET", "/patients/{patientId}/edit", s -> chart.apply(s) + "/edit"),
                Endpoint.page("POST", "/patients/{patientId}/edit", s -> chart.apply(s) + "/edit")
                        .by(Scene::parisPractitioner),
                Endpoint.api("POST", "/api/v1/patients/{patientId}/void", s -> patient.apply(s) + "/void",
                        "{\"reason\":\"Registered twice\"}").by(Scene::parisPractitioner).withETagFrom(patient),
                Endpoint.page("POST", "/patients/{patientId}/void", s -> chart.apply(s) + "/void")
                        .by(Scene::parisPractitioner),
                // clinics
                Endpoint.api("GET", "/api/v1/clinics/{clinicId}", s -> "/api/v1/clinics/" + paris.apply(s), null),
                Endpoint.api("PUT", "/api/v1/clinics/{clinicId}", s -> "/api/v1/clinics/" + paris.apply(s),
                        "{\"name\":\"Renamed\",\"timeZone\":\"Europe/Paris\"}"),
                Endpoint.api("GET", "/api/v1/clinics/{clinicId}/rooms", s -> "/api/v1/clinics/" + paris.apply(s) + "/rooms", null),
                Endpoint.api("POST", "/api/v1/clinics/{clinicId}/rooms", s -> "/api/v1/clinics/" + paris.apply(s) + "/rooms",
                        "{\"name\":\"Room " + System.nanoTime() + "\"}"),
                Endpoint.page("GET", "/admin/clinics/{clinicId}", s -> "/admin/clinics/" + paris.apply(s)),
                Endpoint.page("POST", "/admin/clinics/{clinicId}", s -> "/admin/clinics/" + paris.apply(s)),
                Endpoint.page("POST", "/admin/clinics/{clinicId}/rooms", s -> "/admin/clinics/" + paris.apply(s) + "/rooms"),
                // security: staff of a Paris-only person
                Endpoint.api("GET", "/api/v1/staff/{staffId}", s -> "/api/v1/staff/" + parisStaff.apply(s), null),
                Endpoint.page("GET", "/admin/staff/{staffId}", s -> "/admin/staff/" + parisStaff.apply(s)),
                Endpoint.page("POST", "/admin/staff/{staffId}", s -> "/admin/staff/" + parisStaff.apply(s)),
                Endpoint.page("POST", "/admin/staff/{staffId}/roles", s -> "/admin/staff/" + parisStaff.apply(s) + "/roles"),
                Endpoint.page("POST", "/admin/staff/{staffId}/password", s -> "/admin/staff/" + parisStaff.apply(s) + "/password"),
                Endpoint.page("POST", "/admin/staff/{staffId}/deactivate", s -> "/admin/staff/" + parisStaff.apply(s) + "/deactivate"),
                Endpoint.page("POST", "/admin/staff/{staffId}/reactivate", s -> "/admin/staff/" + parisStaff.apply(s) + "/reactivate"),
                Endpoint.api("GET", "/api/v1/clinics/{clinicId}/seller", s -> "/api/v1/clinics/" + paris.apply(s) + "/seller", null),
                Endpoint.api("PUT", "/api/v1/clinics/{clinicId}/seller", s -> "/api/v1/clinics/" + paris.apply(s) + "/seller",
                        BillingIT.SELLER),
                Endpoint.api("GET", "/api/v1/invoices/{invoiceId}", s -> "/api/v1/invoices/" + s.invoices().get(2), null),
                Endpoint.api("POST", "/api/v1/invoices/{invoiceId}/payments",
                        s -> "/api/v1/invoices/" + s.invoices().get(2) + "/payments", "{\"method\":\"CASH\",\"amount\":1}"),
                Endpoint.page("POST", "/invoices/{invoiceId}/payments", s -> "/invoices/" + s.invoices().get(3) + "/payments"),
                Endpoint.api("GET", "/api/v1/invoices/{invoiceId}/pdf", s -> "/api/v1/invoices/" + s.invoices().get(2) + "/pdf", null),
                Endpoint.page("GET", "/invoices/{invoiceId}/pdf", s -> "/invoices/" + s.invoices().get(3) + "/pdf"),
                Endpoint.api("POST", "/api/v1/clinics/{clinicId}/sales-closures",
                        s -> "/api/v1/clinics/" + paris.apply(s) + "/sales-closures", "{\"period\":\"MONTH\",\"day\":\"2020-01-15\"}"),
                Endpoint.api("GET", "/api/v1/clinics/{clinicId}/sales-closures",
                        s -> "/api/v1/clinics/" + paris.apply(s) + "/sales-closures", null),
                Endpoint.api("GET", "/api/v1/clinics/{clinicId}/sales-records/verification",
                        s -> "/api/v1/clinics/" + paris.apply(s) + "/sales-records/verification", null),
                Endpoint.api("PUT", "/api/v1/invoices/{invoiceId}/lines", s -> "/api/v1/invoices/" + s.invoices().get(0) + "/lines",
                        "{\"lines\":[{\"description\":\"Shampoo\",\"quantity\":1,\"unitPrice\":19.90,\"vatCategory\":\"STANDARD\"}]}")
                        .withETagFrom(s -> "/api/v1/invoices/" + s.invoices().get(0)),
                Endpoint.api("POST", "/api/v1/invoices/{invoiceId}/issue", s -> "/api/v1/invoices/" + s.invoices().get(1) + "/issue", null)
                        .withETagFrom(s -> "/api/v1/invoices/" + s.invoices().get(1)),
                Endpoint.api("POST", "/api/v1/invoices/{invoiceId}/credit-notes",
                        s -> "/api/v1/invoices/" + s.invoices().get(2) + "/credit-notes", "{\"reason\":\"Billed twice\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void madridStaffCannotReachParisRecords(Endpoint endpoint) {
        for (Staff madrid : List.of(scene.madridAdmin(), scene.madridPractitioner())) {
            int status = called(endpoint, madrid).status();
            assertThat(status).as("%s as %s", endpoint, madrid.username()).isIn(403, 404);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void parisAdminReachesParisRecords(Endpoint endpoint) {
        Staff owner = endpoint.owner().apply(scene);
        Called called = called(endpoint, owner);
        assertThat(called.status()).as("%s as %s", endpoint, owner.username()).isLessThan(400);
        if (endpoint.method().equals("GET") && !NOT_PATIENT_DATA.contains(endpoint.pattern())) {
            assertThat(called.audited()).as("audit entries of %s as %s", endpoint, owner.username()).isPositive();
        }
    }

    @Test
    void everyEndpointWithAnIdIsCovered() {
        Set<String> covered = new TreeSet<>();
        endpoints().forEach(e -> covered.add(e.method() + " " + e.pattern()));
        List<String> missing = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, method) -> info.getPatternValues().stream()
                .filter(pattern -> pattern.contains("{") && !pattern.contains("openapi.json")
                        && !USER_SCOPED.contains(pattern) && !ORGANISATION_SCOPED.contains(pattern)
                        && !GATEWAY_NOTICES.contains(pattern) && !patientScoped(pattern))
                .forEach(pattern -> info.getMethodsCondition().getMethods().forEach(verb -> {
                    if (!covered.contains(verb.name() + " " + pattern)
                            && !(verb.name().equals("POST") && UPLOADS.contains(pattern))) {
                        missing.add(verb.name() + " " + pattern);
                    }
                })));
        assertThat(missing).as("endpoints with ids that ClinicIsolationIT does not try across clinics").isEmpty();
    }

    @Test
    void anotherOrganisationSeesNoneOfTheFormulary() {
        Organisation other = fixture.organisation();
        String stranger = fixture.token(fixture.staff(other, "stranger", Map.of(other.paris(), Role.ADMIN)));
        String parisAdmin = fixture.token(scene.parisAdmin());
        Http http = new Http(port);
        String product = http.get("/api/v1/products", parisAdmin).body().replaceAll("^\\[\\{\"id\":(\\d+),.*", "$1");
        assertThat(http.get("/api/v1/products/" + product, parisAdmin).statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v1/products/" + product, stranger).statusCode()).isEqualTo(404);
        assertThat(http.get("/api/v1/lots/" + scene.parisLot(), stranger).statusCode()).isEqualTo(404);
        String template = http.send("POST", "/api/v1/formulas", fixture.token(scene.parisPractitioner()),
                FormularyIT.formula("ZINC"), Map.of()).body().replaceAll("^\\{\"id\":(\\d+),.*", "$1");
        assertThat(http.get("/api/v1/formulas/" + template, parisAdmin).statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v1/formulas/" + template, stranger).statusCode()).isEqualTo(404);
        String own = "{\"ingredient\":{\"code\":\"HOUSE_SERUM_" + other.suffix().toUpperCase().replaceAll("[^A-Z0-9]", "")
                + "\",\"name\":\"House serum\",\"ingredientClass\":\"OTHER\",\"rules\":[],\"sources\":[\"Our lab\"]},"
                + "\"reason\":\"Our own preparation\"}";
        HttpResponse<String> added = http.send("POST", "/api/v1/ingredients", stranger, own, Map.of());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        String code = added.body().replaceAll("^\\{\"code\":\"([A-Z0-9_]+)\".*", "$1");
        assertThat(http.get("/api/v1/ingredients/" + code, stranger).statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v1/ingredients/" + code, parisAdmin).statusCode()).isEqualTo(404);
        assertThat(http.get("/api/v1/ingredients/" + code + "/revisions", parisAdmin).statusCode()).isEqualTo(404);
    }

    @Test
    void madridStaffCannotUploadToAParisPatient() {
        // A patient of its own: the shared Paris patient may have been voided by the tests above.
        long patient = fixture.patient(scene.org(), scene.org().paris(), "Upload", "Ana");
        fixture.consent(patient, scene.org().paris(), scene.org().id(), "PHOTOGRAPHY");
        String path = "/api/v1/patients/" + patient + "/photos";
        for (Staff madrid : List.of(scene.madridAdmin(), scene.madridPractitioner())) {
            assertThat(new Http(port).upload(path, fixture.token(madrid), Map.of("view", "TOP"), "top.png",
                    Photos.png()).statusCode()).isIn(403, 404);
        }
        assertThat(new Http(port).upload(path, fixture.token(scene.parisStaffMember()), Map.of("view", "TOP"),
                "top.png", Photos.png()).statusCode()).isEqualTo(201);
    }

    private static long id(String json) {
        return Long.parseLong(json.replaceAll("^\\{\"id\":(\\d+),.*", "$1"));
    }

    /** What a call answered, and how many audit entries of the caller's it appended. */
    record Called(int status, long audited) {
    }

    private long auditEntriesOf(Staff who) {
        return jdbc.sql("SELECT count(*) FROM security_audit_entry WHERE actor = :actor")
                .param("actor", who.username()).query(Long.class).single();
    }

    private Called called(Endpoint endpoint, Staff who) {
        Http http = new Http(port);
        String path = endpoint.path().apply(scene);
        if (endpoint.isApi()) {
            String token = fixture.token(who);
            Map<String, String> headers = endpoint.etagFrom() == null ? Map.of()
                    : Map.of("If-Match", "\"" + currentVersion(endpoint.etagFrom().apply(scene), token) + "\"");
            String body = endpoint.body() == null ? null : endpoint.body().equals("PLAN")
                    ? planBody(scene.org().paris(), scene.parisPractitioner().id(), scene.monday().plusYears(1))
                    : endpoint.body().replace("{paris}", String.valueOf(scene.org().paris()))
                            .replace("{startedPlan}", String.valueOf(scene.startedPlan()))
                            .replace("{patient}", String.valueOf(scene.parisPatient()))
                            .replace("MONDAY", scene.monday().toString());
            long before = auditEntriesOf(who);
            HttpResponse<String> response = endpoint.method().equals("GET") ? http.get(path, token)
                    : http.send(endpoint.method(), path, token, body, headers);
            return new Called(response.statusCode(), auditEntriesOf(who) - before);
        }
        assertThat(http.signIn(who.username(), StaffFixture.PASSWORD).statusCode()).isEqualTo(302);
        http.page("/");
        long before = auditEntriesOf(who);
        HttpResponse<String> response = endpoint.method().equals("GET") ? http.page(path)
                : http.form(path, formFields());
        return new Called(response.statusCode(), auditEntriesOf(who) - before);
    }

    /** Every field any of the forms above takes, valid, so that a Paris user's post succeeds. */
    private Map<String, String> formFields() {
        return Map.ofEntries(Map.entry("name", "Paris renamed"), Map.entry("timeZone", "Europe/Paris"),
                Map.entry("version", "0"), Map.entry("roomName", "Room " + System.nanoTime()),
                Map.entry("displayName", "Someone"), Map.entry("password", "a long enough password"),
                Map.entry("roles-" + scene.org().paris(), "ASSISTANT"), Map.entry("reason", "Registered twice"),
                Map.entry("familyName", "Durand"), Map.entry("givenName", "Élise"),
                Map.entry("birthDate", "1980-05-17"), Map.entry("sex", "FEMALE"), Map.entry("kind", "SIGN_OFF"),
                Map.entry("language", "en"), Map.entry("signerName", "Élise Durand"),
                Map.entry("signature", Signatures.drawn()), Map.entry("category", "AGA_MALE"),
                Map.entry("assessedOn", "2026-11-20"), Map.entry("vellusCutoffUm", "40"), Map.entry("status", "CANCELLED"),
                Map.entry("start", scene.monday() + "T16:00"));
    }

    private String currentVersion(String path, String token) {
        HttpResponse<String> current = new Http(port).get(path, token);
        return current.headers().firstValue("ETag").map(tag -> tag.replace("\"", "")).orElse("0");
    }
}
