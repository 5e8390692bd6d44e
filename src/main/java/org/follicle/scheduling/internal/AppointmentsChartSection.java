package org.follicle.scheduling.internal;

import java.util.Map;

import org.follicle.messaging.PatientMessages;
import org.follicle.patients.ChartSection;
import org.follicle.patients.PatientView;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.springframework.stereotype.Component;

/** The patient's appointments and emails on the chart, with the button to book. */
@Component
class AppointmentsChartSection implements ChartSection {

    private final Bookings bookings;

    private final PatientMessages outbox;

    private final ClinicAccess access;

    AppointmentsChartSection(Bookings bookings, PatientMessages outbox, ClinicAccess access) {
        this.bookings = bookings;
        this.outbox = outbox;
        this.access = access;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public String fragment() {
        return "scheduling/chart :: appointments";
    }

    @Override
    public Map<String, Object> model(PatientView patient) {
        return Map.of("patientId", patient.id(), "appointments", bookings.ofPatient(patient.id()).stream().limit(30)
                .toList(), "messages", outbox.ofPatient(patient.id(), 10), "canBook",
                !patient.voided() && access.selectedClinic().map(c -> access.can(Privilege.SCHEDULE_MANAGE, c))
                        .orElse(false), "types", bookings.myTypes(), "today", java.time.LocalDate.now());
    }
}
