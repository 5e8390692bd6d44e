package org.follicle.intake;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A rule's source as a page shows it. The sources are written in English, with a citation (the knowledge base's
 * section, its numbered references, how strong) and a comment. In English the whole source is shown; in another
 * language only the citation, in that language: "base de connaissances §1a [9][10] [faible]". Pages call it as
 * {@code @citations.shown(source, #locale)}.
 */
@Component("citations")
public class Citations {

    private static final Pattern SECTIONS = Pattern.compile(
            "(?i)knowledge base (\\d[a-z]?(?:(?:,| and) \\d[a-z]?)*)");

    private static final Pattern REFERENCES = Pattern.compile("\\[(\\d+)\\](?:-\\[(\\d+)\\])?");

    private final MessageSource messages;

    Citations(MessageSource messages) {
        this.messages = messages;
    }

    public String shown(String source, Locale locale) {
        if (source == null || source.isBlank() || "en".equals(locale.getLanguage())) {
            return source;
        }
        StringBuilder shown = new StringBuilder();
        Set<String> sections = new LinkedHashSet<>();
        Matcher section = SECTIONS.matcher(source);
        while (section.find()) {
            for (String s : section.group(1).split(",| and ")) {
                if (!s.isBlank()) {
                    sections.add("§" + s.trim());
                }
            }
        }
        if (!sections.isEmpty()) {
            shown.append(text("citation.knowledgeBase", locale)).append(' ').append(String.join(", ", sections));
        }
        if (source.toLowerCase(Locale.ROOT).contains("clinic pages")) {
            shown.append(shown.isEmpty() ? "" : "; ").append(text("citation.clinicPages", locale));
        }
        Set<String> references = new LinkedHashSet<>();
        Matcher reference = REFERENCES.matcher(source);
        while (reference.find()) {
            references.add(reference.group(2) == null ? "[" + reference.group(1) + "]"
                    : "[" + reference.group(1) + "]-[" + reference.group(2) + "]");
        }
        if (!references.isEmpty()) {
            shown.append(shown.isEmpty() ? "" : " ").append(String.join("", references));
        }
        if (source.contains("LOW]")) {
            shown.append(' ').append(text("citation.low", locale));
        }
        if (source.contains("VERIFY]")) {
            shown.append(' ').append(text("citation.verify", locale));
        }
        return shown.isEmpty() ? text("citation.unnamed", locale) : shown.toString().trim();
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
