package org.follicle.security.internal;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Semaphore;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id password hashes with Spring Security's {@code defaultsForSpringSecurity_v5_8} parameters (16 MB, two
 * passes, one lane), written as its {@code Argon2PasswordEncoder} writes them, so that each verifies the other's
 * hashes; but the 16 MB a hash works in are kept and reused. Spring's encoder takes them afresh for every hash
 * (16,384 blocks of 1 KB), which live as long as the hash runs: forty practitioners signing in within twenty
 * seconds made the collector copy hundreds of megabytes of them between regions, pausing every request ten
 * times as long as usual (docs/performance.md). At most {@code concurrent} hashes run at once, so the blocks
 * kept are bounded; a sign-in beyond that waits its turn (a hash is about 0.1 s of one core).
 */
final class Argon2Passwords implements PasswordEncoder {

    private static final Logger log = LoggerFactory.getLogger(Argon2Passwords.class);

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final int LANES = 1;
    private static final int MEMORY_KB = 1 << 14;
    private static final int ITERATIONS = 2;

    private static final Base64.Encoder BASE64 = Base64.getEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();
    private final Semaphore turns;
    private final Argon2BytesGenerator.BlockPool blocks;

    /** {@code concurrent}: hashes that may run at once (more than the cores only adds memory). */
    Argon2Passwords(int concurrent) {
        this.turns = new Semaphore(concurrent, true);
        // A block is 1 KB: the pool keeps what the concurrent hashes need at the default memory.
        this.blocks = new Argon2BytesGenerator.FixedBlockPool(concurrent * MEMORY_KB);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Argon2Parameters parameters = parameters(Argon2Parameters.ARGON2_id, Argon2Parameters.ARGON2_VERSION_13, salt,
                LANES, MEMORY_KB, ITERATIONS);
        byte[] hash = hash(parameters, rawPassword, HASH_BYTES);
        return "$argon2id$v=" + parameters.getVersion() + "$m=" + MEMORY_KB + ",t=" + ITERATIONS + ",p=" + LANES
                + "$" + BASE64.encodeToString(salt) + "$" + BASE64.encodeToString(hash);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        Stored stored;
        try {
            stored = Stored.parse(encodedPassword);
        }
        catch (IllegalArgumentException e) {
            log.warn("Not an Argon2 password hash: {}", e.getMessage());
            return false;
        }
        Argon2Parameters parameters = parameters(stored.type(), stored.version(), stored.salt(), stored.lanes(),
                stored.memoryKb(), stored.iterations());
        return MessageDigest.isEqual(stored.hash(), hash(parameters, rawPassword, stored.hash().length));
    }

    /** A hash made with less memory or fewer passes than today's is hashed again at the next sign-in. */
    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        try {
            Stored stored = Stored.parse(encodedPassword);
            return stored.memoryKb() < MEMORY_KB || stored.iterations() < ITERATIONS;
        }
        catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Every hash, new or checked, works in the shared pool's blocks. */
    private Argon2Parameters parameters(int type, int version, byte[] salt, int lanes, int memoryKb, int iterations) {
        return new Argon2Parameters.Builder(type).withVersion(version).withSalt(salt).withParallelism(lanes)
                .withMemoryAsKB(memoryKb).withIterations(iterations).withBlockPool(blocks).build();
    }

    private byte[] hash(Argon2Parameters parameters, CharSequence rawPassword, int length) {
        byte[] hash = new byte[length];
        turns.acquireUninterruptibly();
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(parameters);
            generator.generateBytes(rawPassword.toString().toCharArray(), hash);
        }
        finally {
            turns.release();
        }
        return hash;
    }

    /** {@code $argon2id$v=19$m=16384,t=2,p=1$salt$hash}, the salt and hash in Base64 without padding. */
    record Stored(int type, int version, int memoryKb, int iterations, int lanes, byte[] salt, byte[] hash) {

        static Stored parse(String encoded) {
            if (encoded == null || encoded.isEmpty()) {
                throw new IllegalArgumentException("empty");
            }
            String[] parts = encoded.split("\\$");
            if (parts.length < 5 || !parts[0].isEmpty()) {
                throw new IllegalArgumentException("not $type$v=...$m=...,t=...,p=...$salt$hash");
            }
            int type = switch (parts[1]) {
                case "argon2d" -> Argon2Parameters.ARGON2_d;
                case "argon2i" -> Argon2Parameters.ARGON2_i;
                case "argon2id" -> Argon2Parameters.ARGON2_id;
                default -> throw new IllegalArgumentException("unknown type " + parts[1]);
            };
            int next = 2;
            int version = Argon2Parameters.ARGON2_VERSION_10;
            if (parts[next].startsWith("v=")) {
                version = number(parts[next++].substring(2));
            }
            if (parts.length != next + 3) {
                throw new IllegalArgumentException("expected parameters, salt and hash");
            }
            int memory = -1;
            int iterations = -1;
            int lanes = -1;
            for (String parameter : parts[next].split(",")) {
                String[] pair = parameter.split("=", 2);
                if (pair.length != 2) {
                    throw new IllegalArgumentException("parameter " + parameter);
                }
                switch (pair[0]) {
                    case "m" -> memory = number(pair[1]);
                    case "t" -> iterations = number(pair[1]);
                    case "p" -> lanes = number(pair[1]);
                    default -> throw new IllegalArgumentException("unknown parameter " + pair[0]);
                }
            }
            if (memory < 1 || iterations < 1 || lanes < 1) {
                throw new IllegalArgumentException("m, t and p are needed");
            }
            Base64.Decoder base64 = Base64.getDecoder();
            byte[] hash = base64.decode(parts[next + 2]);
            if (hash.length == 0) {
                throw new IllegalArgumentException("empty hash");
            }
            return new Stored(type, version, memory, iterations, lanes, base64.decode(parts[next + 1]), hash);
        }

        private static int number(String text) {
            try {
                return Integer.parseInt(text);
            }
            catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number: " + text);
            }
        }
    }
}
