package org.follicle.system;

/** An update of the API came without If-Match: it could overwrite someone else's change (HTTP 428). */
public class PreconditionRequiredException extends RuntimeException {

    public PreconditionRequiredException() {
        super("If-Match header required");
    }
}
