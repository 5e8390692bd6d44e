package org.follicle.plans.internal;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A protocol as clinicians write it (knowledge/protocols.json): induction phases, evaluation milestones,
 * maintenance and day-based check-ins, with its source. Intervals are ISO-8601 periods.
 */
record ProtocolDefinition(@NotBlank @Pattern(regexp = "[A-Z0-9_]{2,60}") String code,
        @NotNull Map<@Pattern(regexp = "en|fr|es") String, @NotBlank @Size(max = 200) String> names, String modality,
        @NotNull @Size(max = 10) List<@Valid @NotNull Phase> induction,
        @NotNull @Size(max = 12) List<@Valid @NotNull Milestone> milestones, Period maintenance,
        @NotNull @Size(max = 20) List<@NotNull Period> checkIns, @NotBlank @Size(max = 1000) String source) {

    /** Evaluations and check-ins are follow-up visits. */
    static final String FOLLOW_UP = "FOLLOW_UP";

    public String name(Locale locale) {
        return names.getOrDefault(locale.getLanguage(), names.get("en"));
    }

    /** Every visit of the course in date order, numbered from 1, their target days counted from the start. */
    List<Visit> visits(LocalDate start) {
        List<Visit> visits = new ArrayList<>();
        LocalDate day = start;
        int session = 0;
        for (Phase phase : induction) {
            for (int i = 0; i < phase.sessions(); i++) {
                if (session > 0) {
                    day = day.plus(phase.every());
                }
                visits.add(new Visit(0, Visit.Kind.SESSION, phase.types().get(i % phase.types().size()), day, null));
                session++;
            }
        }
        milestones.forEach(m -> visits.add(new Visit(0, Visit.Kind.EVALUATION, FOLLOW_UP, start.plus(m.after()), m)));
        checkIns.forEach(p -> visits.add(new Visit(0, Visit.Kind.CHECK_IN, FOLLOW_UP, start.plus(p), null)));
        visits.sort(Comparator.comparing(Visit::target).thenComparing(v -> v.kind().ordinal()));
        List<Visit> numbered = new ArrayList<>();
        for (int i = 0; i < visits.size(); i++) {
            Visit v = visits.get(i);
            numbered.add(new Visit(i + 1, v.kind(), v.typeCode(), v.target(), v.milestone()));
        }
        return numbered;
    }

    /** A run of sessions at one interval, cycling through appointment types. */
    record Phase(@NotNull @Min(1) @Max(52) Integer sessions, @NotNull Period every,
            @NotEmpty @Size(max = 4) List<@NotBlank String> types) {
    }

    /** An evaluation visit some time after the first session, and what it measures. */
    record Milestone(@NotNull Period after, @NotEmpty List<@NotBlank String> measures, @NotNull List<String> sites) {
    }

    /** One visit of a course where the protocol puts it. */
    record Visit(int sequence, Kind kind, String typeCode, LocalDate target, Milestone milestone) {

        enum Kind {
            SESSION, EVALUATION, CHECK_IN
        }
    }
}
