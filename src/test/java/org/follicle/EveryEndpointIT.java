package org.follicle;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.method.OperationMethodBinding;
import org.follicle.security.Role;
import org.follicle.support.FollicleIntegrationTest;
import org.follicle.support.Http;
import org.follicle.support.PortalSessions;
import org.follicle.support.StaffFixture;
import org.follicle.support.StaffFixture.Organisation;
import org.follicle.support.StaffFixture.Staff;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of Follicle's, found from the application's own mappings (a new one is tried without being listed):
 * refused to anyone not signed in unless open by design, and answering malformed input with a 4xx and a message,
 * never a 5xx or a stack trace.
 */
@FollicleIntegrationTest
class EveryEndpointIT {

    /**
     * Open without a sign-in by design: the sign-in page, the error pages (a direct request gets 404), calendar
     * feeds, whose URL carries their own secret, and the payment gateway's notices, believed only when signed by it.
     */
    static final Set<String> OPEN = Set.of("GET /login", "GET /error", "GET /error/problem", "GET /feeds/{token}.ics",
            "POST /api/v1/webhooks/payments/{gatewayName}", "GET /portal/login", "POST /portal/login/link",
            "GET /portal/login/sent", "GET /portal/login/ott", "GET /fhir/metadata");

    /** Path values that name no record: not a number, negative, beyond a {@code long}, a date that does not exist. */
    static final List<String> BAD_VALUES = List.of("abc", "-1", "99999999999999999999", "2026-13-45");

    static final String LARGE = "x".repeat(200_000);

    static final List<String> BAD_JSON = List.of("{", "[]",
            "{\"name\": 12, \"date\": \"not-a-date\", \"id\": \"x\", \"quantity\": -5, \"status\": \"NOPE\", "
                    + "\"startsAt\": \"yesterday\", \"hours\": \"all\"}",
            "{\"name\": \"" + LARGE + "\"}");

    static final List<Map<String, String>> BAD_FORMS = List.of(Map.of(),
            Map.of("date", "not-a-date", "time", "25:99", "quantity", "-5", "status", "NOPE", "id", "abc",
                    "startsAt", "yesterday", "reason", "", "start", "yesterday", "end", "x", "version", "0"),
            Map.of("name", LARGE, "note", LARGE));

    /** Text with a NUL character, which PostgreSQL cannot store: refused with 400 wherever it comes in. */
    static final String NUL_JSON = "{\"name\":\"a\\u0000b\",\"reason\":\"\\u0000\",\"text\":\"x\\u0000\"}";

    static final Map<String, String> NUL_FORM = Map.of("name", "a\0b", "reason", "\0", "q", "\0");

    static final String NUL_QUERY = "?q=a%00b&name=%00";

    /** Multipart bodies a browser never sends: without a boundary, and cut off before the end. */
    static final List<Map.Entry<String, String>> BAD_MULTIPART = List.of(
            Map.entry("multipart/form-data", "--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc"),
            Map.entry("multipart/form-data; boundary=cut", "--cut\r\nContent-Disposition: form-data; name=\"file\"; "
                    + "filename=\"a.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n\u00ff\u00d8\u00ff"));

    static final String BAD_QUERY = "?from=zz&to=2026-99-99&date=bad&start=yesterday&end=x&page=-1&size=100000&clinic=abc&status=NOPE&q="
            + "a".repeat(3_000);

    static final Pattern STACK_TRACE = Pattern.compile("\\bat (org|java|jakarta)\\.[\\w.$]+\\(|Exception:");

    @LocalServerPort
    int port;

    @Autowired
    StaffFixture fixture;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    ServletRegistrationBean<RestfulServer> fhir;

    @Test
    void everyEndpointRefusesAnyoneNotSignedInUnlessOpenByDesign() {
        Http anonymous = new Http(port);
        anonymous.page("/login"); // a CSRF token, so that a form is refused for want of a sign-in, not of the token
        List<String> open = new ArrayList<>();
        endpoints().forEach((endpoint, pattern) -> {
            String verb = endpoint.substring(0, endpoint.indexOf(' '));
            String path = pattern.replaceAll("\\{[^}]+}", "1");
            HttpResponse<String> response = verb.equals("GET") ? anonymous.page(path)
                    : verb.equals("POST") && !pattern.startsWith("/api/") && !pattern.startsWith("/fhir/")
                            ? anonymous.form(path, Map.of())
                    : anonymous.send(verb, path, null, "{}", Map.of());
            boolean refused = asksToSignIn(response) || response.statusCode() == 403;
            if (!refused && !OPEN.contains(endpoint)) {
                open.add(endpoint + " -> " + response.statusCode());
            }
        });
        assertThat(open).as("endpoints answered without a sign-in").isEmpty();
    }

