package org.follicle.sessions.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The zones of the session's scalp map: the assessment sites of {@code knowledge/scalp-sites.json}, so that what
 * was injected in a zone meets what was measured at the same site.
 */
@Component
class ScalpZones {

    private final List<String> codes;

    ScalpZones(JsonMapper json) {
        try (InputStream in = new ClassPathResource("knowledge/scalp-sites.json").getInputStream()) {
            List<String> sites = new ArrayList<>();
            for (JsonNode site : json.readTree(in).path("sites")) {
                sites.add(site.asString());
            }
            this.codes = List.copyOf(sites);
        }
        catch (IOException e) {
            throw new IllegalStateException("knowledge/scalp-sites.json cannot be read", e);
        }
    }

    List<String> codes() {
        return codes;
    }
}
