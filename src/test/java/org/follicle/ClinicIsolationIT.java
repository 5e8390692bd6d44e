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
    static final Set<String> USER_SCOPED = Set.of("/api/v1/me/tokens/{tokenId}", "/account/tokens/{tokenId}/revoke");

    @LocalServerPort
    int port;

    @Autowired
    StaffFixture fixture;

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
        scene = new Scene(org, parisAdmin, parisAssistant, madridAdmin, madridPractitioner);
    }

    /** What the endpoints are tried on: a Paris clinic and its records, and people of both clinics. */
    record Scene(Organisation org, Staff parisAdmin, Staff parisStaffMember, Staff madridAdmin,
            Staff madridPractitioner) {
    }

    /** One endpoint, with how to address a Paris record through it. */
    record Endpoint(String method, String pattern, Function<Scene, String> path, String body) {

        static Endpoint api(String method, String pattern, Function<Scene, String> path, String body) {
            return new Endpoint(method, pattern, path, body);
        }

        static Endpoint page(String method, String pattern, Function<Scene, String> path) {
            return new Endpoint(method, pattern, path, null);
        }

        boolean isApi() {
            return pattern.startsWith("/api/");
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    static Stream<Endpoint> endpoints() {
        Function<Scene, String> paris = s -> String.valueOf(s.org().paris());
        Function<Scene, String> parisStaff = s -> String.valueOf(s.parisStaffMember().id());
        return Stream.of(
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
                Endpoint.page("POST", "/admin/staff/{staffId}/reactivate", s -> "/admin/staff/" + parisStaff.apply(s) + "/reactivate"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void madridStaffCannotReachParisRecords(Endpoint endpoint) {
        for (Staff madrid : List.of(scene.madridAdmin(), scene.madridPractitioner())) {
            int status = call(endpoint, madrid);
            assertThat(status).as("%s as %s", endpoint, madrid.username()).isIn(403, 404);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void parisAdminReachesParisRecords(Endpoint endpoint) {
        int status = call(endpoint, scene.parisAdmin());
        assertThat(status).as("%s as the Paris admin", endpoint).isLessThan(400);
    }

    @Test
    void everyEndpointWithAnIdIsCovered() {
        Set<String> covered = new TreeSet<>();
        endpoints().forEach(e -> covered.add(e.method() + " " + e.pattern()));
        List<String> missing = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, method) -> info.getPatternValues().stream()
                .filter(pattern -> pattern.contains("{") && !pattern.contains("openapi.json")
                        && !USER_SCOPED.contains(pattern))
                .forEach(pattern -> info.getMethodsCondition().getMethods().forEach(verb -> {
                    if (!covered.contains(verb.name() + " " + pattern)) {
                        missing.add(verb.name() + " " + pattern);
                    }
                })));
        assertThat(missing).as("endpoints with ids that ClinicIsolationIT does not try across clinics").isEmpty();
    }

    private int call(Endpoint endpoint, Staff who) {
        Http http = new Http(port);
        String path = endpoint.path().apply(scene);
        if (endpoint.isApi()) {
            String token = fixture.token(who);
            Map<String, String> headers = endpoint.method().equals("PUT") ? Map.of("If-Match", "\"" + currentVersion(path, token) + "\"") : Map.of();
            HttpResponse<String> response = endpoint.method().equals("GET") ? http.get(path, token)
                    : http.send(endpoint.method(), path, token, endpoint.body(), headers);
            return response.statusCode();
        }
        assertThat(http.signIn(who.username(), StaffFixture.PASSWORD).statusCode()).isEqualTo(302);
        http.page("/");
        HttpResponse<String> response = endpoint.method().equals("GET") ? http.page(path)
                : http.form(path, Map.of("name", "Paris renamed", "timeZone", "Europe/Paris", "version", "0",
                        "roomName", "Room " + System.nanoTime(), "displayName", "Someone", "password",
                        "a long enough password", "roles-" + scene.org().paris(), "ASSISTANT"));
        return response.statusCode();
    }

    private String currentVersion(String path, String token) {
        HttpResponse<String> current = new Http(port).get(path, token);
        return current.headers().firstValue("ETag").map(tag -> tag.replace("\"", "")).orElse("0");
    }
}
