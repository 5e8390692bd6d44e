package org.follicle.messaging.internal;

import java.sql.Timestamp;
import java.text.MessageFormat;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.follicle.messaging.MessageKind;
import org.follicle.security.AuditAction;
import org.follicle.security.AuditLog;
import org.follicle.security.AuditOutcome;
import org.follicle.security.AuditRecord;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.follicle.system.BusinessRuleException;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation's own wording of its patient messages, per language. A wording may use only the placeholders of
 * Follicle's, and must keep the link of a sign-in or an invitation; clearing it returns to Follicle's.
 */
@Service
@Transactional
class MessageTemplates {

    static final String TEMPLATE = "message-template";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    /** The placeholders a wording cannot drop: the link the message exists to carry. */
    private static final Map<MessageKind, String> REQUIRED = Map.of(MessageKind.SIGN_IN_LINK, "{1}",
            MessageKind.PORTAL_INVITATION, "{2}");

    private final JdbcClient jdbc;

    private final MessageSource texts;

    private final ClinicAccess access;

    private final AuditLog audit;

    private final Clock clock;

    MessageTemplates(JdbcClient jdbc, MessageSource texts, ClinicAccess access, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.texts = texts;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** The wording in force for a kind and language, and whether it is the organisation's own. */
    @Transactional(readOnly = true)
    Wording wording(MessageKind kind, String language) {
        long organisation = organisation();
        Locale locale = Locale.forLanguageTag(language);
        return own(organisation, kind, language).orElseGet(() -> new Wording(unescaped(kind, "subject", locale),
                unescaped(kind, "body", locale), false));
    }

    void save(MessageKind kind, String language, String subject, String body) {
        long organisation = organisation();
        String s = subject == null ? "" : subject.strip();
        String b = body == null ? "" : body.strip();
        if (s.isEmpty() || s.length() > 300) {
            throw BusinessRuleException.onField("subject", "messages.template.subjectLength", 300);
        }
        if (b.isEmpty() || b.length() > 4000) {
            throw BusinessRuleException.onField("body", "messages.template.bodyLength", 4000);
        }
        Locale locale = Locale.forLanguageTag(language);
        check("subject", s, placeholders(unescaped(kind, "subject", locale)));
        Set<String> allowed = placeholders(unescaped(kind, "body", locale));
        check("body", b, allowed);
        String required = REQUIRED.get(kind);
        if (required != null && !b.contains(required)) {
            throw BusinessRuleException.onField("body", "messages.template.linkRequired", required);
        }
        jdbc.sql("""
                INSERT INTO messaging_template (organisation_id, kind, language, subject, body, changed_at, changed_by)
                VALUES (:org, :kind, :language, :subject, :body, :now, :by)
                ON CONFLICT (organisation_id, kind, language) DO UPDATE SET subject = EXCLUDED.subject,
                    body = EXCLUDED.body, changed_at = EXCLUDED.changed_at, changed_by = EXCLUDED.changed_by""")
                .param("org", organisation).param("kind", kind.name()).param("language", language)
                .param("subject", s).param("body", b).param("now", Timestamp.from(clock.instant()))
                .param("by", access.current().username()).update();
        audit.record(new AuditRecord(AuditAction.SETTINGS_CHANGE, TEMPLATE, kind.name() + ":" + language, null,
                AuditOutcome.SUCCESS, null));
    }

    void reset(MessageKind kind, String language) {
        long organisation = organisation();
        jdbc.sql("DELETE FROM messaging_template WHERE organisation_id = :org AND kind = :kind AND language = :language")
                .param("org", organisation).param("kind", kind.name()).param("language", language).update();
        audit.record(new AuditRecord(AuditAction.SETTINGS_CHANGE, TEMPLATE, kind.name() + ":" + language, null,
                AuditOutcome.SUCCESS, "reset"));
    }

    /** A clinic's wording as MessageFormat reads it: its apostrophes are plain ones. */
    static String format(String wording, Object[] args, Locale locale) {
        return new MessageFormat(wording.replace("'", "''"), locale).format(args);
    }

    private Optional<Wording> own(long organisation, MessageKind kind, String language) {
        return jdbc.sql("""
                SELECT subject, body, TRUE AS own FROM messaging_template
                WHERE organisation_id = :org AND kind = :kind AND language = :language""").param("org", organisation)
                .param("kind", kind.name()).param("language", language).query(Wording.class).optional();
    }

    /** Follicle's wording, with its apostrophes as a clinic writes them. */
    private String unescaped(MessageKind kind, String part, Locale locale) {
        return texts.getMessage("message." + kind.name() + "." + part, null, locale).replace("''", "'");
    }

    private static void check(String field, String text, Set<String> allowed) {
        for (String used : placeholders(text)) {
            if (!allowed.contains(used)) {
                throw BusinessRuleException.onField(field, "messages.template.unknownPlaceholder", used,
                        String.join(" ", allowed));
            }
        }
        try {
            new MessageFormat(text.replace("'", "''"));
        }
        catch (IllegalArgumentException e) {
            throw BusinessRuleException.onField(field, "messages.template.unreadable", "{0}", "{1}");
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    /** The organisation whose wording the user manages: that of a clinic they manage. */
    private long organisation() {
        long clinic = access.workingClinic();
        access.require(Privilege.CLINIC_MANAGE, clinic);
        return access.current().organisationId();
    }

    record Wording(String subject, String body, boolean own) {
    }
}
