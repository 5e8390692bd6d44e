package org.follicle.clinics.internal;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.follicle.clinics.ClinicView;
import org.follicle.security.ClinicCatalog;
import org.follicle.security.ClinicRef;
import org.springframework.stereotype.Component;

/** Tells access control which clinics exist and what they are called. */
@Component
class ClinicCatalogAdapter implements ClinicCatalog {

    private final ClinicStore clinics;

    ClinicCatalogAdapter(ClinicStore clinics) {
        this.clinics = clinics;
    }

    @Override
    public List<ClinicRef> clinicsOf(long organisationId) {
        return clinics.clinicsOf(organisationId).stream().map(ClinicCatalogAdapter::ref).toList();
    }

    @Override
    public Optional<ClinicRef> find(long clinicId) {
        return clinics.findView(clinicId).map(ClinicCatalogAdapter::ref);
    }

    @Override
    public Optional<ClinicRef> findByName(String name) {
        return clinics.findByName(name).map(ClinicCatalogAdapter::ref);
    }

    @Override
    public ClinicRef createOrganisation(String organisation, String clinic, String timeZone) {
        long org = clinics.createOrganisation(organisation);
        ZoneId zone = ZoneId.of(timeZone);
        long id = clinics.createClinic(org, clinic, zone.getId(), java.time.Instant.now(), "setup");
        return new ClinicRef(id, org, clinic, zone);
    }

    private static ClinicRef ref(ClinicView clinic) {
        return new ClinicRef(clinic.id(), clinic.organisationId(), clinic.name(), clinic.zone());
    }
}
