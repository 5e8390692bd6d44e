package org.follicle.clinics.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.follicle.system.DemoDataContributor;
import org.springframework.stereotype.Component;

/** "Demo Hair Clinics", with a clinic in Paris and one in Madrid, each with two treatment rooms. */
@Component
class ClinicsDemoData implements DemoDataContributor {

    private final ClinicStore clinics;

    private final Clock clock;

    ClinicsDemoData(ClinicStore clinics, Clock clock) {
        this.clinics = clinics;
        this.clock = clock;
    }

    @Override
    public int getOrder() {
        return 10;
    }

    @Override
    public void loadDemoData() {
        Instant now = clock.instant();
        long organisation = clinics.createOrganisation("Demo Hair Clinics");
        long paris = clinics.createClinic(organisation, "Paris", "Europe/Paris", now, "demo");
        long madrid = clinics.createClinic(organisation, "Madrid", "Europe/Madrid", now, "demo");
        clinics.addRoom(organisation, paris, "Salle 1", now, "demo");
        clinics.addRoom(organisation, paris, "Salle 2", now, "demo");
        clinics.addRoom(organisation, madrid, "Sala A", now, "demo");
        clinics.addRoom(organisation, madrid, "Sala B", now, "demo");
    }

    @Override
    public List<String> describeDemoData() {
        return List.of("Organisation 'Demo Hair Clinics' with clinics Paris and Madrid.");
    }
}
