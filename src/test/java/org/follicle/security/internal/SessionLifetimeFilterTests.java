package org.follicle.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

import static org.assertj.core.api.Assertions.assertThat;

class SessionLifetimeFilterTests {

    private static final Instant NOW = Instant.parse("2026-11-21T20:00:00Z");

    private final SessionLifetimeFilter filter = new SessionLifetimeFilter(Duration.ofHours(12),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void letsASessionThroughWithinTwelveHoursOfSignIn() throws Exception {
        MockHttpServletResponse response = run(NOW.minus(Duration.ofHours(11).plusMinutes(59)), false);
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void endsASessionOlderThanTwelveHoursHoweverActive() throws Exception {
        MockHttpServletResponse response = run(NOW.minus(Duration.ofHours(12).plusSeconds(1)), false);
        assertThat(response.getRedirectedUrl()).isEqualTo("/login?expired");
    }

    @Test
    void tellsHtmxToReloadTheWholePage() throws Exception {
        MockHttpServletResponse response = run(NOW.minus(Duration.ofHours(13)), true);
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("HX-Redirect")).isEqualTo("/login?expired");
    }

    private MockHttpServletResponse run(Instant signedInAt, boolean htmx) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(SessionLifetimeFilter.SIGNED_IN_AT, signedInAt.toEpochMilli());
        request.setSession(session);
        if (htmx) {
            request.addHeader("HX-Request", "true");
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
