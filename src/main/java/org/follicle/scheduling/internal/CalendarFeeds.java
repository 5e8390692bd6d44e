package org.follicle.scheduling.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.follicle.security.AuditAction;
import org.follicle.security.AuditLog;
import org.follicle.security.AuditOutcome;
import org.follicle.security.AuditRecord;
import org.follicle.security.ClinicAccess;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A practitioner's private calendar feed: a secret URL their calendar app polls. Only the token's hash is kept; a
 * new token replaces the old one. Events name the appointment type and the patient's file number, not the
 * patient, because the feed ends up in third-party calendar services.
 */
@Service
@Transactional
class CalendarFeeds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    private final AppointmentStore store;

    private final ClinicAccess access;

    private final AuditLog audit;

    private final MessageSource texts;

    private final Clock clock;

    CalendarFeeds(JdbcClient jdbc, AppointmentStore store, ClinicAccess access, AuditLog audit, MessageSource texts,
            Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.access = access;
        this.audit = audit;
        this.texts = texts;
        this.clock = clock;
    }

    /** A new secret feed token for the signed-in practitioner; the previous one stops working. */
    String newToken() {
        long me = access.current().id();
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                INSERT INTO scheduling_feed_token (practitioner_id, token_hash, created_at) VALUES (:me, :hash, :now)
                ON CONFLICT (practitioner_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = EXCLUDED.created_at""")
                .param("me", me).param("hash", sha256(token)).param("now", Timestamp.from(clock.instant())).update();
        audit.record(AuditRecord.success(AuditAction.TOKEN_CREATE, "calendar-feed", me, null));
        return token;
    }

    /** The feed of the token's practitioner: 30 days back, 180 ahead; empty for an unknown token. */
    Optional<String> feed(String token) {
        Optional<Long> practitioner = jdbc.sql("SELECT practitioner_id FROM scheduling_feed_token WHERE token_hash = :h")
                .param("h", sha256(token)).query(Long.class).optional();
        if (practitioner.isEmpty()) {
            audit.record(new AuditRecord(AuditAction.READ, "calendar-feed", null, null, AuditOutcome.DENIED,
                    "unknown token"));
            return Optional.empty();
        }
        Instant now = clock.instant();
        var events = store.ofPractitioner(practitioner.get(), now.minus(Duration.ofDays(30)),
                now.plus(Duration.ofDays(180))).stream().map(Appointment::view)
                .filter(a -> a.status().takesTime())
                .map(a -> new CalendarFiles.Event(a.id(), a.version(), a.startsAt().toInstant(), a.endsAt().toInstant(),
                        texts.getMessage("appointment.type." + a.typeCode(), null, java.util.Locale.ENGLISH) + " · "
                                + a.fileNumber(), a.roomName(), false))
                .toList();
        audit.record(new AuditRecord(AuditAction.READ, "calendar-feed", String.valueOf(practitioner.get()), null,
                AuditOutcome.SUCCESS, events.size() + " events"));
        return Optional.of(CalendarFiles.of(events, null));
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
