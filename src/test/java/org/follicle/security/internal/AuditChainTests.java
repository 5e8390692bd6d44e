package org.follicle.security.internal;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditChainTests {

    private final AuditEntry entry = new AuditEntry(5, Instant.parse("2026-11-21T10:15:30.123456Z"), 1L, "admin", 3L,
            "ADMIN", 2L, "READ", "patient", "42", "127.0.0.1", "SUCCESS", null, null, null, null);

    @Test
    void hashIsStableForTheSameEntry() {
        assertThat(AuditChain.hash(entry, AuditChain.GENESIS)).isEqualTo(AuditChain.hash(entry, AuditChain.GENESIS))
                .hasSize(64);
    }

    @Test
    void hashChangesWithAnyFieldOrThePreviousHash() {
        String original = AuditChain.hash(entry, AuditChain.GENESIS);
        AuditEntry otherRecord = new AuditEntry(5, entry.occurredAt(), 1L, "admin", 3L, "ADMIN", 2L, "READ", "patient",
                "43", "127.0.0.1", "SUCCESS", null, null, null, null);
        assertThat(AuditChain.hash(otherRecord, AuditChain.GENESIS)).isNotEqualTo(original);
        assertThat(AuditChain.hash(entry, "1".repeat(64))).isNotEqualTo(original);
    }

    @Test
    void fieldsCannotBeShiftedIntoTheirNeighbours() {
        AuditEntry a = new AuditEntry(5, entry.occurredAt(), 1L, "ad", 3L, "min", 2L, "READ", null, null, null,
                "SUCCESS", null, null, null, null);
        AuditEntry b = new AuditEntry(5, entry.occurredAt(), 1L, "adm", 3L, "in", 2L, "READ", null, null, null,
                "SUCCESS", null, null, null, null);
        assertThat(AuditChain.hash(a, AuditChain.GENESIS)).isNotEqualTo(AuditChain.hash(b, AuditChain.GENESIS));
    }

    @Test
    void nullAndEmptyAreDifferent() {
        AuditEntry empty = new AuditEntry(5, entry.occurredAt(), 1L, "admin", 3L, "ADMIN", 2L, "READ", "", null, null,
                "SUCCESS", null, null, null, null);
        AuditEntry none = new AuditEntry(5, entry.occurredAt(), 1L, "admin", 3L, "ADMIN", 2L, "READ", null, null, null,
                "SUCCESS", null, null, null, null);
        assertThat(AuditChain.hash(empty, AuditChain.GENESIS)).isNotEqualTo(AuditChain.hash(none, AuditChain.GENESIS));
    }

    /** Keyed, an entry's hash cannot be computed without the key, and names the key it was made with. */
    @Test
    void aKeyedHashNeedsTheKeyAndCoversItsName() {
        AuditKeys keys = AuditKeys.of(java.util.Map.of("k1", new byte[32]));
        AuditKeys other = AuditKeys.of(java.util.Map.of("k1", "another key of thirty-two bytes!".getBytes()));
        AuditEntry keyed = entry.chained(5, AuditChain.GENESIS, keys);
        assertThat(keyed.keyId()).isEqualTo("k1");
        assertThat(keyed.hash()).isNotEqualTo(AuditChain.hash(entry, AuditChain.GENESIS))
                .isEqualTo(keys.hash(keyed, AuditChain.GENESIS))
                .isNotEqualTo(other.hash(keyed, AuditChain.GENESIS));
        AuditEntry renamed = new AuditEntry(keyed.seq(), keyed.occurredAt(), 1L, "admin", 3L, "ADMIN", 2L, "READ",
                "patient", "42", "127.0.0.1", "SUCCESS", null, AuditChain.GENESIS, null, "k2");
        assertThat(AuditKeys.of(java.util.Map.of("k2", new byte[32])).hash(renamed, AuditChain.GENESIS))
                .isNotEqualTo(keyed.hash());
        assertThat(keys.hash(renamed, AuditChain.GENESIS)).as("a key this installation does not have").isNull();
    }
}
