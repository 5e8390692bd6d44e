package org.follicle.plans.internal;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.follicle.plans.CourseMilestone;
import org.follicle.plans.CourseMilestones;
import org.follicle.scheduling.AppointmentBook;
import org.follicle.scheduling.AppointmentStatus;
import org.follicle.scheduling.AppointmentView;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Plans' evaluation milestones in the shape other modules read; access is checked by {@link Plans}. */
@Component
@Transactional(readOnly = true)
class PlanMilestones implements CourseMilestones {

    private final Plans plans;

    private final AppointmentBook book;

    PlanMilestones(Plans plans, AppointmentBook book) {
        this.plans = plans;
        this.book = book;
    }

    @Override
    public List<CourseMilestone> ofPatient(long patientId) {
        List<CourseMilestone> all = new ArrayList<>();
        Map<Long, List<AppointmentView>> appointments = book.ofPlansOf(patientId);
        plans.ofPatient(patientId).stream().filter(p -> p.status() != PlanStatus.PROPOSED)
                .forEach(p -> all.addAll(milestones(p, appointments.getOrDefault(p.id(), List.of()))));
        return all;
    }

    @Override
    public Optional<CourseMilestone> of(long planId, String milestone) {
        TreatmentPlan plan = plans.visible(planId);
        if (plan.status() == PlanStatus.PROPOSED) {
            return Optional.empty();
        }
        return milestones(plan, book.ofPlan(plan.id())).stream().filter(m -> m.milestone().equals(milestone))
                .findFirst();
    }

    /** @param appointments the plan's, in the order of its course: of two at one step, the later counts */
    private List<CourseMilestone> milestones(TreatmentPlan plan, List<AppointmentView> appointments) {
        ProtocolDefinition protocol = plan.protocol();
        Map<Integer, AppointmentView> booked = appointments.stream()
                .filter(a -> a.planSequence() != null && a.status() != AppointmentStatus.CANCELLED)
                .collect(Collectors.toMap(AppointmentView::planSequence, Function.identity(), (a, b) -> b));
        String treatment = treatment(protocol);
        String name = protocol.name(LocaleContextHolder.getLocale());
        return protocol.visits(plan.startsOn()).stream()
                .filter(v -> v.kind() == ProtocolDefinition.Visit.Kind.EVALUATION).map(v -> {
                    AppointmentView appointment = booked.get(v.sequence());
                    LocalDate due = appointment == null ? v.target() : appointment.startsAt().toLocalDate();
                    Period after = v.milestone().after();
                    return new CourseMilestone(plan.id(), plan.clinicId(), plan.patientId(), protocol.code(), name,
                            treatment, plan.startsOn(), plan.status().name(), after.toString(), months(after), due,
                            v.milestone().measures(), v.milestone().sites());
                }).toList();
    }

    /** Whole months after the start, a period in days counted as 30-day months. */
    static int months(Period after) {
        return (int) after.toTotalMonths() + Math.round(after.getDays() / 30f);
    }

    /** The same reading as the cohort facts (V15): the session types of the induction. */
    private static String treatment(ProtocolDefinition protocol) {
        var types = protocol.induction().stream().flatMap(p -> p.types().stream()).distinct().toList();
        if (types.isEmpty()) {
            return "OTHER";
        }
        if (types.stream().allMatch("PRP"::equals)) {
            return "PRP";
        }
        return types.contains("PRP") ? "COMBINED" : "MESOTHERAPY";
    }
}
