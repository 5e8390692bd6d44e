package org.follicle.plans.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.follicle.scheduling.Agenda;
import org.follicle.scheduling.AppointmentType;

/**
 * Places a course's visits on a practitioner's agenda: each on its target day at the preferred time, else at the
 * nearest free time that day, else on the next days; never sooner after the previous treatment of its type than
 * the type's minimum interval. Later visits keep their own targets, so one visit pushed by a holiday does not drag
 * the rest of the course.
 */
final class CourseScheduler {

    /** How far past its target a visit may be pushed before the proposal gives up on it. */
    static final int MAX_SHIFT_DAYS = 14;

    private CourseScheduler() {
    }

    /** Places the treatment sessions first (their spacing is the treatment), then the follow-up visits around them. */
    static List<Placed> place(List<ProtocolDefinition.Visit> visits, Agenda agenda, LocalTime preferred,
            Map<String, AppointmentType> types) {
        List<Placed> placed = new ArrayList<>();
        Map<String, LocalDate> lastOfType = new HashMap<>();
        List<ProtocolDefinition.Visit> order = new ArrayList<>(visits);
        order.sort(java.util.Comparator.comparing((ProtocolDefinition.Visit v) -> !types.get(v.typeCode()).treatment())
                .thenComparing(ProtocolDefinition.Visit::sequence));
        for (ProtocolDefinition.Visit visit : order) {
            AppointmentType type = types.get(visit.typeCode());
            LocalDate earliest = visit.target();
            LocalDate last = lastOfType.get(visit.typeCode());
            if (type.treatment() && last != null && type.minimumIntervalDays() > 0) {
                LocalDate allowed = last.plusDays(type.minimumIntervalDays());
                earliest = allowed.isAfter(earliest) ? allowed : earliest;
            }
            Duration length = Duration.ofMinutes(type.durationMinutes());
            Optional<ZonedDateTime> start = Optional.empty();
            for (LocalDate day = earliest; start.isEmpty()
                    && !day.isAfter(visit.target().plusDays(MAX_SHIFT_DAYS)); day = day.plusDays(1)) {
                start = agenda.slot(day, preferred, length);
            }
            start.ifPresent(s -> {
                agenda.take(s.toInstant(), s.plus(length).toInstant());
                lastOfType.put(visit.typeCode(), s.toLocalDate());
            });
            placed.add(new Placed(visit, start.orElse(null)));
        }
        placed.sort(java.util.Comparator.comparing(p -> p.visit().sequence()));
        return placed;
    }

    /** A visit and where it goes, or {@code null} when no free time was found near its target. */
    record Placed(ProtocolDefinition.Visit visit, ZonedDateTime start) {

        public boolean isPlaced() {
            return start != null;
        }

        /** Days past the target (a holiday, a full day); 0 on target. */
        public long shiftDays() {
            return start == null ? 0 : ChronoUnit.DAYS.between(visit.target(), start.toLocalDate());
        }
    }
}
