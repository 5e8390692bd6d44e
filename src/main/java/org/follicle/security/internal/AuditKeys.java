package org.follicle.security.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.follicle.security.Seals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The secret that keys the audit chain, held outside the database: each entry's hash is an HMAC-SHA256 under a
 * key the database does not hold, so that someone with the application's database login cannot rewrite an entry
 * and compute a hash that verifies. The keys are a file ({@code follicle.audit.key-file}, one {@code id=base64}
 * line per key): the last line keys new entries, the earlier ones still verify the entries they keyed (rotation
 * appends a line). Without a file one is created with a random key, readable by its owner only; in production it
 * belongs on a volume of its own or a mounted secret, and in the backups apart from the database's.
 */
@Component
class AuditKeys implements Seals {

    private static final Logger log = LoggerFactory.getLogger(AuditKeys.class);

    private static final String ALGORITHM = "HmacSHA256";

    private final Map<String, SecretKeySpec> keys;

    private final String currentId;

    @Autowired
    AuditKeys(@Value("${follicle.audit.key-file:${FOLLICLE_DATA_DIR:data}/audit.keys}") Path file) {
        this(read(file));
    }

    private AuditKeys(Map<String, SecretKeySpec> keys) {
        this.keys = keys;
        this.currentId = List.copyOf(keys.keySet()).get(keys.size() - 1);
    }

    /** Keys as given, for tests: the last keys new entries. */
    static AuditKeys of(Map<String, byte[]> keys) {
        Map<String, SecretKeySpec> specs = new LinkedHashMap<>();
        keys.forEach((id, key) -> specs.put(id, new SecretKeySpec(key, ALGORITHM)));
        return new AuditKeys(specs);
    }

    String currentId() {
        return currentId;
    }

    /**
     * The entry's hash: HMAC-SHA256 under its key, or plain SHA-256 for an entry written before the chain was
     * keyed ({@code keyId} null); null when the entry names a key this installation does not have.
     */
    String hash(AuditEntry entry, String previousHash) {
        String canonical = AuditChain.canonical(entry, previousHash);
        if (entry.keyId() == null) {
            return AuditChain.sha256(canonical);
        }
        return mac(entry.keyId(), canonical);
    }

    @Override
    public Seal seal(String text) {
        return new Seal(currentId, mac(currentId, text));
    }

    @Override
    public boolean verifies(String text, Seal seal) {
        String expected = mac(seal.keyId(), text);
        return expected != null && java.security.MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), seal.hash().getBytes(StandardCharsets.US_ASCII));
    }

    /** HMAC-SHA256 of the text under the named key, hex; null for a key this installation does not have. */
    String mac(String keyId, String text) {
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static Map<String, SecretKeySpec> read(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            Map<String, SecretKeySpec> read = new LinkedHashMap<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                int equals = trimmed.indexOf('=');
                if (equals <= 0) {
                    throw new IllegalStateException("The audit key file " + file + " has a line that is not id=base64");
                }
                byte[] key = Base64.getDecoder().decode(trimmed.substring(equals + 1).strip());
                if (key.length < 32) {
                    throw new IllegalStateException("Audit key " + trimmed.substring(0, equals)
                            + " is shorter than 256 bits");
                }
                read.put(trimmed.substring(0, equals).strip(), new SecretKeySpec(key, ALGORITHM));
            }
            if (read.isEmpty()) {
                throw new IllegalStateException("The audit key file " + file + " holds no key");
            }
            return read;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit key file " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        String text = "# Keys of the audit chain (HMAC-SHA256): id=base64, the last keys new entries. Keep apart from"
                + " the database.\nk1=" + Base64.getEncoder().encodeToString(key) + "\n";
        Files.writeString(file, text, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        catch (UnsupportedOperationException e) {
            // A file system without POSIX permissions (Windows): its ACLs apply.
        }
        log.info("Created the audit key file {}: keep it apart from the database, and in the backups", file);
    }
}
