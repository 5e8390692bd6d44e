package org.follicle.security.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checkpoints of the audit chain kept outside the database: at intervals, the head's sequence number and hash,
 * signed with the audit key, written as a small file to {@code follicle.audit.anchor-dir}. Someone who deletes the
 * chain's last entries and rewrites the head row leaves a chain shorter than its last checkpoint, or an entry
 * whose hash is not the one the checkpoint saw; verification reports it. The directory belongs with the key, apart
 * from the database (its own volume, or the blob store's bucket).
 */
@Component
class AuditAnchors implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AuditAnchors.class);

    /** A checkpoint: entry {@code seq} had hash {@code hash} at {@code at}, signed under key {@code keyId}. */
    record Anchor(long seq, String hash, Instant at, String keyId, String mac) {

        String signed() {
            return "audit-anchor;" + seq + ";" + hash + ";" + at;
        }
    }

    private final Path dir;

    private final AuditKeys keys;

    private final JdbcClient jdbc;

    private final Clock clock;

    private final ScheduledExecutorService timer;

    AuditAnchors(@Value("${follicle.audit.anchor-dir:${FOLLICLE_DATA_DIR:data}/audit-anchors}") Path dir,
            @Value("${follicle.audit.anchor-interval:PT10M}") Duration interval, AuditKeys keys, JdbcClient jdbc,
            Clock clock) {
        this.dir = dir;
        this.keys = keys;
        this.jdbc = jdbc;
        this.clock = clock;
        if (interval.isZero() || interval.isNegative()) {
            this.timer = null;
            return;
        }
        this.timer = Executors.newSingleThreadScheduledExecutor(run -> {
            Thread thread = new Thread(run, "audit-anchor");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::writeQuietly, interval.toSeconds(), interval.toSeconds(), TimeUnit.SECONDS);
    }

    /** The last checkpoint, and one more when the application stops. */
    @Override
    public void destroy() {
        if (timer != null) {
            timer.shutdownNow();
            writeQuietly();
        }
    }

    /** Where the checkpoints are written. */
    Path dir() {
        return dir;
    }

    /** Writes a checkpoint of the head as it is now; none while the chain is empty. */
    Optional<Anchor> write() {
        Map<String, Object> head = jdbc.sql("SELECT last_seq, last_hash FROM security_audit_head WHERE id = 1")
                .query().singleRow();
        long seq = ((Number) head.get("last_seq")).longValue();
        if (seq == 0) {
            return Optional.empty();
        }
        Anchor unsigned = new Anchor(seq, ((String) head.get("last_hash")).trim(), clock.instant(), keys.currentId(),
                null);
        Anchor anchor = new Anchor(seq, unsigned.hash(), unsigned.at(), unsigned.keyId(),
                keys.mac(unsigned.keyId(), unsigned.signed()));
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("%020d.anchor".formatted(seq));
            Path partial = dir.resolve(file.getFileName() + ".partial");
            Files.writeString(partial, "seq=" + anchor.seq() + "\nhash=" + anchor.hash() + "\nat=" + anchor.at()
                    + "\nkey=" + anchor.keyId() + "\nmac=" + anchor.mac() + "\n", StandardCharsets.UTF_8);
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write the audit checkpoint to " + dir, e);
        }
        return Optional.of(anchor);
    }

    /** Every checkpoint written, in order; {@code forged} holds those whose signature does not verify. */
    List<Anchor> read(List<Anchor> forged) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Anchor> anchors = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".anchor")).toList()) {
                Anchor anchor = parse(Files.readAllLines(file, StandardCharsets.UTF_8));
                if (anchor == null || !anchor.mac().equals(keys.mac(anchor.keyId(), anchor.signed()))) {
                    forged.add(anchor == null ? new Anchor(0, "", Instant.EPOCH, "", "") : anchor);
                }
                else {
                    anchors.add(anchor);
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit checkpoints in " + dir, e);
        }
        anchors.sort(Comparator.comparingLong(Anchor::seq));
        return anchors;
    }

    private static Anchor parse(List<String> lines) {
        Map<String, String> fields = new HashMap<>();
        for (String line : lines) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                fields.put(line.substring(0, equals), line.substring(equals + 1).strip());
            }
        }
        try {
            return new Anchor(Long.parseLong(fields.get("seq")), fields.get("hash"), Instant.parse(fields.get("at")),
                    fields.get("key"), fields.getOrDefault("mac", ""));
        }
        catch (RuntimeException e) {
            return null;
        }
    }

    private void writeQuietly() {
        try {
            write();
        }
        catch (RuntimeException e) {
            log.warn("Audit checkpoint not written: {}", e.toString());
        }
    }
}
