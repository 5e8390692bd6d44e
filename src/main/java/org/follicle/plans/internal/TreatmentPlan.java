package org.follicle.plans.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.follicle.system.BusinessRuleException;

/**
 * A patient's course and its rules. Proposed, it is booked (then active); active, it is paused (its upcoming
 * sessions cancelled) and resumed, or completed once no session is left to come; it may be stopped, with a reason,
 * at any time before it ends. Plain Java: {@link PlanStore} maps rows to it, {@link Plans} books and cancels the
 * appointments and stores what a transition returns.
 */
record TreatmentPlan(long id, long organisationId, long clinicId, long patientId, ProtocolDefinition protocol,
        Long formulaId, long practitionerId, Long roomId, LocalDate startsOn, LocalTime sessionTime,
        PlanStatus status, String statusReason, Instant invitedAt, int version, Instant createdAt,
        String createdBy) {

    /** The shortest and the longest reason to pause or stop a course. */
    static final int REASON_MIN = 3;

    static final int REASON_MAX = 500;

    /** Only a proposed course is booked. */
    void requireProposed() {
        if (status != PlanStatus.PROPOSED) {
            throw new BusinessRuleException("plan.notProposed");
        }
    }

    /** An active course pauses, with the reason its upcoming sessions are cancelled for. */
    Change pause(String reason) {
        requireStatus(PlanStatus.ACTIVE);
        return new Change(PlanStatus.PAUSED, reason(reason));
    }

    /**
     * A paused course resumes from a day: the visits not yet attended, moved by as many days as the first of them
     * moves, to be placed on the calendar again.
     *
     * @param attended the sequences of the course's visits already attended
     */
    List<ProtocolDefinition.Visit> resumedVisits(Set<Integer> attended, LocalDate from) {
        requireResumable();
        List<ProtocolDefinition.Visit> remaining = protocol.visits(startsOn).stream()
                .filter(v -> !attended.contains(v.sequence())).toList();
        if (remaining.isEmpty()) {
            throw new BusinessRuleException("plan.nothingLeft");
        }
        long offset = ChronoUnit.DAYS.between(remaining.get(0).target(), from);
        return remaining.stream().map(v -> new ProtocolDefinition.Visit(v.sequence(), v.kind(), v.typeCode(),
                v.target().plusDays(offset), v.milestone())).toList();
    }

    /** Only a paused course resumes. */
    void requireResumable() {
        requireStatus(PlanStatus.PAUSED);
    }

    /** A course not yet ended stops for good, with the reason. */
    Change stop(String reason) {
        if (status == PlanStatus.STOPPED || status == PlanStatus.COMPLETED) {
            throw new BusinessRuleException("plan.closed");
        }
        return new Change(PlanStatus.STOPPED, reason(reason));
    }

    /** An active course completes once none of its treatment sessions is still booked. */
    Change complete(boolean sessionsStillBooked) {
        requireStatus(PlanStatus.ACTIVE);
        if (sessionsStillBooked) {
            throw new BusinessRuleException("plan.sessionsRemain");
        }
        return new Change(PlanStatus.COMPLETED, null);
    }

    private void requireStatus(PlanStatus expected) {
        if (status != expected) {
            throw new BusinessRuleException("plan.wrongStatus", status);
        }
    }

    private static String reason(String reason) {
        String text = reason == null ? "" : reason.trim();
        if (text.length() < REASON_MIN || text.length() > REASON_MAX) {
            throw BusinessRuleException.onField("reason", "plan.reasonRequired");
        }
        return text;
    }

    /** Where a transition leaves the course, and why. */
    record Change(PlanStatus status, String reason) {
    }
}
