package org.follicle.fhir.internal;

import java.util.List;
import java.util.Locale;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.follicle.plans.PlanExchange;
import org.follicle.plans.PlanExchange.Course;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Treatment courses as CarePlans, read only: the protocol's visits as activities, each with its booked appointment
 * once there is one. The protocol's source is its description.
 */
@Component
class CarePlanProvider implements IResourceProvider {

    private final PlanExchange plans;

    private final MessageSource messages;

    CarePlanProvider(PlanExchange plans, MessageSource messages) {
        this.plans = plans;
        this.messages = messages;
    }

    @Override
    public Class<CarePlan> getResourceType() {
        return CarePlan.class;
    }

    @Read
    public CarePlan read(@IdParam IdType id) {
        return carePlan(plans.course(Ids.number(id)));
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = CarePlan.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = CarePlan.SP_SUBJECT) ReferenceParam subject,
            @Offset Integer offset, @Count Integer count) {
        return Pages.slice(carePlansOf(PatientSearch.of(patient, subject)), offset, count);
    }

    List<CarePlan> carePlansOf(long patientId) {
        return plans.coursesOf(patientId).stream().map(this::carePlan).toList();
    }

    private CarePlan carePlan(Course course) {
        CarePlan plan = new CarePlan();
        plan.setId(String.valueOf(course.id()));
        plan.setStatus(switch (course.status()) {
            case "PROPOSED" -> CarePlan.CarePlanStatus.DRAFT;
            case "ACTIVE" -> CarePlan.CarePlanStatus.ACTIVE;
            case "PAUSED" -> CarePlan.CarePlanStatus.ONHOLD;
            case "COMPLETED" -> CarePlan.CarePlanStatus.COMPLETED;
            default -> CarePlan.CarePlanStatus.REVOKED;
        });
        plan.setIntent(course.status().equals("PROPOSED") ? CarePlan.CarePlanIntent.PROPOSAL
                : CarePlan.CarePlanIntent.PLAN);
        plan.setTitle(course.protocolName());
        plan.setDescription(course.protocolSource());
        plan.setSubject(Ids.patient(course.patientId()));
        plan.setPeriod(new Period().setStartElement(new org.hl7.fhir.r4.model.DateTimeType(
                course.startsOn().toString())));
        plan.setAuthor(new Reference("Practitioner/" + course.practitionerId()));
        if (course.statusReason() != null) {
            plan.addNote().setText(course.statusReason());
        }
        for (PlanExchange.PlannedVisit visit : course.visits()) {
            CarePlan.CarePlanActivityComponent activity = plan.addActivity();
            if (visit.appointmentId() != null) {
                activity.addOutcomeReference(new Reference("Appointment/" + visit.appointmentId()));
            }
            CarePlan.CarePlanActivityDetailComponent detail = activity.getDetail();
            detail.setKind(CarePlan.CarePlanActivityKind.APPOINTMENT);
            detail.getCode().setText(messages.getMessage("appointment.type." + visit.typeCode(), null,
                    visit.typeCode(), Locale.ENGLISH));
            detail.setStatus(visit.appointmentId() == null ? CarePlan.CarePlanActivityStatus.NOTSTARTED
                    : CarePlan.CarePlanActivityStatus.SCHEDULED);
            detail.setScheduled(new org.hl7.fhir.r4.model.StringType("around " + visit.target()));
        }
        return plan;
    }
}
