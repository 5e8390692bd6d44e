package org.follicle.security.internal;

import java.time.Duration;

import org.follicle.system.BusinessRuleException;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** NIST SP 800-63B 5.1.1.2: length, and no password from a breach list, a sequence or one's own name. */
class PasswordPolicyTests {

    @SuppressWarnings("deprecation")
    private final PasswordPolicy policy = new PasswordPolicy(new SecuritySettings(
            new SecuritySettings.Lockout(7, Duration.ofMinutes(5), 50),
            new SecuritySettings.Session(Duration.ofMinutes(30), Duration.ofHours(12)),
            new SecuritySettings.Password(12, 128)), NoOpPasswordEncoder.getInstance());

    @Test
    void refusesPasswordsFromBreachListsWhateverTheirCase() {
        for (String common : new String[] { "1qaz2wsx3edc", "QWERTY123456", "123qweasdzxc", "leavemealone" }) {
            assertThatThrownBy(() -> policy.hash("password", common)).as(common)
                    .isInstanceOf(BusinessRuleException.class).hasMessage("password.common");
        }
    }

    @Test
    void refusesARepeatedCharacterAndASequence() {
        for (String trivial : new String[] { "aaaaaaaaaaaaaa", "123456789012", "9876543210987", "abcdefghijklm" }) {
            assertThatThrownBy(() -> policy.hash("password", trivial)).as(trivial).hasMessage("password.common");
        }
    }

    @Test
    void refusesTheServiceAndThePersonsOwnName() {
        assertThatThrownBy(() -> policy.hash("password", "my follicle password")).hasMessage("password.ownName");
        assertThatThrownBy(() -> policy.hash("password", "Dubois-2026-cabinet", "c.dubois", "Camille Dubois"))
                .hasMessage("password.ownName");
        assertThatThrownBy(() -> policy.hash("password", "camille au jardin", "c.dubois", "Camille Dubois"))
                .hasMessage("password.ownName");
    }

    @Test
    void acceptsALongUnrelatedPassphrase() {
        assertThat(policy.hash("password", "violet tramway à midi", "c.dubois", "Camille Dubois"))
                .isEqualTo("violet tramway à midi");
        assertThat(PasswordPolicy.trivial("correct horse")).isFalse();
    }
}
