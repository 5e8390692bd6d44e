package org.follicle.security.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in rules, from {@code follicle.security.*}.
 *
 * @param lockout how many wrong passwords in a row lock an account from one address, for how long the first time,
 *        and how many from one address, whatever the names, stop that address
 * @param session how long an idle session lives, and how long any session lives at most
 * @param password the length a password must have (length, not character classes: NIST SP 800-63B)
 */
@ConfigurationProperties("follicle.security")
record SecuritySettings(Lockout lockout, Session session, Password password) {

    record Lockout(int maxFailures, Duration duration, int sourceMaxFailures) {
    }

    record Session(Duration idleTimeout, Duration absoluteLifetime) {
    }

    record Password(int minLength, int maxLength) {
    }
}