    /**
     * Ids that are not numbers, negative or too large for a {@code long}, dates that do not exist, JSON that does not
     * parse or has the wrong types, a body or a query of 200 KB. Called by an administrator of both clinics, so that
     * what is refused is the input, not the caller.
     */
    @Test
    void everyEndpointAnswersMalformedInputWithoutAServerError() {
        Organisation org = fixture.organisation();
        Staff admin = fixture.staff(org, "malformed-admin", Map.of(org.paris(), Role.ADMIN, org.madrid(), Role.ADMIN));
        Http staffPages = new Http(port);
        staffPages.signIn(admin.username(), StaffFixture.PASSWORD);
        staffPages.page("/");
        Http patient = PortalSessions.signedIn(port, jdbc, fixture.patient(org, org.paris(), "Malformed", "Input"));

        List<String> failures = new ArrayList<>();
        endpoints().forEach((endpoint, pattern) -> {
            String verb = endpoint.substring(0, endpoint.indexOf(' '));
            boolean api = pattern.startsWith("/api/") || pattern.startsWith("/fhir/");
            // The portal's pages are the patient's: asked as one.
            Http pages = pattern.startsWith("/portal") ? patient : staffPages;
            // A fresh token for each endpoint: the token endpoints may revoke one.
            String token = api ? fixture.token(admin) : null;
            for (String value : pattern.contains("{") ? BAD_VALUES : List.of("")) {
                String path = pattern.replaceAll("\\{[^}]+}", value);
                if (verb.equals("GET")) {
                    check(failures, endpoint, "GET " + path, api ? pages.get(path, token) : pages.page(path));
                    check(failures, endpoint, "GET " + path + " with a malformed query",
                            api ? pages.get(path + BAD_QUERY, token) : pages.page(path + BAD_QUERY));
                    refused(failures, endpoint, "GET " + path + " with a NUL in the query",
                            api ? pages.get(path + NUL_QUERY, token) : pages.page(path + NUL_QUERY));
                    continue;
                }
                if (api) {
                    for (String json : BAD_JSON) {
                        check(failures, endpoint, verb + " " + path + " " + json.substring(0, Math.min(40, json.length())),
                                pages.send(verb, path, token, json, Map.of()));
                    }
                    check(failures, endpoint, verb + " " + path + " with a NUL in a text",
                            pages.send(verb, path, token, NUL_JSON, Map.of()));
                }
                else {
                    for (Map<String, String> form : BAD_FORMS) {
                        check(failures, endpoint, verb + " " + path + " form " + form.keySet(), pages.form(path, form));
                    }
                    refused(failures, endpoint, verb + " " + path + " form with a NUL", pages.form(path, NUL_FORM));
                }
                for (Map.Entry<String, String> multipart : BAD_MULTIPART) {
                    check(failures, endpoint, verb + " " + path + " " + multipart.getKey() + " malformed",
                            pages.raw(verb, path, token, multipart.getKey(),
                                    multipart.getValue().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
                }
            }
        });
        assertThat(failures).as("answers to malformed input that are server errors, show a stack trace or ask to sign in")
                .isEmpty();
    }

    /** What a person or an integrator reads when a text has a NUL character: which field, and why. */
    @Test
    void aNulCharacterIsRefusedWithWhatToDo() {
        Organisation org = fixture.organisation();
        Staff assistant = fixture.staff(org, "nul-assistant", Map.of(org.paris(), Role.ASSISTANT));
        Http http = new Http(port);
        HttpResponse<String> api = http.send("POST", "/api/v1/patients", fixture.token(assistant), """
                {"clinicId":%d,"patient":{"familyName":"Ma\\u0000rtin","givenName":"Léa","birthDate":"1990-01-01",\
                "sex":"FEMALE"}}""".formatted(org.paris()), Map.of());
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.body()).contains("\"field\":\"patient.familyName\"", "invisible NUL character");
        http.signIn(assistant.username(), StaffFixture.PASSWORD);
        HttpResponse<String> page = http.page("/patients?q=Ma%00rtin&lang=fr");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(page.body()).text()).contains("caractère invisible NUL");
    }

