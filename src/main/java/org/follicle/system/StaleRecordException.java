package org.follicle.system;

/** Someone changed the record since the client read it: the write is refused so nothing is lost (HTTP 412). */
public class StaleRecordException extends RuntimeException {

    public StaleRecordException(String recordType, Object id) {
        super(recordType + " " + id + " was changed by someone else");
    }
}
