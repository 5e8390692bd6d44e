package org.follicle;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.follicle.security.Role;
import org.follicle.support.FollicleIntegrationTest;
import org.follicle.support.Http;
import org.follicle.support.StaffFixture;
import org.follicle.support.StaffFixture.Organisation;
import org.follicle.support.StaffFixture.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-in, lockout, tokens, problem details and headers, over HTTP against the running application. */
@FollicleIntegrationTest
class SecurityIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffFixture fixture;

    @Autowired
    JdbcClient jdbc;

    Http http;

    Organisation org;

    Staff admin;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        org = fixture.organisation();
        admin = fixture.staff(org, "admin", Map.of(org.paris(), Role.ADMIN, org.madrid(), Role.ADMIN));
    }

    @Test
    void signsInWithTheRightPasswordAndStoresTheSessionInPostgres() {
        HttpResponse<String> response = http.signIn(admin.username(), StaffFixture.PASSWORD);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        assertThat(response.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("FOLLICLE_SESSION=").contains("Secure").contains("HttpOnly").contains("SameSite=Strict"));
        assertThat(jdbc.sql("SELECT count(*) FROM system_http_session WHERE principal_name = :u")
                .param("u", admin.username()).query(Long.class).single()).isEqualTo(1);
        assertThat(http.page("/").body()).contains("admin");
    }

    @Test
    void usernameIsCaseInsensitive() {
        assertThat(http.signIn(admin.username().toUpperCase(), StaffFixture.PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
    }

    @Test
    void wrongPasswordIsRefusedAndAudited() {
        HttpResponse<String> response = http.signIn(admin.username(), "not the password at all");
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        assertThat(jdbc.sql("SELECT count(*) FROM security_audit_entry WHERE actor = :u AND action = 'LOGIN_FAILURE'")
                .param("u", admin.username()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void locksTheAccountFromThisAddressAfterSevenWrongPasswordsAndAnswersAsForAnUnknownName() {
        for (int i = 0; i < 7; i++) {
            http.signIn(admin.username(), "wrong password " + i);
        }
        HttpResponse<String> rightPassword = new Http(port).signIn(admin.username(), StaffFixture.PASSWORD);
        HttpResponse<String> unknownName = new Http(port).signIn("nobody-" + admin.username(), "any password at all");
        assertThat(rightPassword.headers().firstValue("Location")).isEqualTo(unknownName.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        assertThat(jdbc.sql("SELECT locked_until FROM security_sign_in_throttle WHERE username = :u")
                .param("u", admin.username()).query(java.time.OffsetDateTime.class).single().toInstant())
                .isBetween(Instant.now().plus(4, ChronoUnit.MINUTES), Instant.now().plus(6, ChronoUnit.MINUTES));
        assertThat(jdbc.sql("SELECT detail FROM security_audit_entry WHERE actor = :u AND action = 'LOGIN_FAILURE' "
                + "ORDER BY seq DESC LIMIT 1").param("u", admin.username()).query(String.class).single())
                .isEqualTo("throttled");
    }

    @Test
    void unlocksWhenTheLockoutHasPassed() {
        for (int i = 0; i < 7; i++) {
            http.signIn(admin.username(), "wrong password " + i);
        }
        jdbc.sql("UPDATE security_sign_in_throttle SET locked_until = now() - interval '1 second' WHERE username = :u")
                .param("u", admin.username()).update();
        assertThat(http.signIn(admin.username(), StaffFixture.PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("login"));
    }

    @Test
    void deactivatedAccountCannotSignInNorUseItsTokens() {
        String token = fixture.token(admin);
        jdbc.sql("UPDATE security_staff SET active = FALSE WHERE id = :id").param("id", admin.id()).update();
        assertThat(http.signIn(admin.username(), StaffFixture.PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        assertThat(http.get("/api/v1/me", token).statusCode()).isEqualTo(401);
    }

    @Test
    void apiNeedsABearerTokenAndAnswersProblemJson() {
        HttpResponse<String> response = http.get("/api/v1/me", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(response.body()).contains("\"status\":401").doesNotContain("Exception");
    }

    @Test
    void validTokenActsWithItsOwnersRoles() {
        HttpResponse<String> me = http.get("/api/v1/me", fixture.token(admin));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains(admin.username()).contains("ADMIN");
        assertThat(me.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void revokedExpiredAndWrongTokensAreRefused() {
        assertThat(http.get("/api/v1/me", fixture.token(admin, null, true)).statusCode()).isEqualTo(401);
        assertThat(http.get("/api/v1/me", fixture.token(admin, Instant.now().minusSeconds(5), false)).statusCode())
                .isEqualTo(401);
        HttpResponse<String> wrong = http.get("/api/v1/me", "flc_not-a-real-token");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("not valid");
    }

    @Test
    void anAdministratorOfOneClinicCannotChangeTheRolesOfSomeoneWhoAlsoWorksElsewhere() {
        Staff parisAdmin = fixture.staff(org, "paris-admin", Map.of(org.paris(), Role.ADMIN));
        Staff both = fixture.staff(org, "both-clinics", Map.of(org.paris(), Role.ASSISTANT, org.madrid(), Role.ADMIN));
        http.signIn(parisAdmin.username(), StaffFixture.PASSWORD);
        http.page("/admin/staff/" + both.id());
        http.form("/admin/staff/" + both.id() + "/roles", Map.of("roles-" + org.paris(), "ADMIN"));
        assertThat(http.page("/admin/staff/" + both.id()).body()).contains("also works in clinics you do not manage");
        assertThat(rolesOf(both)).containsExactlyInAnyOrder("ADMIN@" + org.madrid(), "ASSISTANT@" + org.paris());
    }

    @Test
    void nobodyGivesThemselvesARoleAnotherAdministratorDoes() {
        Staff self = fixture.staff(org, "self-admin", Map.of(org.paris(), Role.ADMIN, org.madrid(), Role.ADMIN));
        http.signIn(self.username(), StaffFixture.PASSWORD);
        http.page("/admin/staff/" + self.id());
        String form = "roles-" + org.paris() + "=ADMIN&roles-" + org.paris() + "=PRACTITIONER&roles-" + org.madrid()
                + "=ADMIN";
        http.raw("POST", "/admin/staff/" + self.id() + "/roles", null, "application/x-www-form-urlencoded",
                form.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(http.page("/admin/staff/" + self.id()).body()).contains("cannot give yourself a role");
        assertThat(rolesOf(self)).containsExactlyInAnyOrder("ADMIN@" + org.paris(), "ADMIN@" + org.madrid());

        Http other = new Http(port);
        other.signIn(admin.username(), StaffFixture.PASSWORD);
        other.page("/admin/staff/" + self.id());
        other.raw("POST", "/admin/staff/" + self.id() + "/roles", null, "application/x-www-form-urlencoded",
                form.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(rolesOf(self)).containsExactlyInAnyOrder("ADMIN@" + org.paris(), "PRACTITIONER@" + org.paris(),
                "ADMIN@" + org.madrid());
    }

    private List<String> rolesOf(Staff staff) {
        return jdbc.sql("SELECT role || '@' || clinic_id FROM security_clinic_role WHERE staff_id = :id")
                .param("id", staff.id()).query(String.class).list();
    }

    @Test
    void roleRemovedTakesEffectAtTheNextRequest() {
        String token = fixture.token(admin);
        assertThat(http.get("/api/v1/staff", token).statusCode()).isEqualTo(200);
        jdbc.sql("DELETE FROM security_clinic_role WHERE staff_id = :id").param("id", admin.id()).update();
        assertThat(http.get("/api/v1/staff", token).statusCode()).isEqualTo(403);
    }

    @Test
    void aUserRevokesOnlyTheirOwnTokens() {
        Staff other = fixture.staff(org, "other", Map.of(org.paris(), Role.ASSISTANT));
        String othersToken = fixture.token(other);
        long othersTokenId = jdbc.sql("SELECT max(id) FROM security_access_token WHERE staff_id = :id")
                .param("id", other.id()).query(Long.class).single();
        assertThat(http.send("DELETE", "/api/v1/me/tokens/" + othersTokenId, fixture.token(admin), null, Map.of())
                .statusCode()).isEqualTo(404);
        assertThat(http.get("/api/v1/me", othersToken).statusCode()).isEqualTo(200);
        assertThat(http.send("DELETE", "/api/v1/me/tokens/" + othersTokenId, othersToken, null, Map.of()).statusCode())
                .isEqualTo(204);
        assertThat(http.get("/api/v1/me", othersToken).statusCode()).isEqualTo(401);
    }

    @Test
    void updatesNeedTheCurrentETag() {
        String token = fixture.token(admin);
        String path = "/api/v1/clinics/" + org.paris();
        HttpResponse<String> read = http.get(path, token);
        String etag = read.headers().firstValue("ETag").orElseThrow();
        String body = "{\"name\":\"Paris Rive Gauche " + org.suffix() + "\",\"timeZone\":\"Europe/Paris\"}";

        HttpResponse<String> missing = http.send("PUT", path, token, body, Map.of());
        assertThat(missing.statusCode()).isEqualTo(428);
        assertThat(missing.body()).contains("If-Match");

        HttpResponse<String> updated = http.send("PUT", path, token, body, Map.of("If-Match", etag));
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(updated.headers().firstValue("ETag")).isPresent().isNotEqualTo(java.util.Optional.of(etag));

        HttpResponse<String> stale = http.send("PUT", path, token, body.replace("Gauche", "Droite"), Map.of("If-Match", etag));
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(http.get(path, token).body()).contains("Rive Gauche");
    }

    @Test
    void invalidInputGetsFieldLevelProblems() {
        String token = fixture.token(admin);
        String path = "/api/v1/clinics/" + org.paris();
        String etag = http.get(path, token).headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> blank = http.send("PUT", path, token, "{\"name\":\"\",\"timeZone\":\"Europe/Paris\"}",
                Map.of("If-Match", etag));
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("\"field\":\"name\"");

        HttpResponse<String> zone = http.send("PUT", path, token, "{\"name\":\"X " + org.suffix() + "\",\"timeZone\":\"Mars/Olympus\"}",
                Map.of("If-Match", etag));
        assertThat(zone.statusCode()).isEqualTo(422);
        assertThat(zone.body()).contains("\"field\":\"timeZone\"").contains("Mars/Olympus");

        HttpResponse<String> malformed = http.send("PUT", path, token, "{\"name\": ", Map.of("If-Match", etag));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("not valid JSON").doesNotContain("Exception");

        assertThat(http.get("/api/v1/clinics/not-a-number", token).statusCode()).isEqualTo(400);
        assertThat(http.get("/api/v1/staff?size=1000", token).statusCode()).isEqualTo(400);
        assertThat(http.get("/api/v1/staff?page=-1", token).statusCode()).isEqualTo(400);
        assertThat(http.get("/api/v1/no-such-thing", token).statusCode()).isEqualTo(404);
    }

    @Test
    void refusesAnOversizedBodyBeforeReadingIt() {
        String huge = "{\"name\":\"" + "x".repeat(1_200_000) + "\",\"timeZone\":\"Europe/Paris\"}";
        HttpResponse<String> response = http.send("PUT", "/api/v1/clinics/" + org.paris(), fixture.token(admin), huge,
                Map.of("If-Match", "\"0\""));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("too large");
    }

    @Test
    void listsArePaginated() {
        String token = fixture.token(admin);
        for (int i = 0; i < 3; i++) {
            fixture.staff(org, "member" + i, Map.of(org.paris(), Role.ASSISTANT));
        }
        HttpResponse<String> page = http.get("/api/v1/staff?page=1&size=2", token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("\"page\":1").contains("\"size\":2").contains("\"total\":4");
    }

    @Test
    void healthIsOpenAndMetricsNeedAnAdminToken() {
        assertThat(http.get("/actuator/health", null).body()).contains("UP");
        assertThat(http.get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        Staff assistant = fixture.staff(org, "assistant", Map.of(org.paris(), Role.ASSISTANT));
        assertThat(http.get("/actuator/prometheus", fixture.token(assistant)).statusCode()).isEqualTo(403);
        HttpResponse<String> metrics = new Http(port).get("/actuator/prometheus", fixture.token(admin));
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void openApiDocumentDescribesTheApiForSignedInStaff() {
        assertThat(http.page("/api/v1/openapi.json").statusCode()).isEqualTo(302);
        http.signIn(admin.username(), StaffFixture.PASSWORD);
        HttpResponse<String> doc = http.page("/api/v1/openapi.json");
        assertThat(doc.statusCode()).isEqualTo(200);
        assertThat(doc.body()).contains("\"openapi\"").contains("/api/v1/clinics/{clinicId}").contains("bearer");
    }

    @Test
    void pagesCarryStrictSecurityHeaders() {
        HttpResponse<String> login = http.page("/login");
        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe"));
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(login.body()).doesNotContain("<script>").doesNotContain(" style=\"").doesNotContain("onclick");
    }

    @Test
    void formsWithoutCsrfTokenAreRefused() {
        http.signIn(admin.username(), StaffFixture.PASSWORD);
        http.page("/");
        http.forgetCsrf();
        HttpResponse<String> response = http.form("/clinic", Map.of("clinicId", String.valueOf(org.paris())));
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void staffChangeTheirOwnPasswordKnowingTheCurrentOne() {
        http.signIn(admin.username(), StaffFixture.PASSWORD);
        http.page("/account");
        HttpResponse<String> wrongCurrent = http.form("/account/password", Map.of("currentPassword", "not it",
                "newPassword", "a brand new passphrase", "confirmation", "a brand new passphrase"));
        assertThat(wrongCurrent.statusCode()).isEqualTo(200);
        assertThat(wrongCurrent.body()).contains("The current password is wrong.");
        HttpResponse<String> tooShort = http.form("/account/password", Map.of("currentPassword", StaffFixture.PASSWORD,
                "newPassword", "short", "confirmation", "short"));
        assertThat(tooShort.body()).contains("at least 12 characters");
        HttpResponse<String> changed = http.form("/account/password", Map.of("currentPassword", StaffFixture.PASSWORD,
                "newPassword", "a brand new passphrase", "confirmation", "a brand new passphrase"));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(new Http(port).signIn(admin.username(), "a brand new passphrase").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("login"));
        assertThat(new Http(port).signIn(admin.username(), StaffFixture.PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
    }

    @Test
    void deniedPagesAreLoggedAndAuditedWithoutAStackTrace() {
        Staff assistant = fixture.staff(org, "assistant", Map.of(org.paris(), Role.ASSISTANT));
        http.signIn(assistant.username(), StaffFixture.PASSWORD);
        HttpResponse<String> denied = http.page("/admin/staff");
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).contains("Not allowed").doesNotContain("Exception").doesNotContain("at org.");
        assertThat(jdbc.sql("SELECT count(*) FROM security_audit_entry WHERE actor = :u AND action = 'ACCESS_DENIED'")
                .param("u", assistant.username()).query(Long.class).single()).isEqualTo(1);
    }
}
