package org.follicle.clinics.internal;

import java.time.Clock;

import jakarta.validation.Configuration;

import org.follicle.clinics.ClinicDirectory;
import org.follicle.security.ClinicAccess;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * The "now" that date constraints such as {@code @PastOrPresent} compare with: the clock in the time zone of the
 * clinic the user works in, so that a clinic ahead of the server can record today's date after its midnight, and one
 * behind it cannot record tomorrow's. Outside a signed-in user's request, the application's clock.
 */
@Component
class ClinicClock implements ValidationConfigurationCustomizer {

    private final ObjectProvider<ClinicAccess> access;

    private final ObjectProvider<ClinicDirectory> clinics;

    private final Clock clock;

    // Providers: the validator is built before the services it would otherwise wait for.
    ClinicClock(ObjectProvider<ClinicAccess> access, ObjectProvider<ClinicDirectory> clinics, Clock clock) {
        this.access = access;
        this.clinics = clinics;
        this.clock = clock;
    }

    @Override
    public void customize(Configuration<?> configuration) {
        configuration.clockProvider(this::now);
    }

    Clock now() {
        return access.getObject().selectedClinic().flatMap(clinics.getObject()::find)
                .map(clinic -> clock.withZone(clinic.zone())).orElse(clock);
    }
}
