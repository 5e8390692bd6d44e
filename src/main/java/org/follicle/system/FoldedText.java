package org.follicle.system;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Free text as staff and patients type it, folded so that "Lidocaïne 5 %" mentions "lidocaine": lower case, accents
 * removed, anything but letters and digits a single space. A term is mentioned when it stands as whole words.
 */
public final class FoldedText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}");

    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");

    private FoldedText() {
    }

    public static String fold(String text) {
        String marked = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return SEPARATORS.matcher(MARKS.matcher(marked).replaceAll("")).replaceAll(" ").trim();
    }

    /** The folded text padded with a space each side, ready for {@link #mentions}. */
    public static String padded(String text) {
        return " " + fold(text) + " ";
    }

    /** Whether a text made by {@link #padded} holds a term (also padded) as whole words. */
    public static boolean mentions(String paddedText, String paddedTerm) {
        return paddedTerm.trim().length() > 0 && paddedText.contains(paddedTerm);
    }
}
