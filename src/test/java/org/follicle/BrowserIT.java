package org.follicle;

import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.api.Assertions;
import org.follicle.security.Role;
import org.follicle.support.Browser;
import org.follicle.support.FollicleIntegrationTest;
import org.follicle.support.Http;
import org.follicle.support.Lots;
import org.follicle.support.Photos;
import org.follicle.support.StaffFixture;
import org.follicle.support.StaffFixture.Organisation;
import org.follicle.support.StaffFixture.Staff;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.awaitility.Awaitility.await;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Staff use Follicle in a real Chromium: sign in, languages, lockout, idle logout, refusals, admin pages. */
@FollicleIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffFixture fixture;

    @Autowired
    JdbcClient jdbc;

    Browser browser;

    Organisation org;

    Staff admin;

    @BeforeAll
    void launch() {
        browser = new Browser(port);
    }

    @AfterAll
    void close() {
        try {
            // Every page satisfied the Content-Security-Policy and ran its scripts without error.
            Assertions.assertThat(browser.consoleErrors()).isEmpty();
        }
        finally {
            browser.close();
        }
    }

    @BeforeEach
    void staff() {
        org = fixture.organisation();
        admin = fixture.staff(org, "Camille", Map.of(org.paris(), Role.ADMIN, org.madrid(), Role.ADMIN));
    }

    @Test
    void signsInAndSeesTheDashboard() {
        Page page = browser.newPage("en-GB");
        page.navigate("/");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login$"));
        Browser.screenshot(page, "01-login");
        Browser.signIn(page, admin.username(), StaffFixture.PASSWORD);
        assertThat(page.locator("h1")).hasText("Hello, Camille");
        assertThat(page.getByText("You are working in Paris")).isVisible();
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Staff").setExact(true))).isVisible();
        Browser.screenshot(page, "02-dashboard");
    }

    @Test
    void switchesClinicFromTheHeader() {
        Page page = browser.newPage("en-GB");
        Browser.signIn(page, admin.username(), StaffFixture.PASSWORD);
        page.locator("#clinic-switcher").selectOption(String.valueOf(org.madrid()));
        assertThat(page.getByText("You are working in Madrid")).isVisible();
    }

    @Test
    void speaksTheBrowsersLanguageFirst() {
        Page page = browser.newPage("fr-FR");
        page.navigate("/login");
        assertThat(page.locator("button[type=submit]")).hasText("Se connecter");
        Page spanish = browser.newPage("es-ES");
        spanish.navigate("/login");
        assertThat(spanish.locator("button[type=submit]")).hasText("Iniciar sesión");
    }

    @Test
    void switchesToFrenchAndKeepsTheChoiceForTheNextSignIn() {
        Page page = browser.newPage("en-GB");
        Browser.signIn(page, admin.username(), StaffFixture.PASSWORD);
        page.locator(".language-switcher a[lang=fr]").first().click();
        assertThat(page.locator("h1")).hasText("Bonjour, Camille");
        Browser.screenshot(page, "03-dashboard-fr");

        Page later = browser.newPage("en-GB");
        Browser.signIn(later, admin.username(), StaffFixture.PASSWORD);
        assertThat(later.locator("h1")).hasText("Bonjour, Camille");
    }

    @Test
    void locksTheAccountAfterSevenWrongPasswordsAndSaysNoMoreThanForAWrongOne() {
        Page page = browser.newPage("en-GB");
        for (int i = 0; i < 7; i++) {
            Browser.signIn(page, admin.username(), "wrong password " + i);
            assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.ALERT)).isVisible();
        }
        String wrong = page.getByRole(com.microsoft.playwright.options.AriaRole.ALERT).textContent();
        Browser.signIn(page, admin.username(), StaffFixture.PASSWORD);
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.ALERT)).hasText(wrong);
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.ALERT)).containsText("too many attempts");
        Browser.screenshot(page, "04-locked");
    }

    @Test
    void signsOutAnIdleSessionAfterThirtyMinutes() {
        Page page = browser.newPage("en-GB");
        Browser.signIn(page, admin.username(), StaffFixture.PASSWORD);
        assertThat(page.locator("h1")).hasText("Hello, Camille");
        // Thirty-one minutes pass without a click.
        jdbc.sql("""
                UPDATE system_http_session SET last_access_time = last_access_time - 31 * 60 * 1000,
                    expiry_time = expiry_time - 31 * 60 * 1000 WHERE principal_name = :u""")
                .param("u", admin.username()).update();
        page.navigate("/admin/staff");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login.*"));
        assertThat(page.getByText("Your session has ended")).isVisible();
        Browser.screenshot(page, "05-idle-logout");
    }

    @Test
    void showsAReadableRefusalForAPageTheRoleDoesNotAllow() {
        Staff assistant = fixture.staff(org, "Julien", Map.of(org.paris(), Role.ASSISTANT));
        Page page = browser.newPage("en-GB");
        Browser.signIn(page, assistant.username(), StaffFixture.PASSWORD);
        assertThat(page.locator("nav a[href='/admin/staff']")).hasCount(0);
        page.navigate("/admin/staff");
        assertThat(page.locator("h1")).hasText("Not allowed");
        assertThat(page.locator("body")).not().containsText("Exception");
        Browser.screenshot(page, "06-denied");
        page.navigate("/admin/clinics/" + org.madrid());
        assertThat(page.locator("h1")).hasText("Not allowed");
    }

    @Test
    void adminCreatesAnAccountAndGivesItARole() {
        Page page = browser.newPage("en-GB");
        Browser.signIn(page, admin.username(), StaffFixture.PASSWORD);
        page.navigate("/admin/staff/new");
        page.getByLabel("Full name").fill("Inès Garcia");
        page.getByLabel("Username").fill("ines." + org.suffix());
        page.locator("#password").fill("short");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
        assertThat(page.locator(".invalid-feedback")).containsText("at least 12 characters");
        Browser.screenshot(page, "07-new-staff-error");
        page.locator("#password").fill("a long enough passphrase");
        page.locator("#clinicId").selectOption(String.valueOf(org.paris()));
        page.getByLabel("Practitioner").check();
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.STATUS)).hasText("The account is created.");
        assertThat(page.locator("#role-" + org.paris() + "-PRACTITIONER")).isChecked();
        Browser.screenshot(page, "08-staff-edit");
    }

    @Test
    void adminSearchesAndVerifiesTheAuditLog() {
        Page page = browser.newPage("en-GB");
        Browser.signIn(page, admin.username(), StaffFixture.PASSWORD);
        page.navigate("/admin/audit?actor=" + admin.username());
        assertThat(page.locator("#audit-results")).containsText("Sign-in");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify integrity")).click();
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.STATUS)).containsText("intact");
        Browser.screenshot(page, "09-audit");

        // In French the log names the person, their role and the clinic's time zone; a name finds their entries.
        Page french = browser.newPage("fr-FR");
        Browser.signIn(french, admin.username(), StaffFixture.PASSWORD);
        french.navigate("/admin/audit?actor=" + java.net.URLEncoder.encode("Camille",
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(french.locator("#audit-results")).containsText("Connexion");
        assertThat(french.locator("#audit-results")).containsText("(Europe/Paris)");
        assertThat(french.locator("#audit-results tbody tr").first()).containsText("Camille");
        assertThat(french.locator("#audit-results")).containsText("Administrateur");
        Browser.screenshot(french, "09-audit-fr");
        french.setViewportSize(390, 844);
        Browser.screenshot(french, "09-audit-fr-phone");
    }

    /** A NUL character pasted into a search: the page says what is wrong, in the reader's language. */
    @Test
    void aNulCharacterInASearchIsRefusedWithWhatToDo() {
        Page page = browser.newPage("fr-FR");
        Browser.signIn(page, admin.username(), StaffFixture.PASSWORD);
        page.navigate("/patients?q=Ma%00rtin&lang=fr");
        assertThat(page.locator("#content")).containsText("caractère invisible NUL");
        Browser.screenshot(page, "27-nul-fr");
        page.setViewportSize(390, 844);
        Browser.screenshot(page, "27-nul-fr-phone");
    }

    @Test
    void searchesStaffAsYouTypeAndOpensTheApiDocumentation() {
        fixture.staff(org, "Zoé Fontaine", Map.of(org.paris(), Role.ASSISTANT));
        Page page = browser.newPage("en-GB");
        Browser.signIn(page, admin.username(), StaffFixture.PASSWORD);
        page.navigate("/admin/staff");
        page.getByLabel("Search by name or username").fill("zoé");
        assertThat(page.locator("#staff-results tbody tr")).hasCount(1);
        assertThat(page.locator("#staff-results")).containsText("Zoé Fontaine");
        Browser.screenshot(page, "11-staff-search");

        page.navigate("/api/v1/docs");
        assertThat(page.locator(".swagger-ui .title")).containsText("Follicle API");
        Browser.picture(page, "12-api-docs");
    }

    @Test
    void receptionistRegistersAPatientOnATabletAndFindsThemAgain() {
        Staff assistant = fixture.staff(org, "Julien", Map.of(org.paris(), Role.ASSISTANT));
        Page page = browser.newPage("en-GB");
        page.setViewportSize(1024, 768);
        Browser.signIn(page, assistant.username(), StaffFixture.PASSWORD);
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Patients").setExact(true)).click();
        page.getByText("Register a patient").click();
        String family = "Lefèvre" + org.suffix();
        page.getByLabel("Family name").fill(family);
        page.getByLabel("Given name").fill("Hélène");
        page.getByLabel("Birth date").fill("2099-01-01");
        page.getByLabel("Sex").selectOption("FEMALE");
        page.getByLabel("Phone").fill("+33 6 12 34 56 78");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Register").setExact(true)).click();
        assertThat(page.locator(".invalid-feedback")).containsText("cannot be in the future");
        assertThat(page.getByLabel("Family name")).hasValue(family);
        Browser.screenshot(page, "13-register-error");
        page.getByLabel("Birth date").fill("1984-03-21");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Register").setExact(true)).click();
        assertThat(page.locator(".alert-success")).hasText("The patient is registered.");
        assertThat(page.locator("h1")).containsText("Hélène");
        Browser.screenshot(page, "14-chart");

        page.navigate("/patients/new");
        page.getByLabel("Family name").fill(family.toUpperCase());
        page.getByLabel("Given name").fill("helene");
        page.getByLabel("Birth date").fill("1984-03-21");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Register").setExact(true)).click();
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.ALERT)).containsText("may already be registered");
        assertThat(page.getByLabel("Birth date")).hasValue("1984-03-21");
        Browser.screenshot(page, "15-duplicate-warning");

        page.navigate("/patients");
        page.getByLabel("Find a patient").fill("lefevre" + org.suffix() + " hel");
        assertThat(page.locator("#patient-results .list-group-item")).hasCount(1);
        Browser.screenshot(page, "16-patient-search");
    }

    @Test
    void receptionistFillsTheIntakeAndThePractitionerSeesWhyAndOverrides() {
        Staff assistant = fixture.staff(org, "Julien", Map.of(org.paris(), Role.ASSISTANT));
        Staff doctor = fixture.staff(org, "Hélène", Map.of(org.paris(), Role.PRACTITIONER));
        long patient = fixture.patient(org, org.paris(), "Garnier", "Inès");
        Page page = browser.newPage("en-GB");
        page.setViewportSize(1024, 768);
        Browser.signIn(page, assistant.username(), StaffFixture.PASSWORD);
        page.navigate("/patients/" + patient);
        assertThat(page.getByText("No intake yet")).isVisible();
        page.getByText("Fill in the intake").click();
        page.waitForURL(url -> url.endsWith("/intake"));
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
        // Everything "No" except breastfeeding, one answer left out, and ibuprofen three days ago.
        for (com.microsoft.playwright.Locator no : page.locator("label.answer-NO").all()) {
            no.click();
        }
        page.locator("label[for='medicalHistory-breastfeeding-YES']").click();
        page.locator("label[for='medicalHistory-tobacco-UNKNOWN']").click();
        page.locator("label[for='medicalHistory-takesMedicines-YES']").click();
        // The name is typed, the dictionary suggests; its class comes from the dictionary.
        page.locator("#med-name-0").pressSequentially("advi");
        assertThat(page.locator("#medicine-names option[value='Advil']")).hasCount(1);
        page.locator("#med-name-0").fill("Advil");
        page.locator("#med-prescribed-0").selectOption("false");
        page.locator("#med-last-0").fill(java.time.LocalDate.now().minusDays(3).toString());
        Browser.screenshot(page, "17-intake-form");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Save the answers")).click();
        assertThat(page.locator(".alert-success")).hasText("The answers are saved and the patient screened again.");
        assertThat(page.locator(".screening-card").first()).containsText("Not eligible");
        assertThat(page.locator(".screening-card").first()).containsText("Breastfeeding");
        assertThat(page.locator(".screening-card").first()).containsText("Aspirin or an anti-inflammatory");
        page.navigate("/patients/" + patient + "/intake");
        assertThat(page.locator("#med-name-0")).hasValue("Advil");
        assertThat(page.locator("#med-name-0 ~ .form-text")).hasText("Anti-inflammatory (NSAID)");
        page.navigate("/patients/" + patient);
        assertThat(page.locator("body")).containsText("(Europe/Paris), recorded by Julien.");
        page.getByText("Every version and what changed").click();
        assertThat(page.locator("#version-1")).containsText("Breastfeeding?");
        assertThat(page.locator("#version-1")).containsText("Advil (");
        assertThat(page.locator("#version-1 h2")).containsText("(Europe/Paris) · Julien");
        Browser.screenshot(page, "18-intake-versions");
        page.navigate("/patients/" + patient);
        assertThat(page.locator(".screening-card").last()).containsText("Smokes or uses tobacco?");
        assertThat(page.getByText("Override with a reason")).hasCount(0);
        Browser.screenshot(page, "18-chart-screening");

        Page doctorPage = browser.newPage("fr-FR");
        doctorPage.setViewportSize(1024, 768);
        Browser.signIn(doctorPage, doctor.username(), StaffFixture.PASSWORD);
        doctorPage.navigate("/patients/" + patient);
        assertThat(doctorPage.locator(".screening-card").first()).containsText("Non éligible");
        assertThat(doctorPage.locator(".screening-card").first()).containsText("Allaitement");
        doctorPage.locator(".screening-card").first().getByText("Passer outre avec un motif").click();
        doctorPage.locator("#override-MESOTHERAPY").fill("Sevrage terminé hier, confirmé en consultation");
        doctorPage.locator(".screening-card").first().getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Passer outre")).click();
        assertThat(doctorPage.locator(".screening-card").first()).containsText("Non éligible");
        assertThat(doctorPage.locator(".screening-card").first()).containsText("Sevrage terminé hier");
        Browser.screenshot(doctorPage, "19-chart-override-fr");
    }

    @Test
    void patientSignsAConsentOnTheTabletAndThePdfSaysWhatWasSigned() throws Exception {
        Staff assistant = fixture.staff(org, "Julien", Map.of(org.paris(), Role.ASSISTANT));
        long patient = fixture.patient(org, org.paris(), "Roux", "Noémie");
        Page page = browser.newPage("es-ES");
        page.setViewportSize(1024, 768);
        Browser.signIn(page, assistant.username(), StaffFixture.PASSWORD);
        page.navigate("/patients/" + patient);
        assertThat(page.locator("section[aria-label='Consentimientos']")).containsText("Sin firmar");
        page.navigate("/patients/" + patient + "/consents/MESOTHERAPY");
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
        assertThat(page.locator(".consent-text")).containsText("Consentimiento para la mesoterapia capilar");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("He leído y acepto: firmar")).click();
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.ALERT)).containsText("Firme dentro del recuadro");
        page.locator("#signerName").fill("Noémie Roux");
        page.locator("canvas.signature-pad").scrollIntoViewIfNeeded();
        var pad = page.locator("canvas.signature-pad").boundingBox();
        page.mouse().move(pad.x + 30, pad.y + 120);
        page.mouse().down();
        page.mouse().move(pad.x + 150, pad.y + 40, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(8));
        page.mouse().move(pad.x + 300, pad.y + 130, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(8));
        page.mouse().up();
        Browser.screenshot(page, "20-consent-sign");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("He leído y acepto: firmar")).click();
        assertThat(page.locator(".alert-success")).hasText("El consentimiento está firmado.");
        assertThat(page.locator("section[aria-label='Consentimientos']")).containsText("Firmado");
        Browser.screenshot(page, "21-consent-status");
        com.microsoft.playwright.Download download = page.waitForDownload(() ->
                page.locator("section[aria-label='Consentimientos'] a:has-text('PDF')").first().click());
        try (var pdf = Loader.loadPDF(java.nio.file.Files.readAllBytes(download.path()))) {
            String text = new PDFTextStripper().getText(pdf);
            Assertions.assertThat(text).contains("Consentimiento para la mesoterapia capilar").contains("Noémie Roux")
                    .contains("Firmado por").contains("Testigo").contains("(Europe/Paris)");
        }
    }

    @Test
    void assistantRecordsAnAssessmentAndThePractitionerDiagnoses() {
        Staff assistant = fixture.staff(org, "Julien", Map.of(org.paris(), Role.ASSISTANT));
        Staff doctor = fixture.staff(org, "Hélène", Map.of(org.paris(), Role.PRACTITIONER));
        long patient = fixture.patient(org, org.paris(), "Mercier", "Paul");
        // Six months earlier: 30 hairs in the same vertex field.
        new org.follicle.support.Http(port).send("POST", "/api/v1/patients/" + patient + "/assessments",
                fixture.token(assistant), "{\"assessedOn\":\"2026-05-20\",\"vellusCutoffUm\":40,\"sites\":[{\"site\":"
                        + "\"VERTEX\",\"hairs\":30,\"areaCm2\":0.25,\"meanDiameterUm\":52}]}", Map.of());
        Page page = browser.newPage("en-GB");
        page.setViewportSize(1024, 768);
        Browser.signIn(page, assistant.username(), StaffFixture.PASSWORD);
        page.navigate("/patients/" + patient + "/assessments/new");
        page.getByLabel("Vertex – Hairs counted").fill("42");
        page.getByLabel("Vertex – Area (cm²)").fill("0.25");
        page.getByLabel("Vertex – Terminal").fill("30");
        page.getByLabel("Vertex – Vellus").fill("20");
        page.getByLabel("Vertex – Mean diameter (µm)").fill("60");
        page.getByLabel("Occipital (donor reference) – Hairs counted").fill("55");
        page.getByLabel("Occipital (donor reference) – Area (cm²)").fill("0.25");
        page.getByLabel("Pull test: hairs grasped").fill("50");
        page.getByLabel("Hairs out").fill("6");
        page.getByLabel("Hamilton-Norwood").selectOption("III_VERTEX");
        page.getByLabel("Sinclair part width (1-5)").selectOption("2");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Save the assessment")).click();
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.ALERT)).containsText("exceed the hairs counted");
        assertThat(page.getByLabel("Vertex – Hairs counted")).hasValue("42");
        page.getByLabel("Vertex – Vellus").fill("10");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Save the assessment")).click();
        assertThat(page.locator(".alert-success")).hasText("The assessment is recorded.");
        assertThat(page.locator("table")).containsText("168/cm² (42 in 0.25 cm²)");
        assertThat(page.locator("table")).containsText("10.08 mm/cm²");
        assertThat(page.locator("body")).containsText("6 of 50: positive");
        assertThat(page.locator("svg.scale-figure")).hasCount(2);
        Browser.screenshot(page, "22-assessment");

        Page doctorPage = browser.newPage("en-GB");
        doctorPage.setViewportSize(1024, 768);
        Browser.signIn(doctorPage, doctor.username(), StaffFixture.PASSWORD);
        doctorPage.navigate("/patients/" + patient);
        doctorPage.getByText("Record a diagnosis").click();
        doctorPage.locator("#diagnosis-category").selectOption("AGA_MALE");
        doctorPage.getByLabel("Stage (from the scales)").fill("Norwood III vertex");
        doctorPage.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Save the diagnosis")).click();
        assertThat(doctorPage.locator("section[aria-label='Diagnosis']")).containsText("Androgenetic alopecia, male pattern");
        assertThat(doctorPage.locator("section[aria-label='Diagnosis']")).containsText("ICD-10 L64.9");
        assertThat(doctorPage.locator("section[aria-label='Diagnosis']")).containsText("Vertex: 168/cm²");
        assertThat(doctorPage.locator(".trend-table")).containsText("120 → 168 (+48.0, +40.0 %) since 2026-05-20");
        doctorPage.waitForCondition(() -> (Boolean) doctorPage.locator("[data-trend-chart]")
                .evaluate("canvas => typeof Chart !== 'undefined' && canvas.width > 0 "
                        + "&& Chart.getChart(canvas) !== undefined"));
        Browser.screenshot(doctorPage, "23-chart-diagnosis");
    }

    @Test
    void assistantAddsPhotosAndComparesTwoDates() {
        Staff assistant = fixture.staff(org, "Julien", Map.of(org.paris(), Role.ASSISTANT));
        long patient = fixture.patient(org, org.paris(), "Fournier", "Léa");
        Page page = browser.newPage("en-GB");
        page.setViewportSize(1024, 768);
        Browser.signIn(page, assistant.username(), StaffFixture.PASSWORD);
        page.navigate("/patients/" + patient);
        assertThat(page.locator("#photos")).containsText("No photography consent in force");
        fixture.consent(patient, org.paris(), org.id(), "PHOTOGRAPHY");
        page.reload();
        for (String day : new String[] { "2026-05-01", "2026-11-01" }) {
            page.locator("#photos summary").click();
            page.locator("#photo-view").selectOption("TOP");
            page.locator("#photo-date").fill(day);
            page.locator("#photo-file").setInputFiles(new com.microsoft.playwright.options.FilePayload("top.jpg",
                    "image/jpeg", Photos.jpegWithExif()));
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Upload")).click();
            assertThat(page.locator(".alert-success")).containsText("The photo is saved");
        }
        page.locator("#photos summary").click();
        page.locator("#photo-file").setInputFiles(new com.microsoft.playwright.options.FilePayload("notes.jpg",
                "image/jpeg", "not a photo".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Upload")).click();
        assertThat(page.locator(".alert-danger")).containsText("not a JPEG, PNG or WebP");
        assertThat(page.locator("#photos figure")).hasCount(2);
        for (com.microsoft.playwright.Locator thumbnail : page.locator("#photos figure img").all()) {
            thumbnail.scrollIntoViewIfNeeded();
            page.waitForCondition(() -> ((Number) thumbnail.evaluate("img => img.complete ? img.naturalWidth : 0"))
                    .intValue() > 0);
        }
        Browser.screenshot(page, "24-chart-photos");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Compare")).click();
        assertThat(page.locator("h1")).hasText("Photo comparison");
        assertThat(page.locator("figcaption").first()).containsText("Before: 2026-05-01");
        page.locator("[data-compare-slider]").fill("20");
        Browser.screenshot(page, "25-photo-compare");
    }

    @Test
    void receivesALotThenBuildsAFormulaAndSeesAFindingAtOnce() {
        Staff doctor = fixture.staff(org, "Docteur Roux", Map.of(org.paris(), Role.PRACTITIONER));
        long patient = fixture.patient(org, org.paris(), "Cocktail", "Inès");
        jdbc.sql("UPDATE patients_patient SET sex = 'FEMALE' WHERE id = :id").param("id", patient).update();
        Page page = browser.newPage("en-GB");
        Browser.signIn(page, admin.username(), StaffFixture.PASSWORD);
        page.navigate("/formulary/products");
        page.getByLabel("SKU").fill("DUT-" + org.suffix());
        page.getByLabel("Name").fill("Dutasteride 0.05% 2 mL");
        page.getByLabel("Manufacturer").fill("Demo Lab");
        page.getByLabel("Form").selectOption("AMPOULE");
        page.getByLabel("Cost").fill("18.50");
        page.getByLabel("Ingredient 1").selectOption("DUTASTERIDE");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Add the product")).click();
        assertThat(page.locator(".alert-success")).containsText("Product added");
        Browser.screenshot(page, "26-products");
        page.navigate("/formulary/stock");
        page.getByLabel("Product").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("Dutasteride 0.05% 2 mL (DUT-" + org.suffix() + ")"));
        page.getByLabel("Lot", new Page.GetByLabelOptions().setExact(true)).fill("DU-0001");
        page.getByLabel("Expiry").fill(java.time.LocalDate.now().minusDays(2).toString());
        page.getByLabel("Quantity").fill("6");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Receive")).click();
        assertThat(page.locator(".alert-danger")).containsText("already past");
        page.getByLabel("Expiry").fill(java.time.LocalDate.now().plusMonths(6).toString());
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Receive")).click();
        assertThat(page.locator(".alert-success")).containsText("Lot received");
        assertThat(page.locator("#stock-table")).containsText("DU-0001");
        Browser.screenshot(page, "27-stock");

        Page doctorPage = browser.newPage("en-GB");
        Browser.signIn(doctorPage, doctor.username(), StaffFixture.PASSWORD);
        doctorPage.navigate("/patients/" + patient);
        doctorPage.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Page.GetByRoleOptions().setName("New formula")).click();
        doctorPage.getByLabel("Start from a template").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("Anti-androgen (men)"));
        doctorPage.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Use this template")).click();
        assertThat(doctorPage.locator("#findings")).containsText("Dutasteride is contraindicated in women");
        assertThat(doctorPage.locator("#findings .formula-decision")).hasText("Not eligible");
        String templated = doctorPage.url();
        Browser.screenshot(doctorPage, "28-formula-finding");
        doctorPage.getByLabel("Ingredient 1").selectOption("BIOTIN");
        assertThat(doctorPage.locator("#findings")).not().containsText("contraindicated in women");
        assertThat(doctorPage.locator("#findings")).containsText("immunoassays");
        // Written as the template has it, the formula is excluded: saving it needs the practitioner's reason.
        doctorPage.getByLabel("Ingredient 1").selectOption("DUTASTERIDE");
        assertThat(doctorPage.locator("#findings")).containsText("Dutasteride is contraindicated in women");
        doctorPage.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Save the formula")).click();
        assertThat(doctorPage.locator(".alert-danger")).containsText("The screening excludes this formula");
        Browser.screenshot(doctorPage, "28-formula-exclusion-reason");
        // The same refusal in Spanish, at desktop and phone width: the form's problems are listed above it.
        Page spanish = browser.newPage("es-ES");
        Browser.signIn(spanish, doctor.username(), StaffFixture.PASSWORD);
        spanish.navigate(templated);
        spanish.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Guardar la fórmula")).click();
        assertThat(spanish.locator(".alert-danger")).containsText("Corrija lo siguiente");
        assertThat(spanish.locator(".alert-danger")).containsText("El cribado excluye esta fórmula");
        Browser.screenshot(spanish, "28-formula-exclusion-reason-es");
        spanish.setViewportSize(390, 844);
        Browser.screenshot(spanish, "28-formula-exclusion-reason-es-phone");
        doctorPage.getByLabel("Your reason to write this formula although the screening excludes it")
                .fill("Post-menopausal; the dermatologist agreed in writing");
        doctorPage.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Save the formula")).click();
        assertThat(doctorPage.locator(".alert-success")).containsText("Formula saved");
        assertThat(doctorPage.locator(".alert-warning")).containsText("Written although the screening excluded it: "
                + "Post-menopausal; the dermatologist agreed in writing");
        Browser.screenshot(doctorPage, "29-formula-saved");
    }

    @Test
    void recallsALotQuarantinesItAndRecordsWhoWasReached() {
        Staff doctor = fixture.staff(org, "Docteur Rappel", Map.of(org.paris(), Role.PRACTITIONER));
        long patient = fixture.patient(org, org.paris(), "Rappel", "Zoé");
        jdbc.sql("UPDATE patients_patient SET email = 'zoe@example.invalid' WHERE id = :id").param("id", patient)
                .update();
        org.follicle.support.Http http = new org.follicle.support.Http(port);
        String adminToken = fixture.token(admin);
        long lot = Lots.receive(http, adminToken, org.paris(), "Peptide vial", "PEPTIDES", "PEP-7", 5);
        Assertions.assertThat(http.send("POST", "/api/v1/preparations", fixture.token(doctor), "{\"clinicId\":"
                + org.paris() + ",\"requestKey\":\"rcl-" + org.suffix() + "\",\"lots\":[{\"lotId\":" + lot
                + ",\"quantity\":1}],\"recipients\":[{\"patientId\":" + patient + "}]}", Map.of()).statusCode())
                .isEqualTo(201);

        Page page = browser.newPage("fr-FR");
        page.onDialog(dialog -> dialog.accept());
        Browser.signIn(page, admin.username(), StaffFixture.PASSWORD);
        page.navigate("/formulary/lots/" + lot);
        page.getByLabel("Pourquoi ce lot est-il rappelé ?").fill("Avis du fournisseur : stérilité non garantie");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Rappeler ce lot")).click();
        assertThat(page.locator(".alert-success")).containsText("Le lot est rappelé et en quarantaine");
        assertThat(page.locator("#quarantine")).containsText("stérilité non garantie");
        assertThat(page.locator("#recall-contacts")).containsText("Patients à joindre : 1");
        assertThat(page.locator("#recall-contacts")).containsText("Remis à l'envoi");
        assertThat(page.locator("#recall-contacts")).containsText("Docteur Rappel");
        Browser.screenshot(page, "30-lot-recalled-fr");

        Page doctorPage = browser.newPage("en-GB");
        doctorPage.setViewportSize(390, 844);
        Browser.signIn(doctorPage, doctor.username(), StaffFixture.PASSWORD);
        assertThat(doctorPage.locator("body")).containsText("Patients to reach about a recalled lot");
        // On a phone the menu folds behind its button.
        assertThat(doctorPage.locator("#main-menu")).isHidden();
        Browser.screenshot(doctorPage, "30-dashboard-phone-menu-folded");
        doctorPage.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Menu")).click();
        assertThat(doctorPage.locator("#main-menu")).isVisible();
        assertThat(doctorPage.locator(".menu-toggle")).hasAttribute("aria-expanded", "true");
        doctorPage.navigate("/formulary/lots/" + lot);
        doctorPage.getByPlaceholder("Note (how, what was said)").fill("Phoned: no redness, no fever");
        doctorPage.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Reached")).click();
        assertThat(doctorPage.locator(".alert-success")).containsText("The patient is recorded as reached");
        assertThat(doctorPage.locator("#recall-contacts")).containsText("Patients to reach: 0");
        assertThat(doctorPage.locator("#recall-contacts")).containsText("Phoned: no redness, no fever");
        Browser.screenshot(doctorPage, "30-lot-recalled-phone");
    }

    @Test
    void plansACourseSeesItOnTheCalendarAndMovesASession() {
        Staff doctor = fixture.staff(org, "Docteur Lenoir", Map.of(org.paris(), Role.PRACTITIONER));
        fixture.weekdayHours(org.paris(), doctor.id());
        long patient = fixture.patient(org, org.paris(), "Planning", "Agathe");
        java.time.LocalDate monday = java.time.LocalDate.now().plusDays(8)
                .with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.MONDAY));
        Page page = browser.newPage("en-GB");
        Browser.signIn(page, doctor.username(), StaffFixture.PASSWORD);
        page.navigate("/patients/" + patient);
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Plan a course")).click();
        page.getByLabel("Protocol").selectOption("MESO_AGA");
        page.getByLabel("First session").fill(monday.toString());
        page.getByLabel("First session").dispatchEvent("change");
        assertThat(page.locator("#proposal tbody tr")).hasCount(11);
        assertThat(page.locator("#proposal")).containsText("10:00");
        Browser.screenshot(page, "30-plan-proposal");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Book the course")).click();
        assertThat(page.locator(".alert-success")).containsText("Course booked");
        assertThat(page.locator("h1")).containsText("Under way");
        assertThat(page.locator("#maintenance")).containsText("Then maintenance every 3 months");
        Browser.screenshot(page, "31-plan-booked");

        page.navigate("/calendar?date=" + monday);
        assertThat(page.locator(".fc-event").first()).containsText("PLANNING, Agathe");
        assertThat(page.locator(".fc-event").first()).containsText("10:00");
        Browser.screenshot(page, "32-calendar-week");
        // On a phone the day view's toolbar fits the screen: nothing wider than the page.
        Page phone = browser.newPage("en-GB");
        phone.setViewportSize(390, 844);
        Browser.signIn(phone, doctor.username(), StaffFixture.PASSWORD);
        phone.navigate("/calendar?date=" + monday);
        assertThat(phone.locator(".fc-toolbar-title")).isVisible();
        Assertions.assertThat(((Number) phone.evaluate("document.documentElement.scrollWidth")).intValue())
                .isLessThanOrEqualTo(390);
        Browser.screenshot(phone, "32-calendar-phone");
        phone.close();

        page.locator(".fc-event").first().click();
        assertThat(page.locator("h1")).containsText("Mesotherapy session");
        page.getByLabel("Start").fill(monday.plusDays(1) + "T11:00");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Move the appointment")).click();
        assertThat(page.locator(".alert-success")).containsText("Appointment moved");
        Browser.screenshot(page, "33-appointment-moved");
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Back to the calendar")).click();
        assertThat(page.locator(".fc-event").first()).containsText("11:00");
        Browser.screenshot(page, "34-calendar-after-move");
        page.navigate("/calendar/events?start=" + monday + "&end=" + monday.plusDays(7));
        Assertions.assertThat(page.content()).doesNotContain(monday + "T10:00\"");
    }

    @Test
    void aManagerSetsTheClinicsHoursClosuresAndPrices() {
        Staff doctor = fixture.staff(org, "Docteur Blanc", Map.of(org.paris(), Role.PRACTITIONER));
        Page page = browser.newPage("fr-FR");
        Browser.signIn(page, admin.username(), StaffFixture.PASSWORD);
        page.navigate("/calendar");
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Réglages de l'agenda")).click();
        page.locator("#open-from-1").fill("09:00");
        page.locator("#open-to-1").fill("13:00");
        page.locator("#open-from2-1").fill("14:00");
        page.locator("#open-to2-1").fill("19:00");
        page.locator("#open-from-6").fill("09:00");
        page.locator("#open-to-6").fill("12:00");
        page.locator("form[action$='opening-hours'] button").click();
        assertThat(page.locator(".alert-success")).containsText("Enregistré");
        assertThat(page.locator("#open-to2-1")).hasValue("19:00");
        page.locator("#work-from-2").fill("10:00");
        page.locator("#work-to-2").fill("18:00");
        // Wait for the post itself: the field shows what was typed before the page comes back.
        page.waitForResponse(response -> response.url().endsWith("working-hours")
                && "POST".equals(response.request().method()),
                () -> page.locator("form[action$='working-hours'] button").click());
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
        assertThat(page.locator("#work-from-2")).hasValue("10:00");
        page.getByLabel("Jour", new Page.GetByLabelOptions().setExact(true)).fill(java.time.LocalDate.now().plusDays(40).toString());
        page.getByLabel("Motif (jour férié, travaux)").fill("Travaux");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Fermer ce jour")).click();
        assertThat(page.locator("#closures")).containsText("Travaux");
        page.locator("input[form='type-MESOTHERAPY'][name='price']").fill("180");
        page.locator("#type-MESOTHERAPY button").click();
        assertThat(page.locator("input[form='type-MESOTHERAPY'][name='price']")).hasValue("180.00");
        Browser.screenshot(page, "35-calendar-settings-fr");
        Assertions.assertThat(jdbc.sql("SELECT count(*) FROM scheduling_working_hours WHERE practitioner_id = :id")
                .param("id", doctor.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void receptionDragsAnAppointmentToAnotherDayAndARefusedDragSnapsBack() {
        Staff doctor = fixture.staff(org, "Docteur Vidal", Map.of(org.paris(), Role.PRACTITIONER));
        fixture.weekdayHours(org.paris(), doctor.id());
        long patient = fixture.patient(org, org.paris(), "Glisser", "Zoé");
        java.time.LocalDate monday = java.time.LocalDate.now().plusDays(8)
                .with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.MONDAY));
        org.follicle.support.Http http = new org.follicle.support.Http(port);
        String token = fixture.token(admin);
        Assertions.assertThat(http.send("POST", "/api/v1/appointments", token, "{\"clinicId\":" + org.paris()
                + ",\"patientId\":" + patient + ",\"practitionerId\":" + doctor.id()
                + ",\"typeCode\":\"CONSULTATION\",\"start\":\"" + monday + "T10:00\"}", Map.of()).statusCode())
                .isEqualTo(201);
        jdbc.sql("INSERT INTO scheduling_closure (clinic_id, day, reason) VALUES (:c, :d, 'Staff training')")
                .param("c", org.paris()).param("d", monday.plusDays(3)).update();
        Page page = browser.newPage("en-GB");
        page.setViewportSize(1400, 1100);
        Browser.signIn(page, admin.username(), StaffFixture.PASSWORD);
        page.navigate("/calendar?date=" + monday);
        com.microsoft.playwright.Locator event = page.locator(".fc-event").first();
        assertThat(event).containsText("GLISSER");
        drag(page, event, monday.plusDays(1), "11:00:00");
        assertThat(page.locator(".fc-event").first()).containsText("11:00");
        Assertions.assertThat(startOf(patient)).isEqualTo(monday.plusDays(1) + " 11:00");
        // Saturday: the clinic is closed; the calendar says so and puts it back.
        drag(page, page.locator(".fc-event").first(), monday.plusDays(5), "11:00:00");
        assertThat(page.locator("#calendar-message")).containsText("The clinic is not open at that time");
        assertThat(page.locator(".fc-bg-event.closure").first()).containsText("Staff training");
        Browser.screenshot(page, "36-calendar-drag-refused");
        Assertions.assertThat(startOf(patient)).isEqualTo(monday.plusDays(1) + " 11:00");
    }

    private static void drag(Page page, com.microsoft.playwright.Locator event, java.time.LocalDate day, String time) {
        var from = event.boundingBox();
        var column = page.locator("td.fc-timegrid-col[data-date='" + day + "']").boundingBox();
        var slot = page.locator("td.fc-timegrid-slot-lane[data-time='" + time + "']").boundingBox();
        page.mouse().move(from.x + from.width / 2, from.y + 4);
        page.mouse().down();
        page.mouse().move(from.x + from.width / 2 + 5, from.y + 10, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(3));
        page.mouse().move(column.x + column.width / 2, slot.y + 4, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(12));
        page.mouse().up();
        page.waitForTimeout(800);
    }

    private String startOf(long patient) {
        return jdbc.sql("""
                SELECT to_char(starts_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD HH24:MI') FROM scheduling_appointment
                WHERE patient_id = :p""").param("p", patient).query(String.class).single();
    }

    @Test
    void chartsASessionOnTheScalpMapAndSignsItUsingTheLotOnce() {
        Staff doctor = fixture.staff(org, "Docteur Carte", Map.of(org.paris(), Role.PRACTITIONER));
        fixture.weekdayHours(org.paris(), doctor.id());
        long patient = fixture.patient(org, org.paris(), "Carte", "Léa");
        jdbc.sql("""
                UPDATE patients_patient SET email = 'lea@example.invalid', preferred_language = 'en', sex = 'FEMALE'
                WHERE id = :id""").param("id", patient).update();
        fixture.consent(patient, org.paris(), org.id(), "MESOTHERAPY");
        org.follicle.support.Http http = new org.follicle.support.Http(port);
        String doctorToken = fixture.token(doctor);
        String adminToken = fixture.token(admin);
        http.send("PUT", "/api/v1/patients/" + patient + "/intake", doctorToken, IntakeIT.intake("\"NO\"", "[]"), Map.of());
        http.send("POST", "/api/v1/patients/" + patient + "/formulas", doctorToken,
                "{\"formula\":" + FormularyIT.formula("BIOTIN") + "}", Map.of());
        long lot = Lots.receive(http, adminToken, org.paris(), "Biotin vial", "BIOTIN", "MAP-1", 5);
        // A product the patient may not receive (dutasteride is contraindicated in women): offered disabled, with why.
        long refusedLot = Lots.receive(http, adminToken, org.paris(), "Dutasteride vial", "DUTASTERIDE", "MAPD-1", 5);
        java.time.LocalDate monday = java.time.LocalDate.now().plusDays(8)
                .with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.MONDAY));
        long appointment = SchedulingIT.id(http.send("POST", "/api/v1/appointments", doctorToken, "{\"clinicId\":"
                + org.paris() + ",\"patientId\":" + patient + ",\"practitionerId\":" + doctor.id()
                + ",\"typeCode\":\"MESOTHERAPY\",\"start\":\"" + monday + "T10:00\"}", Map.of()));

        Page page = browser.newPage("en-GB");
        page.onDialog(dialog -> dialog.accept());
        Browser.signIn(page, doctor.username(), StaffFixture.PASSWORD);
        page.navigate("/appointments/" + appointment);
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Session: pre-check and chart")).click();
        page.getByLabel("Formula").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Test cocktail"));
        page.locator("input[type=radio][value=NO]").all().forEach(radio -> radio.check());
        Browser.screenshot(page, "37-session-precheck");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Start the session")).click();
        assertThat(page.locator("h1")).containsText("Chemical mesotherapy");
        assertThat(page.locator(".scalp-map")).hasAttribute("data-ready", "true");
        page.locator(".scalp-map [data-zone=VERTEX]").click();
        page.locator(".scalp-map [data-zone=FRONTAL]").click();
        page.getByLabel("Points in Vertex").fill("30");
        page.getByLabel("Volume in Vertex").fill("1.2");
        page.getByLabel("Points in Frontal").fill("20");
        page.getByLabel("Volume in Frontal").fill("0.8");
        assertThat(page.locator("#total-points")).hasText("50");
        page.getByLabel("Depth (mm)").fill("2");
        page.getByLabel("Needle gauge (G)").fill("30");
        // The formula's product, first expiry first, is already chosen.
        assertThat(page.getByLabel("Lot 1", new Page.GetByLabelOptions().setExact(true))).hasValue(String.valueOf(lot));
        assertThat(page.locator("select[name='lots[1].lotId'] option[value='" + refusedLot + "']")).isDisabled();
        assertThat(page.locator("#refused-lots")).containsText("Dutasteride vial · lot MAPD-1: Dutasteride is "
                + "contraindicated in women.");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Save the chart")).click();
        assertThat(page.locator(".alert-success")).containsText("Chart saved");
        assertThat(page.locator(".scalp-map [data-zone=VERTEX]")).hasClass(java.util.regex.Pattern.compile("selected"));
        Browser.screenshot(page, "38-session-chart");
        page.setViewportSize(390, 844);
        Browser.screenshot(page, "38-session-chart-phone");
        page.setViewportSize(1180, 820);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Sign the session")).click();
        assertThat(page.locator(".alert-success")).containsText("Session signed");
        assertThat(page.locator("#lots")).containsText("Biotin vial · lot MAP-1");
        assertThat(page.locator("body")).containsText("Signed by Docteur Carte on ");
        assertThat(page.locator("body")).containsText("(Europe/Paris); locked.");
        Browser.screenshot(page, "39-session-signed");
        // The visit invoiced from its session: its type at the clinic's price fills the first line.
        jdbc.sql("UPDATE scheduling_appointment_type SET price = 180, currency = 'EUR' WHERE organisation_id = :org"
                + " AND code = 'MESOTHERAPY'").param("org", org.id()).update();
        new Http(port).send("PUT", "/api/v1/clinics/" + org.paris() + "/seller", fixture.token(admin), BillingIT.SELLER,
                Map.of());
        String signedSession = page.url().replaceAll("#.*$", "");
        page.getByText("Invoice this session").click();
        assertThat(page.getByLabel("Line 1: description")).hasValue(java.util.regex.Pattern.compile("^Mesotherapy session, 20"));
        assertThat(page.getByLabel("Line 1: unit price before VAT")).hasValue("180.00");
        page.getByLabel("Line 1: VAT").selectOption("EXEMPT_MEDICAL");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Save the draft")).click();
        assertThat(page.locator(".invoice-totals")).containsText("180.00 EUR");
        page.navigate(signedSession);
        // A side effect on the session, then updated and closed on its own page, which names the lot.
        String sessionPage = page.url().replaceAll("#.*$", "");
        page.locator("#ae-kind").selectOption("ERYTHEMA");
        page.locator("#ae-description").fill("Redness on the vertex");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Record")).click();
        assertThat(page.locator("#session-adverse-events")).containsText("Redness (erythema)");
        page.locator("#session-adverse-events a").first().click();
        assertThat(page.locator("#event-lots")).containsText("lot MAP-1 (Biotin vial)");
        page.getByLabel("Outcome").selectOption("RESOLVED");
        page.getByLabel("Action taken").fill("Cold compress; gone the next day");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator(".alert-success")).containsText("The side effect is updated");
        assertThat(page.locator("h1")).containsText("Resolved");
        assertThat(page.locator("#event-history")).containsText("before: Ongoing");
        Browser.screenshot(page, "39-adverse-event-closed");
        page.navigate("/patients/" + patient);
        assertThat(page.locator("#chart-adverse-events")).containsText("Redness (erythema)");
        page.navigate(sessionPage);
        // The aftercare sheet, in the patient's language (English here), with the clinic's hours.
        byte[] sheet = page.request().get(page.locator("a", new Page.LocatorOptions().setHasText("Aftercare sheet"))
                .getAttribute("href")).body();
        try (var document = Loader.loadPDF(sheet)) {
            Assertions.assertThat(new PDFTextStripper().getText(document)).contains("For 24 hours, avoid sauna");
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> Assertions
                .assertThat(jdbc.sql("""
                        SELECT count(*) FROM messaging_message WHERE appointment_id = :a AND kind = 'AFTERCARE'
                          AND status = 'QUEUED' AND send_after <= now()""").param("a", appointment)
                        .query(Long.class).single()).isEqualTo(1));
        Assertions.assertThat(jdbc.sql("SELECT quantity FROM formulary_stock WHERE lot_id = :lot").param("lot", lot)
                .query(Integer.class).single()).isEqualTo(4);

        // The email's read of the patient is the application's own: the audit log names it so, in French too.
        Page audit = browser.newPage("fr-FR");
        Browser.signIn(audit, admin.username(), StaffFixture.PASSWORD);
        audit.navigate("/admin/audit?recordType=patient&recordId=" + patient);
        assertThat(audit.locator("#audit-results tbody tr", new Page.LocatorOptions().setHasText("care message")))
                .containsText("Follicle (automatique)");
        Browser.screenshot(audit, "39-audit-application-fr");
        audit.setViewportSize(390, 844);
        Browser.screenshot(audit, "39-audit-application-fr-phone");
    }

    @Test
    void showsAPatientsProgressBesideTheEvidence() {
        Staff doctor = fixture.staff(org, "Docteur Suivi", Map.of(org.paris(), Role.PRACTITIONER));
        long patient = fixture.patient(org, org.paris(), "Suivi", "Hugo");
        org.follicle.support.Http http = new org.follicle.support.Http(port);
        String token = fixture.token(doctor);
        for (String[] visit : new String[][] { { "2026-05-20", "42" }, { "2026-11-20", "50" } }) {
            Assertions.assertThat(http.send("POST", "/api/v1/patients/" + patient + "/assessments", token,
                    DiagnosisIT.ASSESSMENT.replace("2026-11-20", visit[0]).replace("\"hairs\":42", "\"hairs\":" + visit[1])
                            .replace("\n", ""), Map.of()).statusCode()).isEqualTo(201);
        }
        Page page = browser.newPage("en-GB");
        Browser.signIn(page, doctor.username(), StaffFixture.PASSWORD);
        page.navigate("/patients/" + patient);
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Show progress")).click();
        // The select submits itself once the page's script has run.
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
        page.getByLabel("Compare with published figures for").selectOption("PRP");
        assertThat(page.locator("body")).containsText("+32.0 hairs/cm² (+19.0%)");
        assertThat(page.locator("body")).containsText("PRP meta-analysis, men: +25.8 hairs/cm² on average");
        assertThat(page.locator(".alert-info")).containsText("not a promise for you");
        Browser.screenshot(page, "40-progress-prp");
    }

    @Test
    void recordsAFollowUpWithThePhotosSideBySideAndPrintsTheProgress() {
        Staff doctor = fixture.staff(org, "Docteur Bilan", Map.of(org.paris(), Role.PRACTITIONER));
        long patient = fixture.patient(org, org.paris(), "Bilan", "Léa");
        // The clinic's today, not the machine's: around midnight UTC the follow-up visit is already tomorrow in Paris.
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
        java.time.LocalDate start = today.minusMonths(7);
        fixture.startedCourse(org, org.paris(), patient, doctor.id(), "MESO_AGA", start);
        fixture.consent(patient, org.paris(), org.id(), "PHOTOGRAPHY");
        org.follicle.support.Http http = new org.follicle.support.Http(port);
        String token = fixture.token(doctor);
        for (String[] visit : new String[][] { { start.toString(), "40" }, { today.toString(), "46" } }) {
            Assertions.assertThat(http.send("POST", "/api/v1/patients/" + patient + "/assessments", token,
                    "{\"assessedOn\":\"" + visit[0] + "\",\"vellusCutoffUm\":40,\"sites\":[{\"site\":\"VERTEX\","
                            + "\"hairs\":" + visit[1] + ",\"areaCm2\":0.25}]}", Map.of()).statusCode()).isEqualTo(201);
            Assertions.assertThat(http.upload("/api/v1/patients/" + patient + "/photos", token, Map.of("view", "TOP"),
                    "top.png", Photos.png()).statusCode()).isEqualTo(201);
        }
        // The first photo was taken when the course began.
        jdbc.sql("UPDATE diagnosis_photo SET taken_on = :start WHERE id = (SELECT min(id) FROM diagnosis_photo "
                + "WHERE patient_id = :patient)").param("start", start).param("patient", patient).update();

        Page page = browser.newPage("en-GB");
        Browser.signIn(page, doctor.username(), StaffFixture.PASSWORD);
        page.navigate("/patients/" + patient);
        page.locator("#follow-ups tr", new Page.LocatorOptions().setHasText("6 months"))
                .getByRole(com.microsoft.playwright.options.AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Record")).click();
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
        assertThat(page.locator("h1")).containsText("review at 6 months");
        // Both photos are shown for the rating: the one from before the course and today's.
        assertThat(page.locator("img.follow-up-photo:visible")).hasCount(2);
        page.getByText("+1 slightly better").click();
        for (String question : new String[] { "SATISFIED_OVERALL", "SATISFIED_FRONT", "SATISFIED_TOP", "GROWTH",
                "APPEARANCE", "THINNING_AREA", "SLOWER_LOSS" }) {
            page.locator("input[name='satisfaction." + question + "'][value='2']").check();
        }
        Browser.screenshot(page, "41-follow-up-form");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the follow-up")).click();
        assertThat(page.locator(".alert-success")).containsText("Follow-up recorded");
        assertThat(page.locator("body")).containsText("Trichoscopy missing at: FRONTAL, OCCIPITAL.");
        assertThat(page.locator("body")).containsText("+1 slightly better");
        assertThat(page.locator("body")).containsText("Satisfaction 2 (from -3 to +3)");
        Browser.screenshot(page, "42-follow-up");

        page.navigate("/patients/" + patient + "/progress");
        assertThat(page.locator("canvas[data-progress-chart]")).hasAttribute("data-ready", "true");
        assertThat(page.locator("body")).containsText("+24.0 hairs/cm² (+15.0%)");
        assertThat(page.locator("body")).containsText("Reviews");
        Browser.screenshot(page, "43-progress-with-chart");
        com.microsoft.playwright.APIResponse pdf = page.request().get("/patients/" + patient + "/progress.pdf");
        Assertions.assertThat(pdf.headers().get("content-type")).isEqualTo("application/pdf");
        Assertions.assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        Browser.save("43-progress-report.pdf", pdf.body());
    }

    @Test
    void aDirectorComparesCoursesAndExportsTheReport() {
        Staff doctor = fixture.staff(org, "Docteur Cohorte", Map.of(org.paris(), Role.PRACTITIONER));
        org.follicle.support.Http http = new org.follicle.support.Http(port);
        String token = fixture.token(doctor);
        java.time.LocalDate start = java.time.LocalDate.now().minusMonths(7);
        String[][] courses = { { "MESO_AGA", "46" }, { "MESO_AGA", "44" }, { "MESO_AGA", "40" }, { "PRP", "50" } };
        for (int i = 0; i < courses.length; i++) {
            long patient = fixture.patient(org, org.paris(), "Cohorte" + i, "C");
            long plan = fixture.startedCourse(org, org.paris(), patient, doctor.id(), courses[i][0], start);
            for (String[] visit : new String[][] { { start.toString(), "40" }, { start.plusMonths(6).toString(), courses[i][1] } }) {
                Assertions.assertThat(http.send("POST", "/api/v1/patients/" + patient + "/assessments", token,
                        "{\"assessedOn\":\"" + visit[0] + "\",\"vellusCutoffUm\":40,\"sites\":[{\"site\":\"VERTEX\","
                                + "\"hairs\":" + visit[1] + ",\"areaCm2\":0.25}]}", Map.of()).statusCode()).isEqualTo(201);
            }
            long assessment = jdbc.sql("SELECT max(id) FROM diagnosis_assessment WHERE patient_id = :p")
                    .param("p", patient).query(Long.class).single();
            Assertions.assertThat(http.send("POST", "/api/v1/patients/" + patient + "/follow-ups", token,
                    "{\"planId\":" + plan + ",\"milestone\":\"P6M\",\"visitOn\":\"" + start.plusMonths(6)
                            + "\",\"assessmentId\":" + assessment + ",\"adverseEvents\":\"NONE\"}", Map.of())
                    .statusCode()).isEqualTo(201);
        }
        Page page = browser.newPage("en-GB");
        Browser.signIn(page, admin.username(), StaffFixture.PASSWORD);
        page.navigate("/analytics/cohorts");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Refresh the figures")).click();
        assertThat(page.locator(".alert-success")).containsText("Figures refreshed");
        page.locator("#clinicId").selectOption(String.valueOf(org.paris()));
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show").setExact(true)).click();
        com.microsoft.playwright.Locator mesotherapy = page.locator(".cohort-table tbody tr", new Page.LocatorOptions().setHasText("Mesotherapy"));
        // +15%, +10%, 0%: two responders of three, too few patients to conclude.
        assertThat(mesotherapy).containsText("67 %");
        assertThat(mesotherapy).containsText("2 of 3");
        assertThat(mesotherapy).containsText("Too few to conclude");
        assertThat(page.locator(".cohort-table tfoot")).containsText("All courses");
        assertThat(page.locator("section[data-ready]")).hasCount(1);
        Browser.screenshot(page, "44-cohort-report");
        com.microsoft.playwright.Download download = page.waitForDownload(() -> page.getByRole(
                com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("CSV")).click());
        Assertions.assertThat(download.suggestedFilename()).isEqualTo("cohort-report.csv");
        // An impossible period is explained on the page, not answered with an error.
        page.getByLabel("Started from").fill("2026-06-01");
        page.getByLabel("to", new Page.GetByLabelOptions().setExact(true)).fill("2026-01-01");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show").setExact(true)).click();
        assertThat(page.locator(".alert-danger")).containsText("The period ends before it starts.");
    }

    @Test
    void createsAnAccessTokenShownOnce() {
        Page page = browser.newPage("en-GB");
        Browser.signIn(page, admin.username(), StaffFixture.PASSWORD);
        page.navigate("/account");
        page.getByLabel("What it is for").fill("Lab integration");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create token")).click();
        assertThat(page.locator("code.new-token")).containsText("flc_");
        Browser.screenshot(page, "10-account-token");
        page.navigate("/account");
        assertThat(page.locator("code.new-token")).hasCount(0);
        assertThat(page.locator("table")).containsText("Lab integration");
    }

    @Test
    void theFrontDeskInvoicesAPatientIssuesTheInvoiceAndCorrectsItWithACreditNote() {
        Staff assistant = fixture.staff(org, "Julie", Map.of(org.paris(), Role.ASSISTANT));
        new Http(port).send("PUT", "/api/v1/clinics/" + org.paris() + "/seller", fixture.token(admin), BillingIT.SELLER,
                Map.of());
        long patient = fixture.patient(org, org.paris(), "Garnier", "Chloé");
        Page page = browser.newPage("en-GB");
        page.onDialog(dialog -> dialog.accept());
        Browser.signIn(page, assistant.username(), StaffFixture.PASSWORD);
        page.navigate("/patients/" + patient);
        page.locator("#invoices").getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Invoice")).click();
        page.getByLabel("Line 1: description").fill("Scalp mesotherapy, session 1");
        page.getByLabel("Line 1: unit price before VAT").fill("150");
        page.getByLabel("Line 1: VAT").selectOption("EXEMPT_MEDICAL");
        page.getByLabel("Line 2: description").fill("MCCM Exosomes + TRX");
        page.getByLabel("Line 2: quantity").fill("-2");
        page.getByLabel("Line 2: unit price before VAT").fill("38.50");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Save the draft")).click();
        assertThat(page.locator(".alert-danger")).containsText("Line quantity");
        assertThat(page.getByLabel("Line 1: description")).hasValue("Scalp mesotherapy, session 1");
        Browser.screenshot(page, "45-invoice-bad-quantity");
        page.getByLabel("Line 2: quantity").fill("2");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Save the draft")).click();
        assertThat(page.locator("h1")).containsText("Draft invoice");
        assertThat(page.locator(".invoice-totals")).containsText("242.40 EUR");
        assertThat(page.locator(".invoice-totals")).containsText("15.40 EUR");
        Browser.screenshot(page, "46-invoice-draft");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Issue the invoice")).click();
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.STATUS)).hasText("The invoice is issued.");
        assertThat(page.locator("h1")).containsText("Invoice F-");
        assertThat(page.locator("body")).containsText("TVA non applicable, article 261-4-1° du CGI");
        assertThat(page.getByText("Save the lines")).hasCount(0);
        Browser.screenshot(page, "47-invoice-issued");
        assertThat(page.locator("#payments")).containsText("Still owed: 242.40 EUR");
        page.getByLabel("Amount").fill("100");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Record the payment")).click();
        assertThat(page.locator("#payments")).containsText("Still owed: 142.40 EUR");
        page.getByLabel("Method").selectOption("CASH");
        page.getByLabel("Amount").fill("150");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Record the payment")).click();
        assertThat(page.locator(".alert-danger")).containsText("more than the 142.40 still owed");
        page.getByLabel("Amount").fill("142.40");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Record the payment")).click();
        assertThat(page.locator("#payments")).containsText("Paid in full");
        assertThat(page.locator("#payments")).containsText("Cash");
        Browser.screenshot(page, "47-invoice-paid");
        page.getByText("Correct with a credit note").click();
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Issue the credit note")).click();
        assertThat(page.locator(".alert-danger")).containsText("Reason");
        page.getByLabel("Reason for the correction").fill("Billed twice for the same session");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Issue the credit note")).click();
        assertThat(page.locator("h1")).containsText("Credit note AV-");
        assertThat(page.locator("body")).containsText("Billed twice for the same session");
        Browser.screenshot(page, "48-credit-note");
        page.setViewportSize(390, 844);
        Browser.screenshot(page, "48-credit-note-phone");

        Page french = browser.newPage("fr-FR");
        french.setViewportSize(390, 844);
        Browser.signIn(french, assistant.username(), StaffFixture.PASSWORD);
        french.navigate("/patients/" + patient);
        assertThat(french.locator("#invoices")).containsText("Facture F-");
        assertThat(french.locator("#invoices")).containsText("Avoir AV-");
        french.locator("#invoices a[href^='/invoices/']").first().click();
        Browser.screenshot(french, "49-invoice-fr-phone");
        Page spanish = browser.newPage("es-ES");
        Browser.signIn(spanish, assistant.username(), StaffFixture.PASSWORD);
        spanish.navigate("/patients/" + patient + "/invoices/new");
        assertThat(spanish.locator("h1")).containsText("Facturar a");
        Browser.screenshot(spanish, "50-invoice-new-es");
    }

    @Test
    void theManagerClosesTheDayAndSeesTheSalesRecordsVerify() {
        Http http = new Http(port);
        String token = fixture.token(admin);
        http.send("PUT", "/api/v1/clinics/" + org.paris() + "/seller", token, BillingIT.SELLER, Map.of());
        long invoice = SchedulingIT.id(http.send("POST", "/api/v1/invoices", token,
                BillingIT.draft(org.paris(), fixture.patient(org, org.paris(), "Perrin", "Louise")), Map.of()));
        http.send("POST", "/api/v1/invoices/" + invoice + "/issue", token, null, Map.of("If-Match", "\"1\""));
        http.send("POST", "/api/v1/invoices/" + invoice + "/payments", token, "{\"method\":\"CARD\",\"amount\":242.40}",
                Map.of());
        long unpaid = SchedulingIT.id(http.send("POST", "/api/v1/invoices", token,
                BillingIT.draft(org.paris(), fixture.patient(org, org.paris(), "Renard", "Paul")), Map.of()));
        http.send("POST", "/api/v1/invoices/" + unpaid + "/issue", token, null, Map.of("If-Match", "\"1\""));
        Page page = browser.newPage("en-GB");
        page.onDialog(dialog -> dialog.accept());
        Browser.signIn(page, admin.username(), StaffFixture.PASSWORD);
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Sales").setExact(true)).click();
        assertThat(page.locator("#outstanding")).containsText("RENARD, Paul");
        assertThat(page.locator("#outstanding")).containsText("242.40 EUR");
        assertThat(page.locator("#outstanding")).not().containsText("PERRIN");
        com.microsoft.playwright.Download csv = page.waitForDownload(() -> page.getByRole(
                com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Download the invoices (CSV)")).click());
        try {
            String text = java.nio.file.Files.readString(csv.path());
            Assertions.assertThat(text).startsWith("Number,Document,Issued on,Billed to,Corrects,Before VAT,VAT,Total,Currency")
                    .contains("Invoice", "\"PERRIN, Louise\"", "227.00,15.40,242.40,EUR");
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Verify the sales records")).click();
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.STATUS)).containsText("The sales records verify");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("^Close \\d{4}-"))).click();
        assertThat(page.locator(".alert-success").first()).hasText("Closed.");
        assertThat(page.locator("table.closures")).containsText("2 · 484.80 EUR");
        assertThat(page.locator("table.closures")).containsText("Card 242.40");
        Browser.screenshot(page, "52-sales-closed");
        page.setViewportSize(390, 844);
        page.navigate("/sales?lang=fr");
        assertThat(page.locator("h1")).containsText("Ventes");
        Browser.screenshot(page, "52-sales-closed-fr-phone");
        page.navigate("/sales?lang=en");
    }

    @Test
    void theManagerPricesACourseTheDeskSellsItAndCancelsItProRata() {
        new Http(port).send("PUT", "/api/v1/clinics/" + org.paris() + "/seller", fixture.token(admin), BillingIT.SELLER,
                Map.of());
        long patient = fixture.patient(org, org.paris(), "Lambert", "Inès");
        Page page = browser.newPage("en-GB");
        page.onDialog(dialog -> dialog.accept());
        Browser.signIn(page, admin.username(), StaffFixture.PASSWORD);
        page.navigate("/sales");
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Price list")).click();
        Locator meso = page.locator("#treatments tr", new Page.LocatorOptions().setHasText("Mesotherapy session"));
        meso.getByRole(com.microsoft.playwright.options.AriaRole.COMBOBOX).selectOption("EXEMPT_MEDICAL");
        meso.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON).click();
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.STATUS)).hasText("The price list is saved.");
        page.getByText("New course").click();
        page.getByLabel("Name").fill("Mesotherapy, 6 sessions");
        page.getByLabel("Treatment", new Page.GetByLabelOptions().setExact(true)).selectOption("MESOTHERAPY");
        page.getByLabel("VAT", new Page.GetByLabelOptions().setExact(true)).selectOption("EXEMPT_MEDICAL");
        page.getByLabel("Sessions").fill("1");
        page.getByLabel("Price before VAT").fill("600");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Add the course")).click();
        assertThat(page.locator(".alert-danger")).containsText("Sessions");
        page.getByLabel("Sessions").fill("6");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Add the course")).click();
        assertThat(page.locator("#courses")).containsText("6 sessions, valid 365 days");
        Browser.screenshot(page, "53-price-list");
        page.setViewportSize(390, 844);
        page.navigate("/prices?lang=fr");
        assertThat(page.locator("h1")).containsText("Tarifs");
        Browser.screenshot(page, "53-price-list-fr-phone");
        page.navigate("/prices?lang=en");

        Staff doctor = fixture.staff(org, "Dr Martin", Map.of(org.paris(), Role.PRACTITIONER));
        Page practitioner = browser.newPage("en-GB");
        Browser.signIn(practitioner, doctor.username(), StaffFixture.PASSWORD);
        practitioner.navigate("/patients/" + patient);
        assertThat(practitioner.locator("#invoices")).containsText("The price list's categories apply.");
        practitioner.locator("#invoices").getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Record the choice")).click();
        practitioner.getByLabel("VAT category").selectOption("STANDARD");
        practitioner.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Record the choice")).click();
        assertThat(practitioner.locator(".alert-danger")).containsText("Reason");
        practitioner.getByLabel("Reason").fill("Cosmetic request: no alopecia on the trichoscopy");
        Browser.screenshot(practitioner, "54-vat-choice");
        practitioner.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Record the choice")).click();
        assertThat(practitioner.locator("#invoices")).containsText("Standard rate, 20 %, chosen by");

        Staff assistant = fixture.staff(org, "Léa", Map.of(org.paris(), Role.ASSISTANT));
        Page desk = browser.newPage("en-GB");
        desk.onDialog(dialog -> dialog.accept());
        Browser.signIn(desk, assistant.username(), StaffFixture.PASSWORD);
        desk.navigate("/patients/" + patient);
        desk.locator("#invoices").getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Sell: Mesotherapy, 6 sessions")).click();
        assertThat(desk.getByLabel("Line 1: from the price list")).hasValue(
                java.util.regex.Pattern.compile("\\d+"));
        desk.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Save the draft")).click();
        assertThat(desk.getByLabel("Line 1: description")).hasValue("Mesotherapy, 6 sessions");
        assertThat(desk.locator(".invoice-totals")).containsText("720.00 EUR");
        desk.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Issue the invoice")).click();
        assertThat(desk.getByRole(com.microsoft.playwright.options.AriaRole.STATUS)).hasText("The invoice is issued.");
        desk.navigate("/patients/" + patient);
        assertThat(desk.locator("#invoices")).containsText("6 of 6 sessions left");
        assertThat(desk.locator("#patient-balance")).hasText("Still owed: 720.00 EUR");
        Browser.screenshot(desk, "55-course-sold");
        desk.locator("#invoices").getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Cancel the course")).click();
        desk.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Cancel the course")).click();
        assertThat(desk.locator(".alert-danger")).containsText("Reason");
        desk.getByLabel("Reason for cancelling").fill("Moving abroad");
        desk.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Cancel the course")).click();
        assertThat(desk.locator("h1")).containsText("Credit note AV-");
        assertThat(desk.locator(".invoice-totals")).containsText("720.00 EUR");
        Browser.screenshot(desk, "56-course-cancelled");
        Page spanish = browser.newPage("es-ES");
        spanish.setViewportSize(390, 844);
        Browser.signIn(spanish, assistant.username(), StaffFixture.PASSWORD);
        spanish.navigate("/patients/" + patient);
        assertThat(spanish.locator("#invoices")).containsText("Cancelado");
        spanish.locator("#invoices").scrollIntoViewIfNeeded();
        Browser.screenshot(spanish, "56-course-cancelled-es-phone");
    }

    @Test
    void theDeskSendsAPaymentLinkAndTheOnlinePaymentSettlesTheInvoice() {
        Http http = new Http(port);
        String token = fixture.token(admin);
        http.send("PUT", "/api/v1/clinics/" + org.paris() + "/seller", token, BillingIT.SELLER, Map.of());
        long invoice = SchedulingIT.id(http.send("POST", "/api/v1/invoices", token,
                BillingIT.draft(org.paris(), fixture.patient(org, org.paris(), "Roux", "Manon")), Map.of()));
        http.send("POST", "/api/v1/invoices/" + invoice + "/issue", token, null, Map.of("If-Match", "\"1\""));
        Page page = browser.newPage("en-GB");
        Browser.signIn(page, admin.username(), StaffFixture.PASSWORD);
        page.navigate("/invoices/" + invoice);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Make a payment link")).click();
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.STATUS))
                .hasText("The online payment link is ready: send it to the patient.");
        assertThat(page.locator("#online-payment")).containsText("waiting for the payment");
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Payment link for 242.40 EUR")).click();
        assertThat(page.locator("h1")).hasText("Test payment page");
        Browser.screenshot(page, "57-local-payment-page");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Pay 242.40 EUR")).click();
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.STATUS))
                .hasText("The online payment is recorded.");
        assertThat(page.locator("#payments")).containsText("Paid in full");
        assertThat(page.locator("#payments")).containsText("Online card payment");
        Browser.screenshot(page, "57-paid-online");
        page.setViewportSize(390, 844);
        page.navigate("/invoices/" + invoice + "?lang=es");
        assertThat(page.locator("#online-payment")).containsText("pagado");
        Browser.screenshot(page, "57-paid-online-es-phone");
        page.navigate("/invoices/" + invoice + "?lang=en");
    }

    @Test
    void theDeskTakesADepositForABookedVisit() {
        Http http = new Http(port);
        String token = fixture.token(admin);
        http.send("PUT", "/api/v1/clinics/" + org.paris() + "/seller", token, BillingIT.SELLER, Map.of());
        http.send("PUT", "/api/v1/clinics/" + org.paris() + "/price-list/treatments/PRP", token,
                "{\"vatCategory\":\"EXEMPT_MEDICAL\"}", Map.of());
        Staff doctor = fixture.staff(org, "Dr Petit", Map.of(org.paris(), Role.PRACTITIONER));
        fixture.weekdayHours(org.paris(), doctor.id());
        long patient = fixture.patient(org, org.paris(), "Fabre", "Nina");
        java.time.LocalDate monday = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris")).plusDays(8)
                .with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.MONDAY));
        SchedulingIT.id(http.send("POST", "/api/v1/appointments", fixture.token(doctor), "{\"clinicId\":" + org.paris()
                + ",\"patientId\":" + patient + ",\"practitionerId\":" + doctor.id() + ",\"typeCode\":\"PRP\","
                + "\"start\":\"" + monday + "T11:00\"}", Map.of()));
        Page page = browser.newPage("fr-FR");
        Browser.signIn(page, admin.username(), StaffFixture.PASSWORD);
        page.navigate("/patients/" + patient);
        page.locator("#invoices").getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Encaisser un acompte")).click();
        page.getByLabel("Montant HT").fill("0");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Émettre la facture d'acompte")).click();
        assertThat(page.locator(".alert-danger")).containsText("Montant");
        page.getByLabel("Montant HT").fill("100");
        Browser.screenshot(page, "58-deposit-fr");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Émettre la facture d'acompte")).click();
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.STATUS))
                .hasText("La facture d'acompte est émise : enregistrez son paiement.");
        assertThat(page.locator("body")).containsText("Acompte pour Séance de PRP du " + monday);
        assertThat(page.locator("#payments")).containsText("Reste dû");
        page.setViewportSize(390, 844);
        Browser.screenshot(page, "58-deposit-invoice-fr-phone");
    }

    @Test
    void theManagerReadsTheRevenueByClinicPractitionerAndTreatment() {
        Http http = new Http(port);
        String token = fixture.token(admin);
        http.send("PUT", "/api/v1/clinics/" + org.paris() + "/seller", token, BillingIT.SELLER, Map.of());
        long invoice = SchedulingIT.id(http.send("POST", "/api/v1/invoices", token,
                BillingIT.draft(org.paris(), fixture.patient(org, org.paris(), "Marchand", "Zoé")), Map.of()));
        http.send("POST", "/api/v1/invoices/" + invoice + "/issue", token, null, Map.of("If-Match", "\"1\""));
        Page page = browser.newPage("en-GB");
        Browser.signIn(page, admin.username(), StaffFixture.PASSWORD);
        page.navigate("/sales");
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Revenue by clinic, practitioner and treatment")).click();
        assertThat(page.locator("h1")).hasText("Revenue");
        assertThat(page.locator("body")).containsText("At the desk");
        assertThat(page.locator("body")).containsText("227.00 EUR");
        Browser.screenshot(page, "59-revenue");
        page.setViewportSize(390, 844);
        page.navigate("/sales/revenue?lang=es");
        assertThat(page.locator("h1")).hasText("Facturación");
        Browser.screenshot(page, "59-revenue-es-phone");
        page.navigate("/sales/revenue?lang=en");
    }
}
