package org.follicle;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.assertj.core.api.Assertions;
import org.follicle.security.Role;
import org.follicle.support.Browser;
import org.follicle.support.FollicleIntegrationTest;
import org.follicle.support.Http;
import org.follicle.support.PortalSessions;
import org.follicle.support.StaffFixture;
import org.follicle.support.StaffFixture.Organisation;
import org.follicle.support.StaffFixture.Staff;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A patient uses the portal on a phone in a real Chromium, from the clinic's invitation to the payment of an
 * invoice, and the clinic sees what the patient reported; each page checked with axe-core and pictured.
 */
@FollicleIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffFixture fixture;

    @Autowired
    JdbcClient jdbc;

    Browser browser;

    @BeforeAll
    void launch() {
        browser = new Browser(port);
    }

    @AfterAll
    void close() {
        try {
            Assertions.assertThat(browser.consoleErrors()).isEmpty();
        }
        finally {
            browser.close();
        }
    }

    @Test
    void aPatientIsInvitedSignsInBooksReportsWritesAndPays() {
        Organisation org = fixture.organisation();
        Staff doctor = fixture.staff(org, "Dr Lefèvre", Map.of(org.paris(), Role.PRACTITIONER));
        Staff desk = fixture.staff(org, "Inès", Map.of(org.paris(), Role.ASSISTANT));
        fixture.weekdayHours(org.paris(), doctor.id());
        long patient = fixture.patient(org, org.paris(), "Garnier", "Léa");
        jdbc.sql("UPDATE patients_patient SET email = :e, preferred_language = 'fr' WHERE id = :id")
                .param("e", "lea." + patient + "@example.org").param("id", patient).update();

        Page clinic = browser.newPage("fr-FR");
        Browser.signIn(clinic, desk.username(), StaffFixture.PASSWORD);
        clinic.navigate("/patients/" + patient);
        clinic.locator("#portal").getByRole(AriaRole.BUTTON,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Inviter sur l'espace patient")).click();
        assertThat(clinic.locator(".alert-success")).hasText("Invitation envoyée à l'adresse e-mail du patient.");
        assertThat(clinic.locator("#portal")).containsText("pas encore connecté");

        Page phone = browser.newPage("fr-FR");
        phone.setViewportSize(390, 844);
        phone.navigate("/portal");
        assertThat(phone.locator("h1")).hasText("Connexion à votre clinique");
        phone.getByLabel("Adresse e-mail").fill("pas-une-adresse");
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Recevoir un lien par e-mail")).click();
        assertThat(phone.locator("#email-error")).containsText("Saisissez une adresse e-mail");
        Browser.screenshot(phone, "60-portal-login-fr-phone");
        phone.getByLabel("Adresse e-mail").fill("lea." + patient + "@example.org");
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Recevoir un lien par e-mail")).click();
        assertThat(phone.locator("h1")).hasText("Consultez vos e-mails");
        Browser.screenshot(phone, "61-portal-link-sent-fr-phone");
        phone.navigate(link(patient));
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Me connecter")).click();
        assertThat(phone.locator("h1")).hasText("Bonjour Léa");
        Browser.screenshot(phone, "62-portal-home-fr-phone");

        LocalDate monday = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(1)
                .with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Prendre rendez-vous").setExact(true))
                .first().click();
        phone.getByLabel("Type de rendez-vous").selectOption("CONSULTATION");
        phone.getByLabel("Praticien").selectOption(String.valueOf(doctor.id()));
        phone.getByLabel("Jour").fill(monday.toString());
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Voir les horaires libres")).click();
        phone.getByLabel("10:00").check();
        Browser.screenshot(phone, "63-portal-book-fr-phone");
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Réserver cet horaire")).click();
        assertThat(phone.locator(".alert-success")).containsText("Votre rendez-vous est réservé");
        assertThat(phone.locator("main")).containsText("Consultation");
        phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Changer l'horaire")).click();
        phone.getByLabel("Jour").fill(monday.plusDays(1).toString());
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Voir les horaires libres")).click();
        phone.getByLabel("11:00").check();
        Browser.screenshot(phone, "63-portal-move-fr-phone");
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Déplacer à cet horaire")).click();
        assertThat(phone.locator(".alert-success")).containsText("Votre rendez-vous est déplacé");

        PortalSessions.sessionStartedToday(jdbc, org, doctor.id(), patient);
        phone.navigate("/portal/aftercare");
        phone.getByLabel("Douleur, de 0 (aucune) à 10 (la pire)").selectOption("4");
        phone.locator("#redness-yes").check();
        phone.locator("#swelling-no").check();
        phone.locator("#concern-yes").check();
        phone.getByLabel("Autre chose (un effet indésirable, une question)").fill("Quelques boutons sur le vertex");
        Browser.screenshot(phone, "64-portal-aftercare-fr-phone");
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer")).click();
        assertThat(phone.locator(".alert-success")).containsText("La clinique a reçu votre signalement");

        phone.navigate("/portal/messages");
        phone.getByLabel("Votre message").fill("Puis-je me laver les cheveux ce soir ?");
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer")).click();
        assertThat(phone.locator("main")).containsText("Puis-je me laver les cheveux ce soir ?");

        Staff practitioner = doctor;
        Page doctorPage = browser.newPage("fr-FR");
        Browser.signIn(doctorPage, practitioner.username(), StaffFixture.PASSWORD);
        doctorPage.navigate("/adverse-events");
        assertThat(doctorPage.locator("#patient-reports")).containsText("Quelques boutons sur le vertex");
        Browser.screenshot(doctorPage, "65-patient-reports-fr");
        doctorPage.navigate("/patients/" + patient);
        doctorPage.getByLabel("Répondre au patient").fill("Oui, à l'eau tiède, sans frotter.");
        doctorPage.locator("#portal").getByRole(AriaRole.BUTTON,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Envoyer").setExact(true)).click();
        assertThat(doctorPage.locator("#portal")).containsText("Puis-je me laver les cheveux ce soir ?");
        Browser.screenshot(doctorPage, "66-portal-on-chart-fr");

        phone.navigate("/portal/messages");
        assertThat(phone.locator("main")).containsText("Oui, à l'eau tiède, sans frotter.");
        Browser.screenshot(phone, "67-portal-messages-fr-phone");

        Http api = new Http(port);
        String admin = fixture.token(fixture.staff(org, "Gérante", Map.of(org.paris(), Role.ADMIN)));
        api.send("PUT", "/api/v1/clinics/" + org.paris() + "/seller", admin, BillingIT.SELLER, Map.of());
        long invoice = SchedulingIT.id(api.send("POST", "/api/v1/invoices", admin, BillingIT.draft(org.paris(), patient),
                Map.of()));
        api.send("POST", "/api/v1/invoices/" + invoice + "/issue", admin, null, Map.of("If-Match", "\"1\""));
        phone.navigate("/portal/invoices");
        assertThat(phone.locator("main")).containsText("reste à régler : 242,40 EUR");
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Payer en ligne")).click();
        assertThat(phone.locator("h1")).hasText("Paiement");
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Payer")).click();
        assertThat(phone.locator(".alert-success")).containsText("votre paiement est enregistré");
        assertThat(phone.locator("main")).containsText("réglée");
        Browser.screenshot(phone, "68-portal-invoices-fr-phone");

        phone.navigate("/portal/intake");
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer mes réponses")).click();
        assertThat(phone.locator(".alert-danger")).isVisible();
        Browser.screenshot(phone, "71-portal-intake-fr-phone");
        phone.navigate("/portal/consents/PHOTOGRAPHY");
        phone.getByLabel("Vos nom et prénom").fill("Léa Garnier");
        phone.locator("canvas.signature-pad").scrollIntoViewIfNeeded();
        var pad = phone.locator("canvas.signature-pad").boundingBox();
        phone.mouse().move(pad.x + 20, pad.y + 20);
        phone.mouse().down();
        phone.mouse().move(pad.x + 120, pad.y + 60, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(8));
        phone.mouse().move(pad.x + 200, pad.y + 30, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(8));
        phone.mouse().up();
        Browser.screenshot(phone, "72-portal-consent-fr-phone");
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("J'ai lu et j'accepte : signer")).click();
        assertThat(phone.locator(".alert-success")).isVisible();
        phone.navigate("/portal/photos");
        Browser.screenshot(phone, "73-portal-photos-fr-phone");
        phone.navigate("/portal/progress");
        Browser.screenshot(phone, "74-portal-progress-fr-phone");

        Page desktop = browser.newPage("es-ES");
        desktop.setViewportSize(1366, 900);
        desktop.navigate("/portal/login");
        desktop.getByLabel("Correo electrónico").fill("lea." + patient + "@example.org");
        desktop.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enviarme un enlace")).click();
        desktop.navigate(link(patient));
        desktop.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Entrar")).click();
        desktop.navigate("/portal?lang=es");
        assertThat(desktop.locator("h1")).hasText("Hola, Léa");
        Browser.screenshot(desktop, "69-portal-home-es-desktop");
        desktop.navigate("/portal/book?lang=es");
        Browser.screenshot(desktop, "70-portal-book-es-desktop");
    }

    @Test
    void aPatientAddsAPasskeyAndSignsInWithItInsteadOfALink() {
        Organisation org = fixture.organisation();
        long patient = fixture.patient(org, org.paris(), "Clé", "Noé");
        Http invited = PortalSessions.signedIn(port, jdbc, patient);
        invited.page("/portal");
        String email = jdbc.sql("SELECT email FROM portal_account WHERE patient_id = :p").param("p", patient)
                .query(String.class).single();
        Page page = browser.newPage("en-GB");
        page.setViewportSize(390, 844);
        // Chromium's virtual authenticator stands in for the phone's lock.
        var cdp = page.context().newCDPSession(page);
        cdp.send("WebAuthn.enable");
        var options = new com.google.gson.JsonObject();
        options.addProperty("protocol", "ctap2");
        options.addProperty("transport", "internal");
        options.addProperty("hasResidentKey", true);
        options.addProperty("hasUserVerification", true);
        options.addProperty("isUserVerified", true);
        options.addProperty("automaticPresenceSimulation", true);
        var authenticator = new com.google.gson.JsonObject();
        authenticator.add("options", options);
        cdp.send("WebAuthn.addVirtualAuthenticator", authenticator);

        page.navigate("/portal/login");
        page.getByLabel("Email address").fill(email);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Email me a link")).click();
        page.navigate(link(patient));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.navigate("/portal/passkeys");
        page.getByLabel("Name of this device").fill("My phone");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a passkey on this device")).click();
        assertThat(page.locator("main")).containsText("My phone");
        Browser.screenshot(page, "75-portal-passkeys-phone");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page.locator("h1")).hasText("Sign in to your clinic");

        int links = jdbc.sql("SELECT count(*) FROM messaging_message WHERE patient_id = :p AND kind = 'SIGN_IN_LINK'")
                .param("p", patient).query(Integer.class).single();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in with a passkey")).click();
        assertThat(page.locator("h1")).hasText("Hello Noé");
        Assertions.assertThat(jdbc.sql("SELECT count(*) FROM messaging_message WHERE patient_id = :p AND kind = "
                + "'SIGN_IN_LINK'").param("p", patient).query(Integer.class).single()).isEqualTo(links);
        Assertions.assertThat(jdbc.sql("SELECT count(*) FROM security_audit_entry WHERE action = 'LOGIN' AND actor = :a")
                .param("a", "patient:" + patient).query(Integer.class).single()).isGreaterThanOrEqualTo(3);

        // Removed, the passkey no longer signs in; a closed account's neither.
        page.navigate("/portal/passkeys");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove")).click();
        assertThat(page.locator("main")).containsText("No passkey yet.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in with a passkey")).click();
        assertThat(page.locator("#passkey-error")).isVisible();
        assertThat(page.locator("h1")).hasText("Sign in to your clinic");
    }

    /** The link of the latest sign-in email to the patient. */
    private String link(long patient) {
        return "/portal/login/ott?token=" + PortalSessions.lastLinkToken(jdbc, patient);
    }
}
