package org.follicle.sessions;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The treatment record for systems that exchange records with the clinic (the FHIR API): sessions with what was
 * injected where and from which lots, and side effects with the lots they may trace back to. Reads are checked and
 * audited as on the chart.
 */
public interface SessionExchange {

    /** The patient's sessions, the latest first. */
    List<Treatment> treatmentsOf(long patientId);

    /** One session, if the user may read its patient's record; 404 otherwise. */
    Treatment treatment(long sessionId);

    /** The patient's side effects, the latest first. */
    List<SideEffect> sideEffectsOf(long patientId);

    /** One side effect, if the user may read its patient's record; 404 otherwise. */
    SideEffect sideEffect(long eventId);

    /**
     * A treatment session. Until it is signed, its chart may still change.
     *
     * @param modality CHEMICAL, MECHANICAL, PRP or COMBINED
     * @param technique NAPPAGE, POINT_BY_POINT, INJECTOR_GUN or MICRONEEDLING; null until charted
     */
    record Treatment(long id, long patientId, long clinicId, long appointmentId, long practitionerId, String modality,
            boolean signed, Instant startedAt, Instant signedAt, String signedBy, String technique,
            BigDecimal depthMm, Integer durationMinutes, List<ZoneTreated> zones, List<LotGiven> lots) {
    }

    /** A zone of the scalp map (a scalp site's code) with its injection points and the volume given there. */
    record ZoneTreated(String zone, int points, BigDecimal volumeMl) {
    }

    /** A lot the session used, as its label reads. */
    record LotGiven(long lotId, String productName, String lotNumber, LocalDate expiry, int quantity) {
    }

    /**
     * A side effect, with the lots of its session.
     *
     * @param severity MILD, MODERATE, SEVERE or SERIOUS
     * @param relation UNRELATED, UNLIKELY, POSSIBLE, PROBABLE or CERTAIN
     * @param outcome ONGOING, RESOLVED, RESOLVED_WITH_SEQUELAE or UNKNOWN
     */
    record SideEffect(long id, long patientId, long clinicId, Long sessionId, String kind, String description,
            LocalDate onsetOn, String severity, String relation, String actionTaken, String outcome, int version,
            Instant recordedAt, List<LotGiven> lots) {
    }
}
