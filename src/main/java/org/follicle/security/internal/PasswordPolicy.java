package org.follicle.security.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.follicle.system.BusinessRuleException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Length is what makes a password strong (NIST SP 800-63B 5.1.1.2): at least {@code min-length} characters, at
 * most {@code max-length}, no composition rules; spaces and any script are allowed. As the same section asks, a
 * new password is also checked against passwords common in breaches (shipped as data,
 * {@code security/common-passwords.txt}), the words of the service and of the person's own name and username, and
 * a character repeated or counted in sequence.
 */
@Component
class PasswordPolicy {

    private static final String COMMON = "security/common-passwords.txt";

    /** Words of the service itself, which a password must not be built on. */
    private static final List<String> SERVICE_WORDS = List.of("follicle");

    private final SecuritySettings.Password rules;

    private final PasswordEncoder encoder;

    private final Set<String> common;

    PasswordPolicy(SecuritySettings settings, PasswordEncoder encoder) {
        this.rules = settings.password();
        this.encoder = encoder;
        this.common = commonPasswords();
    }

    /**
     * The hash of an acceptable password, refused on the given form field when it is too short or too long,
     * common, built on {@code ownWords} (the person's username and name) or a repeated or counted sequence.
     */
    String hash(String field, String password, String... ownWords) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < rules.minLength()) {
            throw BusinessRuleException.onField(field, "password.tooShort", rules.minLength());
        }
        if (length > rules.maxLength()) {
            throw BusinessRuleException.onField(field, "password.tooLong", rules.maxLength());
        }
        String folded = password.toLowerCase(Locale.ROOT);
        if (common.contains(folded) || trivial(folded)) {
            throw BusinessRuleException.onField(field, "password.common");
        }
        for (String word : words(ownWords)) {
            if (folded.contains(word)) {
                throw BusinessRuleException.onField(field, "password.ownName");
            }
        }
        return encoder.encode(password);
    }

    boolean matches(String password, String hash) {
        return password != null && encoder.matches(password, hash);
    }

    int minLength() {
        return rules.minLength();
    }

    /** The words a password must not contain: the service's, and those of at least four letters in the person's. */
    private static List<String> words(String... ownWords) {
        List<String> words = new ArrayList<>(SERVICE_WORDS);
        for (String text : ownWords) {
            if (text != null) {
                for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                    if (word.codePointCount(0, word.length()) >= 4 && word.matches(".*\\p{L}.*")) {
                        words.add(word);
                    }
                }
            }
        }
        return words;
    }

    /** One character repeated, or characters counted up or down ("aaaaaaaaaaaa", "123456789012", "zyxwvu..."). */
    static boolean trivial(String password) {
        int[] points = password.codePoints().toArray();
        boolean same = true;
        boolean up = true;
        boolean down = true;
        for (int i = 1; i < points.length; i++) {
            same &= points[i] == points[0];
            up &= points[i] == points[i - 1] + 1 || (points[i] == '0' && points[i - 1] == '9');
            down &= points[i] == points[i - 1] - 1 || (points[i] == '9' && points[i - 1] == '0');
        }
        return same || up || down;
    }

    private static Set<String> commonPasswords() {
        try (var in = new ClassPathResource(COMMON).getInputStream()) {
            Set<String> passwords = new HashSet<>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).forEach(passwords::add);
            return Set.copyOf(passwords);
        }
        catch (IOException e) {
            throw new UncheckedIOException("The list of common passwords is part of the application: " + COMMON, e);
        }
    }
}
