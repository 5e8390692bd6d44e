package org.follicle.fhir.internal;

import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Reference;

/**
 * Resource ids. Records keep their own ids; an organisation and its clinics are both Organizations, told apart by
 * a prefix ({@code organisation-1}, {@code clinic-2}).
 */
final class Ids {

    static final String ORGANISATION = "organisation-";

    static final String CLINIC = "clinic-";

    private Ids() {
    }

    /** The record id of a plain numeric resource id; 404 for anything else (it cannot name a record). */
    static long number(IIdType id) {
        return number(id.getIdPart(), "");
    }

    /** The record id after a prefix; 404 when the id is not of that form. */
    static long number(String id, String prefix) {
        if (id == null || !id.startsWith(prefix)) {
            throw new ResourceNotFoundException(id);
        }
        try {
            return Long.parseLong(id.substring(prefix.length()));
        }
        catch (NumberFormatException e) {
            throw new ResourceNotFoundException(id);
        }
    }

    static Reference patient(long id) {
        return new Reference("Patient/" + id);
    }

    static Reference clinic(long id) {
        return new Reference("Organization/" + CLINIC + id);
    }

    static Reference organisation(long id) {
        return new Reference("Organization/" + ORGANISATION + id);
    }
}
