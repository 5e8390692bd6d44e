package org.follicle.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A plain HTTP client for the running application: bearer-token calls to the API, and a staff member's
 * browser-like session (form sign-in, session cookie, CSRF token) for pages. Cookies are handled by hand
 * because the session cookie is Secure and the tests talk plain HTTP to localhost.
 */
public final class Http {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final String base;

    private String sessionCookie;

    private String csrf;

    public Http(int port) {
        this.base = "http://localhost:" + port;
    }

    public HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    /** A document (a PDF) as bytes. */
    public HttpResponse<byte[]> bytes(String path, String token) {
        try {
            return client.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> send(String method, String path, String token, String json, Map<String, String> headers) {
        HttpRequest.Builder builder = request(path, token).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(builder::header);
        return send(builder.build());
    }

    /** A multipart upload of one file with text fields, as a browser or integration sends a photo. */
    public HttpResponse<String> upload(String path, String token, Map<String, String> fields, String fileName,
            byte[] content) {
        String boundary = "----follicle" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.util.function.Consumer<String> text = t -> body.writeBytes(t.getBytes(StandardCharsets.UTF_8));
        fields.forEach((name, value) -> text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n"));
        text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: image/jpeg\r\n\r\n");
        body.writeBytes(content);
        text.accept("\r\n--" + boundary + "--\r\n");
        return send(request(path, token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /**
     * A body sent as is, with its content type, in this session (its cookie and CSRF token) or with a token: to
     * send what a browser would not, such as a multipart body without its boundary.
     */
    public HttpResponse<String> raw(String method, String path, String token, String contentType, byte[] body) {
        HttpRequest.Builder builder = withCookie(request(path, token)).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (csrf != null) {
            builder.header("X-CSRF-TOKEN", csrf);
        }
        return send(builder.build());
    }

    /** Signs in through the login form; returns the response of the form post (a redirect). */
    public HttpResponse<String> signIn(String username, String password) {
        page("/login");
        return form("/login", Map.of("username", username, "password", password));
    }

    /** A page in this session, remembering the CSRF token it carries. */
    public HttpResponse<String> page(String path) {
        HttpResponse<String> response = send(withCookie(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")).GET().build());
        Matcher m = CSRF.matcher(response.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return response;
    }

    /** Posts a form in this session with the last CSRF token seen. */
    public HttpResponse<String> form(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrf != null) {
            all.put("_csrf", csrf);
        }
        String body = all.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(withCookie(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Forgets the CSRF token, to post as a forged cross-site form would. */
    public void forgetCsrf() {
        csrf = null;
    }

    public String sessionCookie() {
        return sessionCookie;
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/json, application/problem+json;q=0.9, */*;q=0.5");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private HttpRequest.Builder withCookie(HttpRequest.Builder builder) {
        if (sessionCookie != null) {
            builder.header("Cookie", sessionCookie);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("FOLLICLE_SESSION="))
                    .findFirst().ifPresent(c -> sessionCookie = c.substring(0, c.indexOf(';')));
            return response;
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
