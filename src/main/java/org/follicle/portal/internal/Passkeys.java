package org.follicle.portal.internal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

/**
 * Passkeys for patients: Spring Security's WebAuthn with its credentials in PostgreSQL. The relying party is the
 * portal's address ({@code follicle.portal.origins}, {@code follicle.portal.rp-id}); without one configured, the
 * instance's own localhost address once its server has started (development, demo and tests).
 */
@Configuration(proxyBeanMethods = false)
class Passkeys {

    private final Set<String> origins = ConcurrentHashMap.newKeySet();

    Passkeys(@Value("${follicle.portal.origins:}") List<String> configured) {
        configured.stream().map(String::strip).filter(o -> !o.isEmpty()).forEach(origins::add);
    }

    @Bean
    JdbcPublicKeyCredentialUserEntityRepository passkeyUsers(JdbcOperations jdbc) {
        return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
    }

    @Bean
    JdbcUserCredentialRepository passkeyCredentials(JdbcOperations jdbc) {
        return new JdbcUserCredentialRepository(jdbc);
    }

    @Bean
    Webauthn4JRelyingPartyOperations passkeyRelyingParty(JdbcPublicKeyCredentialUserEntityRepository users,
            JdbcUserCredentialRepository credentials, @Value("${follicle.portal.rp-id:localhost}") String rpId) {
        return new Webauthn4JRelyingPartyOperations(users, credentials,
                PublicKeyCredentialRpEntity.builder().id(rpId).name("Follicle").build(), origins);
    }

    @EventListener
    void started(WebServerInitializedEvent event) {
        if (origins.isEmpty()) {
            origins.add("http://localhost:" + event.getWebServer().getPort());
        }
    }
}
