package org.follicle.system;

/**
 * The record does not exist, or the user may not know it exists: both answer 404, so that a clinic's
 * records cannot be discovered from another clinic by probing ids.
 */
public class RecordNotFoundException extends RuntimeException {

    private final String recordType;

    public RecordNotFoundException(String recordType, Object id) {
        super(recordType + " " + id + " not found");
        this.recordType = recordType;
    }

    public String recordType() {
        return recordType;
    }
}
