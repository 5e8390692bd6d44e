package org.follicle.security;

/**
 * Seals records that must never change, with the audit chain's keys (HMAC-SHA256 under a key the database does not
 * hold): a module chains its own records by sealing each one's canonical text with the previous seal in it, so that
 * an edited, removed or re-ordered record no longer verifies, even for someone with the database's owner login.
 */
public interface Seals {

    /** The text sealed under the current key. */
    Seal seal(String text);

    /** Whether the seal is the text's under the key it names; false for a key this installation does not have. */
    boolean verifies(String text, Seal seal);

    record Seal(String keyId, String hash) {
    }
}
