package org.follicle.billing.internal;

/**
 * The text a seal covers: each value written with its length, so that no value can pass for two, and a missing
 * value written apart from any text (a reference left empty is not the word "null").
 */
final class Canonical {

    private Canonical() {
    }

    static String of(Object... values) {
        StringBuilder text = new StringBuilder();
        for (Object value : values) {
            if (value == null) {
                text.append("-1:;");
            }
            else {
                String written = String.valueOf(value);
                text.append(written.length()).append(':').append(written).append(';');
            }
        }
        return text.toString();
    }
}