    /** "VERB /pattern" to its pattern, for every mapping of Follicle's own controllers. */
    private Map<String, String> endpoints() {
        Map<String, String> endpoints = new TreeMap<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (method.getBeanType().getPackageName().startsWith("org.follicle")) {
                Set<?> verbs = info.getMethodsCondition().getMethods();
                info.getPatternValues().forEach(pattern -> (verbs.isEmpty() ? Set.of("GET") : verbs)
                        .forEach(verb -> endpoints.put(verb + " " + pattern, pattern)));
            }
        });
        // The FHIR API's interactions, from its server's own bindings.
        endpoints.put("GET /fhir/metadata", "/fhir/metadata");
        fhir.getServlet().getResourceBindings().forEach(binding -> binding.getMethodBindings().forEach(method -> {
            String type = "/fhir/" + binding.getResourceName();
            switch (method.getClass().getSimpleName()) {
                case "ReadMethodBinding" -> {
                    endpoints.put("GET " + type + "/{id}", type + "/{id}");
                    endpoints.put("GET " + type + "/{id}/_history/{version}", type + "/{id}/_history/{version}");
                }
                case "SearchMethodBinding" -> endpoints.put("GET " + type, type);
                case "CreateMethodBinding" -> endpoints.put("POST " + type, type);
                case "UpdateMethodBinding" -> endpoints.put("PUT " + type + "/{id}", type + "/{id}");
                case "OperationMethodBinding" -> operation(endpoints, type, (OperationMethodBinding) method);
                default -> throw new AssertionError("a FHIR interaction this test does not try: " + method);
            }
        }));
        // The server's own operations (HAPI's paging binding, unused without a paging store, is not one).
        fhir.getServlet().getServerBindings().stream().filter(OperationMethodBinding.class::isInstance)
                .forEach(method -> operation(endpoints, "/fhir", (OperationMethodBinding) method));
        assertThat(endpoints).as("Follicle's endpoints").hasSizeGreaterThan(100);
        return endpoints;
    }

    /** A FHIR operation, at each level it works on (the server, a type, an instance). */
    private static void operation(Map<String, String> endpoints, String base, OperationMethodBinding operation) {
        List<String> paths = new ArrayList<>();
        if (operation.isCanOperateAtInstanceLevel()) {
            paths.add(base + "/{id}/" + operation.getName());
        }
        if (operation.isCanOperateAtTypeLevel() || operation.isCanOperateAtServerLevel()) {
            paths.add(base + "/" + operation.getName());
        }
        paths.forEach(path -> endpoints.put("GET " + path, path));
    }

    /**
     * A failure is a server error or a stack trace, and also a sign-in asked again: the administrator is signed in
     * throughout, so a call refused for want of one would have tried nothing.
     */
    private static void check(List<String> failures, String endpoint, String call, HttpResponse<String> response) {
        if (response.statusCode() >= 500 || asksToSignIn(response) || STACK_TRACE.matcher(response.body()).find()) {
            String body = response.body();
            failures.add(endpoint + ": " + call + " -> " + response.statusCode() + " "
                    + body.substring(0, Math.min(300, body.length())));
        }
    }

    /** Input nothing can read: 400 with the message that says why, before anything else looks at the request. */
    private static void refused(List<String> failures, String endpoint, String call, HttpResponse<String> response) {
        check(failures, endpoint, call, response);
        if (response.statusCode() != 400 || !response.body().contains("NUL")) {
            failures.add(endpoint + ": " + call + " -> " + response.statusCode() + " without the NUL message");
        }
    }

    /** 401 from the API, a redirect to the sign-in page from a page. */
    private static boolean asksToSignIn(HttpResponse<String> response) {
        return response.statusCode() == 401
                || response.headers().firstValue("Location").filter(to -> to.contains("/login")).isPresent();
    }
}
