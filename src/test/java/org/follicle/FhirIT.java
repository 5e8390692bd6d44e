package org.follicle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.follicle.security.Role;
import org.follicle.support.FollicleIntegrationTest;
import org.follicle.support.Http;
import org.follicle.support.Photos;
import org.follicle.support.StaffFixture;
import org.follicle.support.StaffFixture.Organisation;
import org.follicle.support.StaffFixture.Staff;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Media;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Slot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The FHIR API as an integrator's HAPI client meets it: patients read, searched, paged, created and updated. */
@FollicleIntegrationTest
class FhirIT {

    static final FhirContext FHIR = FhirContext.forR4Cached();

    static final String FILE_NUMBER = "https://follicle.org/fhir/sid/file-number";

    @LocalServerPort
    int port;

    @Autowired
    StaffFixture fixture;

    @Autowired
    JdbcClient jdbc;

    Organisation org;

    IGenericClient assistant;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        assistant = client(fixture.token(fixture.staff(org, "assistant", Map.of(org.paris(), Role.ASSISTANT))));
    }

    IGenericClient client(String token) {
        FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        IGenericClient client = FHIR.newRestfulGenericClient("http://localhost:" + port + "/fhir");
        client.registerInterceptor(new BearerTokenAuthInterceptor(token));
        return client;
    }

    Patient patient(String family, String given, String birthDate) {
        Patient patient = new Patient();
        patient.addName().setFamily(family).addGiven(given);
        patient.setBirthDateElement(new DateType(birthDate));
        patient.setGender(AdministrativeGender.FEMALE);
        patient.setManagingOrganization(new Reference("Organization/clinic-" + org.paris()));
        return patient;
    }

    @Test
    void theCapabilityStatementIsPublicAndSaysWhatIsImplemented() {
        CapabilityStatement capabilities = FHIR.newRestfulGenericClient("http://localhost:" + port + "/fhir")
                .capabilities().ofType(CapabilityStatement.class).execute();
        var patient = capabilities.getRestFirstRep().getResource().stream()
                .filter(r -> r.getType().equals("Patient")).findFirst().orElseThrow();
        assertThat(patient.getInteraction()).extracting(i -> i.getCode().toCode())
                .contains("read", "vread", "search-type", "create", "update");
        assertThat(patient.getSearchParam()).extracting(p -> p.getName())
                .contains("identifier", "name", "family", "given", "birthdate", "_lastUpdated");
    }

    @Test
    void createsReadsAndFindsAPatientWithoutAccentsOrCase() {
        MethodOutcome created = assistant.create().resource(patient("Lefèvre-Dupré", "Hélène", "1984-03-21"))
                .execute();
        assertThat(created.getCreated()).isTrue();
        IIdType id = created.getId().toUnqualified();
        assertThat(id.getVersionIdPart()).isEqualTo("0");

        Patient read = assistant.read().resource(Patient.class).withId(id.getIdPart()).execute();
        assertThat(read.getNameFirstRep().getFamily()).isEqualTo("Lefèvre-Dupré");
        assertThat(read.getIdentifierFirstRep().getSystem()).isEqualTo(FILE_NUMBER);
        assertThat(read.getMeta().getVersionId()).isEqualTo("0");
        assertThat(read.getManagingOrganization().getReference()).isEqualTo("Organization/clinic-" + org.paris());
        String fileNumber = read.getIdentifierFirstRep().getValue();

        for (String url : List.of("Patient?name=helene", "Patient?family=LEFEVRE", "Patient?name=hel&name=lef",
                "Patient?birthdate=1984-03-21", "Patient?identifier=" + FILE_NUMBER + "|" + fileNumber,
                "Patient?identifier=" + fileNumber.toLowerCase(), "Patient?birthdate=ge1984-03-01&birthdate=lt1984-04-01")) {
            Bundle found = assistant.search().byUrl(url).returnBundle(Bundle.class).execute();
            assertThat(found.getEntry()).as(url).extracting(e -> e.getResource().getIdElement().getIdPart())
                    .contains(id.getIdPart());
        }
        Bundle none = assistant.search().byUrl("Patient?birthdate=1984-03-22&family=lefevre")
                .returnBundle(Bundle.class).execute();
        assertThat(none.getEntry()).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM security_audit_entry WHERE record_type = 'patient' "
                + "AND record_id = :id AND action = 'READ'").param("id", id.getIdPart()).query(Long.class).single())
                .isPositive();
    }

    @Test
    void pagesBySearchOffsetSoAnyInstanceCanAnswerTheNextPage() {
        String family = "Pagination" + org.suffix();
        for (int i = 0; i < 5; i++) {
            assistant.create().resource(patient(family, "Ana" + (char) ('a' + i), "1990-01-0" + (i + 1))).execute();
        }
        Bundle page = assistant.search().byUrl("Patient?family=" + family + "&_count=2").returnBundle(Bundle.class)
                .execute();
        assertThat(page.getTotal()).isEqualTo(5);
        List<String> seen = new ArrayList<>();
        int pages = 0;
        while (page != null) {
            pages++;
            page.getEntry().forEach(e -> seen.add(e.getResource().getIdElement().getIdPart()));
            assertThat(page.getLink(Bundle.LINK_NEXT) == null
                    || page.getLink(Bundle.LINK_NEXT).getUrl().contains("_offset=")).isTrue();
            page = page.getLink(Bundle.LINK_NEXT) == null ? null : assistant.loadPage().next(page).execute();
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    void updatesOnlyTheVersionItWasGivenAndAsksForOne() {
        IIdType id = assistant.create().resource(patient("Versioned" + org.suffix(), "Iris", "1979-07-07")).execute()
                .getId().toUnqualified();
        Patient read = assistant.read().resource(Patient.class).withId(id.getIdPart()).execute();
        read.getNameFirstRep().setFamily("Versionné" + org.suffix());

        MethodOutcome updated = assistant.update().resource(read).withId(id.withVersion("0")).execute();
        assertThat(updated.getId().getVersionIdPart()).isEqualTo("1");
        // The same change again, from the version it had: someone else's change is not overwritten.
        assertThatThrownBy(() -> assistant.update().resource(read).withId(id.withVersion("0")).execute())
                .isInstanceOf(PreconditionFailedException.class);

        Http http = new Http(port);
        String json = FHIR.newJsonParser().encodeResourceToString(read.setId(id.getIdPart()));
        HttpResponse<String> noVersion = http.send("PUT", "/fhir/Patient/" + id.getIdPart(), token(),
                json, Map.of("Content-Type", "application/fhir+json"));
        assertThat(noVersion.statusCode()).isEqualTo(428);
        assertThat(noVersion.body()).contains("OperationOutcome").contains("If-Match");

        Patient current = assistant.read().resource(Patient.class).withId(id.getIdPart()).execute();
        assertThat(current.getMeta().getVersionId()).isEqualTo("1");
        assertThat(assistant.vread(Patient.class, id.getIdPart(), "1").getNameFirstRep().getFamily())
                .startsWith("Versionné");
        assertThatThrownBy(() -> assistant.vread(Patient.class, id.getIdPart(), "0"))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void aConditionalCreateFindsThePatientInsteadOfRegisteringThemTwice() {
        String family = "Conditional" + org.suffix();
        String condition = "family=" + family + "&given=Zoe&birthdate=1985-05-05";
        MethodOutcome first = assistant.create().resource(patient(family, "Zoe", "1985-05-05"))
                .conditionalByUrl("Patient?" + condition).execute();
        MethodOutcome again = assistant.create().resource(patient(family, "Zoe", "1985-05-05"))
                .conditionalByUrl("Patient?" + condition).execute();
        assertThat(first.getCreated()).isTrue();
        assertThat(again.getCreated()).isNotEqualTo(Boolean.TRUE);
        assertThat(again.getId().getIdPart()).isEqualTo(first.getId().getIdPart());
        // Without the condition, a look-alike is refused as the registry refuses it.
        assertThatThrownBy(() -> assistant.create().resource(patient(family, "Zoe", "1985-05-05")).execute())
                .isInstanceOf(BaseServerResponseException.class)
                .satisfies(e -> assertThat(((BaseServerResponseException) e).getStatusCode()).isEqualTo(409));
    }

    @Test
    void refusesAPatientWithoutANameOrWithABadEmailInTheCallersLanguage() {
        Patient nameless = patient("X", "Y", "1990-01-01");
        nameless.getName().clear();
        assertThatThrownBy(() -> assistant.create().resource(nameless).execute())
                .isInstanceOf(UnprocessableEntityException.class).hasMessageContaining("family name");

        Patient badEmail = patient("Mail" + org.suffix(), "Bad", "1990-01-01");
        badEmail.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL)
                .setValue("not an email");
        HttpResponse<String> french = new Http(port).send("POST", "/fhir/Patient", token(),
                FHIR.newJsonParser().encodeResourceToString(badEmail),
                Map.of("Content-Type", "application/fhir+json", "Accept-Language", "fr-FR"));
        assertThat(french.statusCode()).isEqualTo(422);
        assertThat(french.body()).contains("OperationOutcome").contains("E-mail");
    }

    @Test
    void anotherOrganisationsPatientIsNotThereAndNoTokenIsRefused() {
        Organisation other = fixture.organisation();
        long theirs = fixture.patient(other, other.paris(), "Elsewhere", "Eve");
        assertThatThrownBy(() -> assistant.read().resource(Patient.class).withId(String.valueOf(theirs)).execute())
                .isInstanceOf(ResourceNotFoundException.class);
        Bundle search = assistant.search().byUrl("Patient?family=Elsewhere").returnBundle(Bundle.class).execute();
        assertThat(search.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
                .doesNotContain(String.valueOf(theirs));
        assertThat(new Http(port).get("/fhir/Patient/" + theirs, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aPatientsTrichoscopyAndDiagnosesAreSearchedByCodeSiteAndDate() {
        Staff doctor = fixture.staff(org, "doctor", Map.of(org.paris(), Role.PRACTITIONER));
        String token = fixture.token(doctor);
        long patient = fixture.patient(org, org.paris(), "Trichoscopy" + org.suffix(), "Tom");
        Http http = new Http(port);
        for (String day : List.of("2026-01-10", "2026-07-10")) {
            HttpResponse<String> assessed = http.send("POST", "/api/v1/patients/" + patient + "/assessments", token,
                    "{\"assessedOn\":\"" + day + "\",\"vellusCutoffUm\":40,\"magnification\":20,\"sites\":["
                            + "{\"site\":\"VERTEX\",\"hairs\":40,\"areaCm2\":0.25,\"terminal\":30,\"vellus\":10,"
                            + "\"meanDiameterUm\":55},{\"site\":\"OCCIPITAL\",\"hairs\":50,\"areaCm2\":0.25}]}",
                    Map.of());
            assertThat(assessed.statusCode()).as(assessed.body()).isEqualTo(201);
        }
        assertThat(http.send("POST", "/api/v1/patients/" + patient + "/diagnoses", token,
                "{\"category\":\"AGA_MALE\",\"stage\":\"Norwood III\"}", Map.of()).statusCode()).isEqualTo(201);
        IGenericClient practitioner = client(token);

        Bundle densities = practitioner.search().byUrl("Observation?patient=" + patient
                + "&code=https://follicle.org/fhir/CodeSystem/trichoscopy|hair-density").returnBundle(Bundle.class)
                .execute();
        assertThat(densities.getEntry()).hasSize(4).allSatisfy(e -> {
            Observation o = (Observation) e.getResource();
            assertThat(o.getValueQuantity().getCode()).isEqualTo("/cm2");
            assertThat(o.getBodySite().getCoding()).extracting(c -> c.getCode()).contains("41695006");
        });
        assertThat(densities.getEntry()).extracting(e -> ((Observation) e.getResource()).getValueQuantity()
                .getValue().intValue()).containsExactlyInAnyOrder(160, 200, 160, 200);

        Bundle vertexLater = practitioner.search().byUrl("Observation?subject=Patient/" + patient
                + "&body-site=vertex&date=ge2026-06-01").returnBundle(Bundle.class).execute();
        assertThat(vertexLater.getEntry()).extracting(e -> ((Observation) e.getResource()).getCode().getCodingFirstRep()
                .getCode()).containsExactlyInAnyOrder("hair-density", "hair-count", "field-area", "terminal-hairs",
                        "vellus-hairs", "mean-shaft-diameter");
        String observationId = vertexLater.getEntryFirstRep().getResource().getIdElement().getIdPart();
        assertThat(practitioner.read().resource(Observation.class).withId(observationId).execute().getIdPart())
                .isEqualTo(observationId);

        Bundle reports = practitioner.search().byUrl("DiagnosticReport?patient=" + patient
                + "&_include=DiagnosticReport:result").returnBundle(Bundle.class).execute();
        assertThat(reports.getEntry()).filteredOn(e -> e.getSearch().getMode() == Bundle.SearchEntryMode.MATCH)
                .hasSize(2);
        assertThat(reports.getEntry()).filteredOn(e -> e.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE)
                .hasSize(18);

        Bundle conditions = practitioner.search().byUrl("Condition?patient=" + patient).returnBundle(Bundle.class)
                .execute();
        Condition condition = (Condition) conditions.getEntryFirstRep().getResource();
        assertThat(condition.getCode().getCoding()).extracting(c -> c.getSystem() + "|" + c.getCode())
                .containsExactlyInAnyOrder("http://snomed.info/sct|87872006", "http://hl7.org/fhir/sid/icd-10|L64.9");
        assertThat(condition.getClinicalStatus().getCodingFirstRep().getCode()).isEqualTo("active");

        HttpResponse<String> unnamed = http.send("GET", "/fhir/Observation", token, null,
                Map.of("Accept-Language", "es"));
        assertThat(unnamed.statusCode()).isEqualTo(400);
        assertThat(unnamed.body()).contains("Indique el paciente");
    }

    @Test
    void exportsTheClinicsPatientsInTheBackgroundAsNdjsonForWhoeverAskedOnly() throws Exception {
        String family = "Exported" + org.suffix();
        for (int i = 0; i < 3; i++) {
            assistant.create().resource(patient(family, "Eva" + (char) ('a' + i), "1970-02-0" + (i + 1))).execute();
        }
        Http http = new Http(port);
        String path = "/fhir/Group/clinic-" + org.paris() + "/$export?_type=Patient,Organization";
        assertThat(http.get(path, token()).statusCode()).as("without Prefer: respond-async").isEqualTo(400);
        HttpResponse<String> kickOff = http.send("GET", path, token(), null, Map.of("Prefer", "respond-async",
                "Accept", "application/fhir+json"));
        assertThat(kickOff.statusCode()).as(kickOff.body()).isEqualTo(202);
        String status = kickOff.headers().firstValue("Content-Location").orElseThrow()
                .replace("http://localhost:" + port, "");

        HttpResponse<String> polled = http.get(status, token());
        for (int i = 0; i < 100 && polled.statusCode() == 202; i++) {
            Thread.sleep(200);
            polled = http.get(status, token());
        }
        assertThat(polled.statusCode()).as(polled.body()).isEqualTo(200);
        var manifest = tools.jackson.databind.json.JsonMapper.builder().build().readTree(polled.body());
        assertThat(manifest.get("requiresAccessToken").asBoolean()).isTrue();
        List<String> types = new ArrayList<>();
        String patients = null;
        for (var output : manifest.get("output")) {
            types.add(output.get("type").asString());
            if (output.get("type").asString().equals("Patient")) {
                patients = output.get("url").asString().replace("http://localhost:" + port, "");
                assertThat(output.get("count").asInt()).isGreaterThanOrEqualTo(3);
            }
        }
        assertThat(types).containsExactlyInAnyOrder("Patient", "Organization");
        HttpResponse<String> file = http.get(patients, token());
        assertThat(file.headers().firstValue("Content-Type").orElse("")).startsWith("application/fhir+ndjson");
        List<String> names = file.body().lines().map(line -> FHIR.newJsonParser().parseResource(Patient.class, line))
                .map(p -> p.getNameFirstRep().getFamily()).toList();
        assertThat(names).filteredOn(family::equals).hasSize(3);

        // Someone else cannot read the job or its files; its owner cancels it, and its files go.
        String colleague = fixture.token(fixture.staff(org, "colleague", Map.of(org.paris(), Role.ADMIN)));
        assertThat(http.get(status, colleague).statusCode()).isEqualTo(404);
        assertThat(http.get(patients, colleague).statusCode()).isEqualTo(404);
        assertThat(http.send("DELETE", status, token(), null, Map.of()).statusCode()).isEqualTo(202);
        assertThat(http.get(patients, token()).statusCode()).isEqualTo(404);
        // Another clinic's patients, or another organisation's, are not a group one may export.
        String madrid = fixture.token(fixture.staff(org, "madrid", Map.of(org.madrid(), Role.ADMIN)));
        assertThat(http.send("GET", "/fhir/Group/clinic-" + org.paris() + "/$export", madrid, null,
                Map.of("Prefer", "respond-async")).statusCode()).isEqualTo(404);
        Organisation other = fixture.organisation();
        assertThat(http.send("GET", "/fhir/Group/clinic-" + other.paris() + "/$export", token(), null,
                Map.of("Prefer", "respond-async")).statusCode()).isEqualTo(404);
    }

    @Test
    void booksAnAppointmentThroughTheCalendarsRules() {
        Staff doctor = fixture.staff(org, "booked-doctor", Map.of(org.paris(), Role.PRACTITIONER));
        fixture.weekdayHours(org.paris(), doctor.id());
        long patient = fixture.patient(org, org.paris(), "Booked" + org.suffix(), "Bea");
        java.time.LocalDate monday = java.time.LocalDate.now().plusWeeks(2)
                .with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.MONDAY));
        java.util.function.Supplier<Appointment> visit = () -> {
            Appointment appointment = new Appointment();
            appointment.setStatus(Appointment.AppointmentStatus.BOOKED);
            appointment.getAppointmentType().setText("Consultation");
            appointment.setStart(java.util.Date.from(monday.atTime(10, 0).atZone(java.time.ZoneId.of("Europe/Paris"))
                    .toInstant()));
            appointment.addParticipant().setActor(new Reference("Patient/" + patient))
                    .setStatus(Appointment.ParticipationStatus.ACCEPTED);
            appointment.addParticipant().setActor(new Reference("Practitioner/" + doctor.id()))
                    .setStatus(Appointment.ParticipationStatus.ACCEPTED);
            return appointment;
        };
        MethodOutcome booked = assistant.create().resource(visit.get()).execute();
        assertThat(booked.getCreated()).isTrue();
        Appointment read = assistant.read().resource(Appointment.class).withId(booked.getId().getIdPart()).execute();
        assertThat(read.getStatus()).isEqualTo(Appointment.AppointmentStatus.BOOKED);
        assertThat(read.getMinutesDuration()).isPositive();
        // The same practitioner at the same time: refused as the calendar refuses it.
        assertThatThrownBy(() -> assistant.create().resource(visit.get()).execute())
                .isInstanceOf(BaseServerResponseException.class)
                .satisfies(e -> assertThat(((BaseServerResponseException) e).getStatusCode()).isIn(409, 422));
        Appointment untyped = visit.get();
        untyped.getAppointmentType().setText("Haircut");
        assertThatThrownBy(() -> assistant.create().resource(untyped).execute())
                .isInstanceOf(UnprocessableEntityException.class).hasMessageContaining("visit types");
    }

    @Test
    void recordsIntakeAnswersThroughTheSameChecksAndScreensThem() {
        long patient = fixture.patient(org, org.paris(), "Intake" + org.suffix(), "Ines");
        Questionnaire intake = assistant.read().resource(Questionnaire.class).withId("intake").execute();
        QuestionnaireResponse answers = new QuestionnaireResponse();
        answers.setQuestionnaire(intake.getUrl() + "|" + intake.getVersion());
        answers.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        answers.setSubject(new Reference("Patient/" + patient));
        for (Questionnaire.QuestionnaireItemComponent section : intake.getItem()) {
            var group = answers.addItem().setLinkId(section.getLinkId());
            for (Questionnaire.QuestionnaireItemComponent question : section.getItem()) {
                boolean triState = question.getAnswerOption().stream()
                        .anyMatch(o -> o.getValueCoding().getCode().equals("UNKNOWN"));
                if (triState) {
                    group.addItem().setLinkId(question.getLinkId()).addAnswer().setValue(question.getAnswerOption()
                            .stream().filter(o -> o.getValueCoding().getCode().equals("NO")).findFirst()
                            .orElseThrow().getValueCoding());
                }
            }
        }
        MethodOutcome recorded = assistant.create().resource(answers).execute();
        assertThat(recorded.getCreated()).isTrue();
        QuestionnaireResponse read = assistant.read().resource(QuestionnaireResponse.class)
                .withId(recorded.getId().getIdPart()).execute();
        assertThat(read.getItem()).isNotEmpty();
        assertThat(issues(patient)).doesNotContain(DetectedIssue.DetectedIssueSeverity.HIGH);
        // A pregnancy stops the treatments: the screening says so at once.
        var pregnancy = answers.getItemFirstRep().getItem().stream()
                .filter(i -> i.getLinkId().equals("medicalHistory.pregnancy")).findFirst().orElseThrow();
        pregnancy.getAnswerFirstRep().getValueCoding().setCode("YES");
        assistant.create().resource(answers).execute();
        assertThat(issues(patient)).contains(DetectedIssue.DetectedIssueSeverity.HIGH);

        // Silence is not an answer: without the pregnancy question, nothing is recorded.
        answers.getItemFirstRep().getItem().removeIf(i -> i.getLinkId().equals("medicalHistory.pregnancy"));
        assertThatThrownBy(() -> assistant.create().resource(answers).execute())
                .isInstanceOf(UnprocessableEntityException.class).hasMessageContaining("medicalHistory.pregnancy");
        assertThat(assistant.search().byUrl("QuestionnaireResponse?patient=" + patient).returnBundle(Bundle.class)
                .execute().getEntry()).hasSize(2);
    }

    private List<DetectedIssue.DetectedIssueSeverity> issues(long patient) {
        return assistant.search().byUrl("DetectedIssue?patient=" + patient).returnBundle(Bundle.class).execute()
                .getEntry().stream().map(e -> ((DetectedIssue) e.getResource()).getSeverity()).toList();
    }

    @Test
    void aPhotoIsAMediaWhoseImageIsItsBinary() throws Exception {
        long patient = fixture.patient(org, org.paris(), "Photographed" + org.suffix(), "Pia");
        fixture.consent(patient, org.paris(), org.id(), "PHOTOGRAPHY");
        HttpResponse<String> uploaded = new Http(port).upload("/api/v1/patients/" + patient + "/photos", token(),
                Map.of("view", "TOP"), "top.png", Photos.png());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        Bundle photos = assistant.search().byUrl("Media?patient=" + patient).returnBundle(Bundle.class).execute();
        Media media = (Media) photos.getEntryFirstRep().getResource();
        assertThat(media.getView().getText()).isEqualTo("Top");
        String binary = media.getContent().getUrl();
        HttpResponse<byte[]> image = new Http(port).bytes("/fhir/" + binary, token());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(image.body()))).isNotNull();
        assertThat(jdbc.sql("SELECT count(*) FROM security_audit_entry WHERE record_type = 'photo' AND action = 'READ' "
                + "AND record_id = :id").param("id", media.getIdPart()).query(Long.class).single()).isPositive();

        // Sent as a Media, through the chart's checks: the photography consent first.
        Media sent = new Media();
        sent.setStatus(Media.MediaStatus.COMPLETED);
        sent.setSubject(new Reference("Patient/" + patient));
        sent.getView().setText("Vertex");
        sent.getContent().setContentType("image/png").setData(Photos.png());
        MethodOutcome stored = assistant.create().resource(sent).execute();
        assertThat(stored.getCreated()).isTrue();
        assertThat(((Media) stored.getResource()).getView().getText()).isEqualTo("Vertex");
        long unconsented = fixture.patient(org, org.paris(), "Unconsented" + org.suffix(), "Uma");
        sent.setSubject(new Reference("Patient/" + unconsented));
        assertThatThrownBy(() -> assistant.create().resource(sent).execute())
                .isInstanceOf(UnprocessableEntityException.class);
        sent.getContent().setData("not an image".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        sent.setSubject(new Reference("Patient/" + patient));
        assertThatThrownBy(() -> assistant.create().resource(sent).execute())
                .isInstanceOf(BaseServerResponseException.class)
                .satisfies(e -> assertThat(((BaseServerResponseException) e).getStatusCode()).isBetween(400, 499));
    }

    @Test
    void aScheduleOffersFreeSlotsAndABookedOneIsNoLongerOffered() {
        Staff doctor = fixture.staff(org, "slot-doctor", Map.of(org.paris(), Role.PRACTITIONER));
        fixture.weekdayHours(org.paris(), doctor.id());
        long patient = fixture.patient(org, org.paris(), "Slotted" + org.suffix(), "Sol");
        String schedule = org.paris() + "-" + doctor.id();
        assertThat(assistant.search().byUrl("Schedule").returnBundle(Bundle.class).execute().getEntry())
                .extracting(e -> e.getResource().getIdElement().getIdPart()).contains(schedule);
        java.time.LocalDate monday = java.time.LocalDate.now().plusWeeks(3)
                .with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.MONDAY));
        String search = "Slot?schedule=Schedule/" + schedule + "&service-type=CONSULTATION&start=ge" + monday
                + "&start=lt" + monday.plusDays(1) + "&_count=100";
        List<Slot> free = assistant.search().byUrl(search).returnBundle(Bundle.class).execute().getEntry().stream()
                .map(e -> (Slot) e.getResource()).toList();
        assertThat(free).isNotEmpty().allSatisfy(slot -> assertThat(slot.getStatus()).isEqualTo(Slot.SlotStatus.FREE));

        Appointment appointment = new Appointment();
        appointment.setStatus(Appointment.AppointmentStatus.BOOKED);
        appointment.getAppointmentType().setText("CONSULTATION");
        appointment.setStart(free.get(0).getStart());
        appointment.addParticipant().setActor(new Reference("Patient/" + patient));
        appointment.addParticipant().setActor(new Reference("Practitioner/" + doctor.id()));
        assertThat(assistant.create().resource(appointment).execute().getCreated()).isTrue();
        assertThat(assistant.search().byUrl(search).returnBundle(Bundle.class).execute().getEntry())
                .extracting(e -> ((Slot) e.getResource()).getStart()).doesNotContain(free.get(0).getStart());
        assertThatThrownBy(() -> assistant.search().byUrl("Slot?schedule=Schedule/" + schedule
                + "&service-type=CONSULTATION&start=ge" + monday + "&start=lt" + monday.plusMonths(3))
                .returnBundle(Bundle.class).execute()).isInstanceOf(BaseServerResponseException.class)
                .hasMessageContaining("month");
    }

    private String token;

    private String token() {
        if (token == null) {
            token = fixture.token(fixture.staff(org, "assistant2", Map.of(org.paris(), Role.ASSISTANT)));
        }
        return token;
    }
}
