package org.follicle.patients.internal;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The forms in which names and phones are stored for search, so that "helene" finds "Hélène" and "612 34 56 78"
 * finds "+33 6 12 34 56 78".
 */
final class SearchKeys {

    private SearchKeys() {
    }

    /** Lower case, accents removed, letters that do not decompose spelled out (ß, æ, ø, ł...). */
    static String name(String text) {
        if (text == null) {
            return null;
        }
        String folded = text.trim().toLowerCase(Locale.ROOT).replace("ß", "ss").replace("æ", "ae").replace("œ", "oe")
                .replace("ø", "o").replace("ł", "l").replace("đ", "d").replace("ı", "i");
        return Normalizer.normalize(folded, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    /**
     * The phone's digits reversed: a number written with or without its country code ends the same way, and a
     * reversed key turns "ends with" into a prefix that an index serves.
     */
    static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        return digits.isEmpty() ? null : new StringBuilder(digits).reverse().toString();
    }

    /** The last nine digits of a phone, reversed: enough to tell numbers apart, whatever the prefix. */
    static String phonePrefix(String phone) {
        String key = phone(phone);
        return key == null ? null : key.substring(0, Math.min(9, key.length()));
    }

    static String email(String email) {
        return email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
    }
}
