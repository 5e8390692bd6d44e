package org.follicle.system;

/** Follicle is too busy for this request now: answered 503 with a time to retry after. */
public class BusyException extends RuntimeException {

    public BusyException() {
        super("busy", null, false, false);
    }
}
