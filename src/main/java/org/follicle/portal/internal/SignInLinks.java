package org.follicle.portal.internal;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.follicle.messaging.MessageKind;
import org.follicle.messaging.OutgoingMessage;
import org.follicle.messaging.PatientMessages;
import org.follicle.patients.PatientRegistry;
import org.follicle.patients.PatientView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.web.authentication.ott.GenerateOneTimeTokenRequestResolver;
import org.springframework.security.web.authentication.ott.OneTimeTokenGenerationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The sign-in links: asked for by email address, made only for an open account and only a few at a time, sent
 * through the outbox in the patient's language. Whoever asks sees the same answer whether or not the address has an
 * account, so the page tells nobody who is a patient.
 */
@Component
class SignInLinks implements GenerateOneTimeTokenRequestResolver, OneTimeTokenGenerationSuccessHandler {

    static final Duration LIFETIME = Duration.ofMinutes(15);

    /** More unused links than this for one account, and no new one is made until they expire. */
    static final int OPEN_LINKS = 3;

    static final String EVALUATION_LINK = "portal.evaluationLink";

    private static final Pattern ADDRESS = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final PortalAccounts accounts;

    private final PatientRegistry patients;

    private final PatientMessages outbox;

    private final JdbcClient jdbc;

    private final Clock clock;

    /** Without an SMTP server on the evaluation database, the page shows the link that would have been sent. */
    private final boolean showLinks;

    SignInLinks(PortalAccounts accounts, PatientRegistry patients, PatientMessages outbox, JdbcClient jdbc,
            Clock clock, @Value("${spring.mail.host:}") String mailHost,
            @Value("${follicle.database.embedded-active:false}") boolean evaluation) {
        this.accounts = accounts;
        this.patients = patients;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
        this.showLinks = evaluation && mailHost.isBlank();
    }

    static boolean isAddress(String email) {
        return email != null && email.length() <= 254 && ADDRESS.matcher(email.trim()).matches();
    }

    @Override
    public GenerateOneTimeTokenRequest resolve(HttpServletRequest request) {
        String email = request.getParameter("email");
        if (!isAddress(email)) {
            return null;
        }
        return accounts.forAddress(email).map(a -> PortalPatient.usernameOf(a.id()))
                .filter(username -> openLinks(username) < OPEN_LINKS)
                .map(username -> new GenerateOneTimeTokenRequest(username, LIFETIME)).orElse(null);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, OneTimeToken token)
            throws IOException {
        PortalPatient account = accounts.loadUserByUsername(token.getUsername());
        PatientView patient = patients.forCareMessage(account.organisationId(), account.patientId()).orElseThrow();
        String link = ServletUriComponentsBuilder.fromContextPath(request).path("/portal/login/ott")
                .queryParam("token", token.getTokenValue()).toUriString();
        Locale locale = PortalAccounts.languageOf(patient);
        Object[] args = { patient.givenName(), link, LIFETIME.toMinutes() };
        outbox.queue(new OutgoingMessage(account.organisationId(), account.clinicId(), patient.id(), null,
                MessageKind.SIGN_IN_LINK, patient.email(), locale.getLanguage(),
                outbox.text(account.organisationId(), MessageKind.SIGN_IN_LINK, "subject", args, locale),
                outbox.text(account.organisationId(), MessageKind.SIGN_IN_LINK, "body", args, locale), null), clock.instant());
        if (showLinks) {
            request.getSession().setAttribute(EVALUATION_LINK, link);
        }
        response.sendRedirect(request.getContextPath() + "/portal/login/sent");
    }

    private int openLinks(String username) {
        return jdbc.sql("SELECT count(*) FROM one_time_tokens WHERE username = :u AND expires_at > :now")
                .param("u", username).param("now", Timestamp.from(clock.instant())).query(Integer.class).single();
    }
}
