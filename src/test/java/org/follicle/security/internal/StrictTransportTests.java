package org.follicle.security.internal;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class StrictTransportTests {

    @Test
    void productionSendsHstsEvenOnThePlainRequestTheLoadBalancerForwards() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new StrictTransport(true).writeHeaders(new MockHttpServletRequest("GET", "/"), response);
        assertThat(response.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");
    }

    @Test
    void aLaptopIsNotToldToInsistOnHttps() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new StrictTransport(false).writeHeaders(new MockHttpServletRequest("GET", "/"), response);
        assertThat(response.getHeader("Strict-Transport-Security")).isNull();
    }

    @Test
    void theProductionProfileTurnsItOn() throws Exception {
        java.util.Properties prod = new java.util.Properties();
        try (var in = getClass().getResourceAsStream("/application-prod.properties")) {
            prod.load(in);
        }
        assertThat(prod.getProperty("follicle.security.hsts")).isEqualTo("true");
    }
}
