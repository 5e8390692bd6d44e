package org.follicle;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text a person reads comes from the message bundles, in English, French and Spanish: the build fails on
 * a key missing in one language, a template key missing from the bundles, or text written into a template.
 */
class I18nTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    private static final List<String> LANGUAGES = List.of("fr", "es");

    /** Attributes a person reads or hears; their text must come from th:* attributes. */
    private static final Set<String> READABLE_ATTRIBUTES = Set.of("placeholder", "title", "alt", "aria-label",
            "data-confirm");

    /** Text that is the same in every language. */
    private static final Pattern LANGUAGE_NEUTRAL = Pattern.compile("[\\s\\p{Punct}#…–—·:0-9]*");

    @Test
    void everyLanguageHasEveryKeyAndNoEmptyText() throws IOException {
        Properties english = bundle("messages.properties");
        for (String language : LANGUAGES) {
            Properties translated = bundle("messages_" + language + ".properties");
            assertThat(translated.stringPropertyNames()).as("keys of messages_%s", language)
                    .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
            translated.forEach((key, value) -> assertThat(value.toString()).as("%s in %s", key, language).isNotBlank());
        }
    }

    /** Pages show these by name ("audit.action." + the action): each value needs its message. */
    @Test
    void everyValueAPageNamesHasItsMessage() throws IOException {
        Properties english = bundle("messages.properties");
        Set<String> missing = new TreeSet<>();
        for (var named : List.of(java.util.Map.entry("audit.action.", org.follicle.security.AuditAction.values()),
                java.util.Map.entry("audit.outcome.", org.follicle.security.AuditOutcome.values()),
                java.util.Map.entry("role.", org.follicle.security.Role.values()))) {
            for (Enum<?> value : named.getValue()) {
                if (english.getProperty(named.getKey() + value.name()) == null) {
                    missing.add(named.getKey() + value.name());
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void messagesWithArgumentsAreValidMessageFormats() throws IOException {
        List<String> broken = new ArrayList<>();
        for (String name : List.of("messages.properties", "messages_fr.properties", "messages_es.properties")) {
            Properties bundle = bundle(name);
            for (String key : bundle.stringPropertyNames()) {
                String text = bundle.getProperty(key);
                if (!text.matches("(?s).*\\{\\d.*")) {
                    continue;
                }
                // In a message with arguments a lone apostrophe starts a quote and swallows the arguments.
                String formatted = new java.text.MessageFormat(text).format(new Object[] { "A", "B", "C", "D", "E", "F", "G", "H" });
                if (text.replace("''", "").contains("'") || formatted.contains("{")) {
                    broken.add(name + ": " + key);
                }
            }
        }
        assertThat(broken).as("write '' for an apostrophe in messages with arguments").isEmpty();
    }

    @Test
    void everyKeyATemplateUsesExists() throws IOException {
        Properties english = bundle("messages.properties");
        Pattern literalKey = Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]");
        Set<String> missing = new TreeSet<>();
        for (Path template : templates()) {
            Matcher m = literalKey.matcher(Files.readString(template));
            while (m.find()) {
                if (!english.containsKey(m.group(1))) {
                    missing.add(TEMPLATES.relativize(template) + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void noTemplateHardCodesText() throws IOException {
        List<String> hardCoded = new ArrayList<>();
        for (Path template : templates()) {
            Document html = Jsoup.parse(Files.readString(template), "", Parser.htmlParser());
            for (Element element : html.getAllElements()) {
                if (isReplaced(element) || element.tagName().equals("script") || element.tagName().equals("style")) {
                    continue;
                }
                for (TextNode text : element.textNodes()) {
                    if (!LANGUAGE_NEUTRAL.matcher(text.text()).matches()) {
                        hardCoded.add(TEMPLATES.relativize(template) + ": <" + element.tagName() + "> " + text.text().trim());
                    }
                }
                element.attributes().forEach(attribute -> {
                    if (READABLE_ATTRIBUTES.contains(attribute.getKey())
                            && !LANGUAGE_NEUTRAL.matcher(attribute.getValue()).matches()) {
                        hardCoded.add(TEMPLATES.relativize(template) + ": " + attribute.getKey() + "=" + attribute.getValue());
                    }
                });
            }
        }
        assertThat(hardCoded).as("text written into templates instead of messages*.properties").isEmpty();
    }

    /**
     * An element whose content Thymeleaf replaces: its text is only a designer's placeholder. The page's own
     * {@code <html th:replace="~{layout ...}">} does not count: it hands its content to the layout.
     */
    private static boolean isReplaced(Element element) {
        for (Element e = element; e != null && !e.tagName().equals("html"); e = e.parent()) {
            if (e.hasAttr("th:text") || e.hasAttr("th:utext") || e.hasAttr("th:replace") || e.hasAttr("th:insert")
                    || e.hasAttr("th:errors")) {
                return true;
            }
        }
        return false;
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(Files.newInputStream(Path.of("src/main/resources", name)),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
