package org.follicle.security.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.follicle.security.People;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component("people")
class PeopleService implements People {

    private static final Duration KEPT = Duration.ofMinutes(5);

    private static final int MOST = 10_000;

    private final JdbcClient jdbc;

    private final Map<String, Named> names = new ConcurrentHashMap<>();

    PeopleService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String named(String login) {
        if (login == null || login.isBlank()) {
            return login;
        }
        Instant now = Instant.now();
        Named known = names.get(login);
        if (known != null && known.until().isAfter(now)) {
            return known.name();
        }
        String name = jdbc.sql("SELECT display_name FROM security_staff WHERE username = :login")
                .param("login", login).query(String.class).optional().orElse(login);
        if (names.size() > MOST) {
            names.clear();
        }
        names.put(login, new Named(name, now.plus(KEPT)));
        return name;
    }

    private record Named(String name, Instant until) {
    }
}
