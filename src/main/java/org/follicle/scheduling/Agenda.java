package org.follicle.scheduling;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When a practitioner can see a patient in a clinic over some days: the clinic's opening hours, the
 * practitioner's working hours, the clinic's closures and the time already taken (by the practitioner or the
 * room). Times are wall-clock times in the clinic's zone, so a weekly 10:00 session stays at 10:00 across a
 * daylight-saving change. An agenda only proposes: the database has the last word on double booking.
 */
public final class Agenda {

    /** Alternatives to the preferred time are looked for on this grid. */
    static final Duration STEP = Duration.ofMinutes(15);

    private final ZoneId zone;

    private final Map<DayOfWeek, List<Hours>> opening;

    private final Map<DayOfWeek, List<Hours>> working;

    private final Map<LocalDate, String> closures;

    private final List<Busy> busy;

    public Agenda(ZoneId zone, Map<DayOfWeek, List<Hours>> opening, Map<DayOfWeek, List<Hours>> working,
            Map<LocalDate, String> closures, List<Busy> busy) {
        this.zone = zone;
        this.opening = Map.copyOf(opening);
        this.working = Map.copyOf(working);
        this.closures = Map.copyOf(closures);
        this.busy = new ArrayList<>(busy);
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * The start of a free slot of that length on that day: the preferred time if it is free, else the free start
     * nearest to it (earlier first on a tie); empty when the clinic is closed or the practitioner does not work
     * or has no room left that day.
     */
    public Optional<ZonedDateTime> slot(LocalDate day, LocalTime preferred, Duration length) {
        if (closures.containsKey(day)) {
            return Optional.empty();
        }
        List<LocalTime> starts = new ArrayList<>();
        for (Hours window : windows(day.getDayOfWeek())) {
            for (LocalTime t = window.from(); !t.plus(length).isAfter(window.to())
                    && !t.plus(length).isBefore(t); t = t.plus(STEP)) {
                starts.add(t);
            }
            if (window.contains(preferred, length)) {
                starts.add(preferred);
            }
        }
        return starts.stream().distinct()
                .sorted(Comparator.comparing((LocalTime t) -> Math.abs(Duration.between(preferred, t).toMinutes()))
                        .thenComparing(t -> t))
                .map(t -> ZonedDateTime.of(day, t, zone))
                .filter(start -> isFree(start.toInstant(), start.toInstant().plus(length)))
                .findFirst();
    }

    /** Every free start of that length on a day, on the grid, in order; none when the clinic is closed. */
    public List<ZonedDateTime> freeStarts(LocalDate day, Duration length) {
        if (closures.containsKey(day)) {
            return List.of();
        }
        List<ZonedDateTime> starts = new ArrayList<>();
        for (Hours window : windows(day.getDayOfWeek())) {
            for (LocalTime t = window.from(); !t.plus(length).isAfter(window.to())
                    && !t.plus(length).isBefore(t); t = t.plus(STEP)) {
                ZonedDateTime start = ZonedDateTime.of(day, t, zone);
                if (isFree(start.toInstant(), start.toInstant().plus(length))) {
                    starts.add(start);
                }
            }
        }
        starts.sort(Comparator.naturalOrder());
        return starts;
    }

    /** Why an appointment cannot be at that time, or empty when the clinic is open and the practitioner works. */
    public Optional<Problem> problemAt(ZonedDateTime start, Duration length) {
        ZonedDateTime local = start.withZoneSameInstant(zone);
        LocalDate day = local.toLocalDate();
        if (closures.containsKey(day)) {
            return Optional.of(new Problem(Problem.Kind.CLOSED, closures.get(day)));
        }
        ZonedDateTime end = local.plus(length);
        if (!end.toLocalDate().equals(day)) {
            return Optional.of(new Problem(Problem.Kind.OUTSIDE_OPENING_HOURS, null));
        }
        if (!within(opening.getOrDefault(day.getDayOfWeek(), List.of()), local.toLocalTime(), end.toLocalTime())) {
            return Optional.of(new Problem(Problem.Kind.OUTSIDE_OPENING_HOURS, null));
        }
        if (!within(working.getOrDefault(day.getDayOfWeek(), List.of()), local.toLocalTime(), end.toLocalTime())) {
            return Optional.of(new Problem(Problem.Kind.OUTSIDE_WORKING_HOURS, null));
        }
        return Optional.empty();
    }

    /** Takes the time, so that later proposals of the same course avoid it. */
    public void take(Instant from, Instant to) {
        busy.add(new Busy(from, to));
    }

    private boolean isFree(Instant from, Instant to) {
        return busy.stream().noneMatch(b -> b.from().isBefore(to) && from.isBefore(b.to()));
    }

    /** Where the clinic is open and the practitioner works on a weekday. */
    private List<Hours> windows(DayOfWeek day) {
        List<Hours> result = new ArrayList<>();
        for (Hours open : opening.getOrDefault(day, List.of())) {
            for (Hours work : working.getOrDefault(day, List.of())) {
                LocalTime from = open.from().isAfter(work.from()) ? open.from() : work.from();
                LocalTime to = open.to().isBefore(work.to()) ? open.to() : work.to();
                if (from.isBefore(to)) {
                    result.add(new Hours(from, to));
                }
            }
        }
        return result;
    }

    private static boolean within(List<Hours> hours, LocalTime from, LocalTime to) {
        return hours.stream().anyMatch(h -> !from.isBefore(h.from()) && !to.isAfter(h.to()));
    }

    /** A span of wall-clock time in a day. */
    public record Hours(LocalTime from, LocalTime to) {

        boolean contains(LocalTime start, Duration length) {
            LocalTime end = start.plus(length);
            return !start.isBefore(from) && !end.isAfter(to) && end.isAfter(start);
        }
    }

    /** Time already taken. */
    public record Busy(Instant from, Instant to) {
    }

    /** Why a time does not suit; {@code detail} is the closure's reason. */
    public record Problem(Kind kind, String detail) {

        public enum Kind {
            CLOSED, OUTSIDE_OPENING_HOURS, OUTSIDE_WORKING_HOURS
        }
    }
}
