package org.follicle.system;

import java.util.List;
import java.util.Locale;

/** The languages Follicle speaks. Every message bundle exists in each of them (checked by a test). */
public final class Languages {

    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH, Locale.forLanguageTag("es"));

    private Languages() {
    }

    /** The supported language for a tag such as "fr-CA", or {@code null} when Follicle does not speak it. */
    public static Locale supported(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String language = Locale.forLanguageTag(tag.replace('_', '-')).getLanguage();
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst().orElse(null);
    }
}
