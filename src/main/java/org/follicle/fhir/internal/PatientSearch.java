package org.follicle.fhir.internal;

import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;

/** The patient a clinical search is about: every clinical search names one, as {@code patient} or {@code subject}. */
final class PatientSearch {

    private PatientSearch() {
    }

    static long of(ReferenceParam patient, ReferenceParam subject) {
        ReferenceParam given = patient != null ? patient : subject;
        if (given == null || given.getIdPart() == null) {
            throw new InvalidRequestException("fhir.search.patientRequired");
        }
        if (given.getResourceType() != null && !"Patient".equals(given.getResourceType())) {
            throw new InvalidRequestException("fhir.search.subjectNotPatient");
        }
        return Ids.number(given.getIdPart(), "");
    }
}
