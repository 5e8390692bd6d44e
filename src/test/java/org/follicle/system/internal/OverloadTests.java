package org.follicle.system.internal;

import java.sql.SQLTransientConnectionException;
import java.util.Locale;

import jakarta.servlet.Filter;

import org.follicle.system.ApiProblemWriter;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A request that cannot have a database connection in time is told to come back (503), not given a 500. */
class OverloadTests {

    private final Filter filter;

    OverloadTests() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("problem.busy", Locale.FRENCH, "Très sollicité \"maintenant\"");
        FixedLocaleResolver french = new FixedLocaleResolver(Locale.FRENCH);
        filter = new Overload().overloadFilter(messages, french,
                new ApiProblemWriter(messages, french, JsonMapper.builder().build())).getFilter();
    }

    @Test
    void anApiCallWithoutAConnectionInTimeGetsABusyProblemToRetry() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/patients"), response, (req, res) -> {
            throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                    new SQLTransientConnectionException("request timed out after 30000ms"));
        });
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"status\":503")
                .contains("Très sollicité \\\"maintenant\\\"").contains("\"instance\":\"/api/v1/patients\"");
    }

    @Test
    void aPageGetsAShortPageInTheUsersLanguage() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", "/patients/7"), response, (req, res) -> {
            throw new IllegalStateException("wrapped", new SQLTransientConnectionException("timed out"));
        });
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString()).contains("lang=\"fr\"").contains("Très sollicité &quot;maintenant&quot;");
    }

    @Test
    void anyOtherFailureGoesOnToTheErrorHandling() {
        assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/patients"),
                new MockHttpServletResponse(), (req, res) -> {
                    throw new IllegalStateException("a bug");
                })).hasMessage("a bug");
        assertThat(Overload.isOverload(new RuntimeException(new CannotGetJdbcConnectionException("x")))).isTrue();
        assertThat(Overload.isOverload(new RuntimeException("x"))).isFalse();
    }
}
