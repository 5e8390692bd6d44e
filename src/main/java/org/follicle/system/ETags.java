package org.follicle.system;

/**
 * Optimistic concurrency on the JSON API: a record's version is its ETag, and an update must send it back
 * in If-Match. A missing header answers 428 and a stale one 412.
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version the client last read, from its If-Match header. */
    public static int requireVersion(String ifMatch, String recordType, Object id) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException();
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Integer.parseInt(tag);
        }
        catch (NumberFormatException e) {
            throw new StaleRecordException(recordType, id);
        }
    }
}
