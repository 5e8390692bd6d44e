package org.follicle.sessions.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.follicle.intake.Decision;
import org.follicle.intake.Finding;
import org.follicle.intake.ReviewedScreening;
import org.follicle.intake.ScreeningResult;
import org.follicle.sessions.SessionSigned;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.StaleRecordException;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A treatment session and its rules. It starts from an appointment once the screening lets it (or a practitioner's
 * written reason overrides it), is charted while open, is signed once and is then locked: corrections are
 * addenda. Plain Java: {@link SessionStore} maps rows to it, {@link Sessions} brings what the rules need from other
 * modules (the scalp map's zones, the patient's photos, what the patient may not receive) and stores what a
 * transition returns.
 *
 * @param chart what was done, where and with what; {@code null} until the first save
 * @param screeningFindings the rules that stopped the session at its start, which its override covers
 */
record TreatmentSession(long id, long organisationId, long clinicId, long patientId, long appointmentId,
        long practitionerId, SessionModality modality, Long formulaId, SessionInputs.Precheck precheck,
        Decision screeningDecision, List<String> screeningFindings, String overrideReason,
        @JsonIgnore SessionInputs.Chart chart, Status status, Long preparationId, Instant signedAt, String signedBy,
        int version, Instant startedAt, String startedBy) {

    /** Injections deeper than this reach beyond the dermis on the scalp (knowledge base §2: always under 4 mm). */
    static final BigDecimal DEPTH_WARNING_MM = new BigDecimal("4");

    /** An anaesthetic cream over a larger area, or under occlusion, raises its blood level (a warning). */
    static final int ANAESTHETIC_AREA_WARNING_CM2 = 100;

    /** The shortest reason a practitioner may give to treat despite the screening. */
    static final int OVERRIDE_REASON_MIN = 10;

    enum Status {
        OPEN, SIGNED
    }

    public boolean signed() {
        return status == Status.SIGNED;
    }

    /** The chart as the API shows it: an empty object before the first save. */
    @JsonProperty("chart")
    Object chartShown() {
        return chart == null ? Map.of() : chart;
    }

    /** What the screening at the start decided, over the session's modalities, and what stops it. */
    record Screened(Decision decision, List<Finding> stopping) {

        /** A finding stops the start unless a practitioner's review in force already cleared its screening. */
        static Screened of(List<ReviewedScreening> screenings, LocalDate today) {
            Decision decision = Decision.ELIGIBLE;
            List<Finding> stopping = new ArrayList<>();
            for (ReviewedScreening screening : screenings) {
                ScreeningResult result = screening.result();
                if (result.decision().compareTo(decision) < 0) {
                    decision = result.decision();
                }
                boolean stops = result.decision() == Decision.NOT_ELIGIBLE || (result.decision() == Decision.DEFERRED
                        && (result.deferredUntil() == null || result.deferredUntil().isAfter(today)));
                if (stops && !screening.cleared()) {
                    stopping.addAll(result.findings());
                }
            }
            return new Screened(decision, List.copyOf(stopping));
        }

        /**
         * The reason the session may start with, or {@code null} when nothing stops it. A stopping finding needs a
         * practitioner's written reason; the refusal names the strictest finding.
         *
         * @param decisionName the decision's name in the reader's language
         * @param message a finding's text in the reader's language
         */
        String override(String reason, Function<Decision, String> decisionName, Function<Finding, String> message) {
            if (stopping.isEmpty()) {
                return null;
            }
            String given = reason == null ? "" : reason.trim();
            if (given.isEmpty()) {
                throw BusinessRuleException.onField("overrideReason", "session.screeningStops",
                        decisionName.apply(decision), message.apply(stopping.stream()
                                .min(Comparator.comparing(Finding::ruleClass)).orElseThrow()));
            }
            if (given.length() < OVERRIDE_REASON_MIN) {
                throw BusinessRuleException.onField("overrideReason", "appointment.overrideReasonShort",
                        OVERRIDE_REASON_MIN);
            }
            return given;
        }

        List<String> findingIds() {
            return stopping.stream().map(Finding::ruleId).toList();
        }
    }

    /**
     * Checks a chart before it is saved: the session is open, its zones are on the scalp map and its photos are
     * the patient's. Returns what it deserves a second look for (charted anyway).
     */
    List<DefaultMessageSourceResolvable> checkChart(SessionInputs.Chart chart, Collection<String> mapZones,
            Collection<Long> patientPhotos) {
        requireOpen();
        if (chart.zones() != null) {
            chart.zones().stream().filter(z -> !mapZones.contains(z.zone())).findFirst().ifPresent(z -> {
                throw BusinessRuleException.onField("zones", "session.unknownZone", z.zone());
            });
        }
        if (chart.photoIds() != null) {
            chart.photoIds().stream().filter(p -> !patientPhotos.contains(p)).findFirst().ifPresent(p -> {
                throw BusinessRuleException.onField("photoIds", "session.unknownPhoto", p);
            });
        }
        return warnings(chart);
    }

    /** What a chart deserves a second look for: an injection too deep, an anaesthetic over a large area. */
    static List<DefaultMessageSourceResolvable> warnings(SessionInputs.Chart chart) {
        List<DefaultMessageSourceResolvable> warnings = new ArrayList<>();
        if (chart.depthMm() != null && chart.depthMm().compareTo(DEPTH_WARNING_MM) > 0) {
            warnings.add(message("session.depthWarning", chart.depthMm()));
        }
        SessionInputs.Anaesthetic anaesthetic = chart.anaesthetic();
        if (anaesthetic != null && (Boolean.TRUE.equals(anaesthetic.occluded())
                || (anaesthetic.areaCm2() != null && anaesthetic.areaCm2() > ANAESTHETIC_AREA_WARNING_CM2))) {
            warnings.add(message("session.anaestheticWarning"));
        }
        return warnings;
    }

    /**
     * Signs the session: it must be open, at this version, and charted with lots and zones (a mechanical session
     * needs neither). Signing refuses what the chart gives that the patient may not receive.
     *
     * @param refusals what a chart gives that the patient may not receive, as sentences
     * @return the fact, for the lots to be used and the appointment to be attended
     */
    Signing sign(int expectedVersion, Function<SessionInputs.Chart, List<String>> refusals, Instant at, String by) {
        requireOpen();
        if (version != expectedVersion) {
            throw new StaleRecordException(Sessions.SESSION, id);
        }
        if (chart == null) {
            throw new BusinessRuleException("session.notCharted");
        }
        List<SessionInputs.LotUse> lots = chart.lots() == null ? List.of() : List.copyOf(chart.lots());
        if (lots.isEmpty() && modality != SessionModality.MECHANICAL) {
            throw BusinessRuleException.onField("lots", "session.noLots");
        }
        if (modality != SessionModality.MECHANICAL && (chart.zones() == null || chart.zones().isEmpty())) {
            throw BusinessRuleException.onField("zones", "session.noZones");
        }
        List<String> refused = refusals.apply(chart);
        if (!refused.isEmpty()) {
            throw BusinessRuleException.onField("lots", "session.refusedAtSigning", String.join(" ", refused));
        }
        return new Signing(this, lots, at, by);
    }

    /** An addendum corrects a signed session; an open one is charted instead. */
    void requireSignedForAddendum() {
        if (!signed()) {
            throw new BusinessRuleException("session.addendumOnSigned");
        }
    }

    /** The findings that the override given at the start does not cover. */
    List<Finding> uncovered(List<Finding> findings) {
        if (overrideReason == null || findings.isEmpty()) {
            return findings;
        }
        Set<String> overridden = new HashSet<>(screeningFindings);
        return findings.stream().filter(f -> !overridden.contains(f.ruleId())).toList();
    }

    /** The lots the chart names, in its order. */
    List<Long> chartedLotIds() {
        return chart == null || chart.lots() == null ? List.of()
                : chart.lots().stream().map(SessionInputs.LotUse::lotId).toList();
    }

    private void requireOpen() {
        if (signed()) {
            throw new BusinessRuleException("session.signedLocked");
        }
    }

    private static DefaultMessageSourceResolvable message(String key, Object... args) {
        return new DefaultMessageSourceResolvable(new String[] { key }, args);
    }

    /** A session being signed: the lots it uses, when and by whom. */
    record Signing(TreatmentSession session, List<SessionInputs.LotUse> lots, Instant at, String by) {

        /** What the signing tells the rest of the application, once the lots are used. */
        SessionSigned fact(Long preparationId) {
            return new SessionSigned(session.id(), session.appointmentId(), session.clinicId(), session.patientId(),
                    preparationId, at);
        }

        /** The key that makes the lots' use happen once, whatever the retries. */
        String preparationKey() {
            return "session-" + session.id();
        }
    }
}
