package org.follicle.sessions.internal;

import java.util.Map;

import org.follicle.patients.ChartSection;
import org.follicle.patients.PatientView;
import org.springframework.stereotype.Component;

/** The patient's sessions on the chart. */
@Component
class SessionsChartSection implements ChartSection {

    private final Sessions sessions;

    private final AdverseEvents events;

    SessionsChartSection(Sessions sessions, AdverseEvents events) {
        this.sessions = sessions;
        this.events = events;
    }

    @Override
    public int order() {
        return 55;
    }

    @Override
    public String fragment() {
        return "sessions/chart :: sessions";
    }

    @Override
    public Map<String, Object> model(PatientView patient) {
        return Map.of("sessions", sessions.linesOf(patient.id()), "events", events.ofPatient(patient.id()));
    }
}
