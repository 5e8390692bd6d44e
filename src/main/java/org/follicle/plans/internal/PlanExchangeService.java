package org.follicle.plans.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.follicle.plans.PlanExchange;
import org.follicle.scheduling.AppointmentBook;
import org.follicle.scheduling.AppointmentView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The exchange facade over the audited reads of {@link Plans}. */
@Service
@Transactional(readOnly = true)
class PlanExchangeService implements PlanExchange {

    private final Plans plans;

    private final AppointmentBook appointments;

    PlanExchangeService(Plans plans, AppointmentBook appointments) {
        this.plans = plans;
        this.appointments = appointments;
    }

    @Override
    public List<Course> coursesOf(long patientId) {
        List<TreatmentPlan> courses = plans.ofPatient(patientId);
        Map<Long, List<AppointmentView>> booked = appointments.ofPlansOf(patientId);
        return courses.stream().map(p -> course(p, booked.getOrDefault(p.id(), List.of()))).toList();
    }

    @Override
    public Course course(long planId) {
        Plans.PlanPage page = plans.page(planId);
        return course(page.plan(), page.appointments());
    }

    private static Course course(TreatmentPlan plan, List<AppointmentView> booked) {
        Map<Integer, Long> bySequence = booked.stream().filter(a -> a.planSequence() != null)
                .collect(Collectors.toMap(AppointmentView::planSequence, AppointmentView::id, (a, b) -> b));
        ProtocolDefinition protocol = plan.protocol();
        List<PlannedVisit> visits = protocol.visits(plan.startsOn()).stream()
                .map(v -> new PlannedVisit(v.sequence(), v.kind().name(), v.typeCode(), v.target(),
                        bySequence.get(v.sequence())))
                .toList();
        return new Course(plan.id(), plan.patientId(), plan.clinicId(), plan.practitionerId(), protocol.code(),
                protocol.name(Locale.ENGLISH), protocol.source(), plan.status().name(), plan.statusReason(),
                plan.startsOn(), visits);
    }
}
