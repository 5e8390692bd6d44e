package org.follicle.security.internal;

import org.follicle.system.BusinessRuleException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Length is what makes a password strong (NIST SP 800-63B §5.1.1.2): at least {@code min-length} characters,
 * at most {@code max-length}, no composition rules. Spaces and any script are allowed.
 */
@Component
class PasswordPolicy {

    private final SecuritySettings.Password rules;

    private final PasswordEncoder encoder;

    PasswordPolicy(SecuritySettings settings, PasswordEncoder encoder) {
        this.rules = settings.password();
        this.encoder = encoder;
    }

    /** The hash of an acceptable password; a short or overlong one is refused on the given form field. */
    String hash(String field, String password) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < rules.minLength()) {
            throw BusinessRuleException.onField(field, "password.tooShort", rules.minLength());
        }
        if (length > rules.maxLength()) {
            throw BusinessRuleException.onField(field, "password.tooLong", rules.maxLength());
        }
        return encoder.encode(password);
    }

    boolean matches(String password, String hash) {
        return password != null && encoder.matches(password, hash);
    }

    int minLength() {
        return rules.minLength();
    }
}
