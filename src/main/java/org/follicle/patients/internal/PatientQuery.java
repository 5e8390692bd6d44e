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
 */
record PatientQuery(String text) {

    private static final Pattern FILE_NUMBER = Pattern.compile("[Pp]\\d{1,9}");

    private static final Pattern PHONE = Pattern.compile("[+\\d][\\d ().\\-]{5,}");

    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("dd/MM/uuuu"), DateTimeFormatter.ofPattern("dd.MM.uuuu"),
            DateTimeFormatter.ofPattern("d/M/uuuu"));

    /** The SQL condition for this query, adding its parameters. */
    String condition(Map<String, Object> params) {
        String q = text == null ? "" : text.trim();
        if (q.isEmpty()) {
            return "TRUE";
        }
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
        List<String> names = Arrays.stream(q.split("[\\s,]+")).map(SearchKeys::name).filter(s -> !s.isEmpty())
                .limit(4).toList();
        StringBuilder condition = new StringBuilder("TRUE");
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            params.put("name" + i, name + "%");
            condition.append(String.format(Locale.ROOT, " AND (family_key LIKE :name%d OR given_key LIKE :name%d)", i, i));
        }
        return condition.toString();
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
