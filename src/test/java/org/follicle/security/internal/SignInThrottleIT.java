package org.follicle.security.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.follicle.support.FollicleIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wrong passwords lock a name from one address only, for longer each time, and an address that tries many names
 * is stopped whatever the name. Addresses are the test's own: the application sees every test at localhost.
 */
@FollicleIntegrationTest
class SignInThrottleIT {

    @Autowired
    SignInThrottle throttle;

    @Autowired
    JdbcClient jdbc;

    private final String name = "throttled-" + UUID.randomUUID();

    @Test
    void sevenWrongPasswordsLockTheNameFromThatAddressOnly() {
        for (int i = 0; i < 6; i++) {
            throttle.failed(name, "198.51.100.1");
        }
        assertThat(throttle.refused(name, "198.51.100.1")).as("six wrong passwords").isFalse();
        throttle.failed(name, "198.51.100.1");
        assertThat(throttle.refused(name, "198.51.100.1")).isTrue();
        assertThat(throttle.refused(name, "198.51.100.2")).as("the colleague at another desk").isFalse();
        assertThat(throttle.refused("someone-else", "198.51.100.1")).isFalse();
        assertThat(throttle.locked(java.util.List.of(name, "someone-else"))).containsExactly(name);
    }

    @Test
    void eachLockLastsTwiceAsLongAsTheOneBefore() {
        Duration first = lockAndMeasure();
        jdbc.sql("UPDATE security_sign_in_throttle SET locked_until = now() - interval '1 second' WHERE username = :n")
                .param("n", name).update();
        Duration second = lockAndMeasure();
        assertThat(second.toSeconds()).isBetween(first.toSeconds() * 2 - 5, first.toSeconds() * 2 + 5);
        throttle.forget(name);
        assertThat(throttle.refused(name, "198.51.100.3")).as("an administrator set a new password").isFalse();
    }

    @Test
    void anAddressTryingManyNamesIsStoppedForEveryName() {
        String address = "203.0.113." + (1 + (int) (Math.random() * 250));
        jdbc.sql("DELETE FROM security_sign_in_throttle WHERE source = :s").param("s", address).update();
        for (int i = 0; i < 50; i++) {
            throttle.failed("guess-" + i + "-" + name, address);
        }
        assertThat(throttle.refused("a-real-user", address)).isTrue();
        assertThat(throttle.refused("a-real-user", "203.0.113.254".equals(address) ? "203.0.113.253" : "203.0.113.254"))
                .isFalse();
    }

    @Test
    void theRightPasswordStartsTheNameAfresh() {
        for (int i = 0; i < 6; i++) {
            throttle.failed(name, "198.51.100.4");
        }
        throttle.succeeded(name, "198.51.100.4");
        throttle.failed(name, "198.51.100.4");
        assertThat(throttle.refused(name, "198.51.100.4")).isFalse();
    }

    private Duration lockAndMeasure() {
        for (int i = 0; i < 7; i++) {
            throttle.failed(name, "198.51.100.3");
        }
        OffsetDateTime until = jdbc.sql("SELECT locked_until FROM security_sign_in_throttle WHERE username = :n")
                .param("n", name).query(OffsetDateTime.class).single();
        return Duration.between(OffsetDateTime.now(), until);
    }
}
