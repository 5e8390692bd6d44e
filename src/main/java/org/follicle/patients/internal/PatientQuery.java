package org.follicle.patients.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a receptionist types in the search box, read as the one thing it can be: a file number (P000123), a
 * birth date (1984-03-21, 21/03/1984 or 21.03.1984), an email, a phone number, or names. Every name typed must
 * begin the family or the given name, without regard to case or accents.
 * <p>
 * A name search is two index range scans, one on family names and one on given names, joined: an OR in one
 * query would tempt PostgreSQL to walk the whole clinic in name order instead.
 */
record PatientQuery(String text) {

    private static final Pattern FILE_NUMBER = Pattern.compile("[Pp]\\d{1,9}");

    private static final Pattern PHONE = Pattern.compile("[+\\d][\\d ().\\-]{5,}");

    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("dd/MM/uuuu"), DateTimeFormatter.ofPattern("dd.MM.uuuu"),
            DateTimeFormatter.ofPattern("d/M/uuuu"));

    /** The SQL conditions for this query, each served by one index; a row matches if it meets any of them. */
    List<String> conditions(Map<String, Object> params) {
        String q = text == null ? "" : text.trim();
        if (q.isEmpty()) {
            return List.of("TRUE");
        }
        if (!isName(q)) {
            return List.of(condition(q, params));
        }
        List<String> names = Arrays.stream(q.split("[\\s,]+")).map(SearchKeys::name).filter(s -> !s.isEmpty())
                .limit(4).toList();
        if (names.isEmpty()) {
            return List.of("TRUE");
        }
        StringBuilder others = new StringBuilder();
        for (int i = 1; i < names.size(); i++) {
            params.put("name" + i, beginning(names.get(i)));
            others.append(String.format(Locale.ROOT, " AND (family_key LIKE :name%d OR given_key LIKE :name%d)", i, i));
        }
        String first = names.get(0);
        String after = following(first);
        if (after == null) {
            params.put("name0", beginning(first));
            return List.of("family_key LIKE :name0" + others, "given_key LIKE :name0" + others);
        }
        // The first name as the range of keys it begins (the keys sort byte by byte, COLLATE "C"), not LIKE: with a
        // pattern for a parameter, PostgreSQL plans the statement afresh on every search, which cost as much as
        // running it; a range of parameters it plans once and keeps.
        params.put("from", first);
        params.put("to", after);
        return List.of("family_key >= :from AND family_key < :to" + others,
                "given_key >= :from AND given_key < :to" + others);
    }

    /** A LIKE pattern for the texts that begin with this one. */
    static String beginning(String name) {
        return name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /**
     * The first text after every text that begins with this one, in code point order (which is UTF-8's byte order):
     * its last character moved on by one; null if it has none after it.
     */
    static String following(String prefix) {
        int last = prefix.codePointBefore(prefix.length());
        int next = last + 1 == Character.MIN_SURROGATE ? Character.MAX_SURROGATE + 1 : last + 1;
        if (next > Character.MAX_CODE_POINT) {
            return null;
        }
        return prefix.substring(0, prefix.length() - Character.charCount(last)) + Character.toString(next);
    }

    private static boolean isName(String q) {
        return !FILE_NUMBER.matcher(q).matches() && date(q) == null && !q.contains("@") && !PHONE.matcher(q).matches();
    }

    private static String condition(String q, Map<String, Object> params) {
        if (FILE_NUMBER.matcher(q).matches()) {
            params.put("file", "P" + String.format("%06d", Long.parseLong(q.substring(1))));
            return "file_number = :file";
        }
        LocalDate date = date(q);
        if (date != null) {
            params.put("birth", date);
            return "birth_date = :birth";
        }
        if (q.contains("@")) {
            params.put("email", SearchKeys.email(q));
            return "email_key = :email";
        }
        if (PHONE.matcher(q).matches()) {
            params.put("phone", SearchKeys.phonePrefix(q) + "%");
            return "phone_key LIKE :phone";
        }
        throw new IllegalStateException("not a name: handled by conditions()");
    }

    private static LocalDate date(String q) {
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(q, format);
            }
            catch (DateTimeParseException e) {
                // not this format
            }
        }
        return null;
    }
}
