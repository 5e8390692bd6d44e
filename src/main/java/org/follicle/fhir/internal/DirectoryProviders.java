package org.follicle.fhir.internal;

import java.util.ArrayList;
import java.util.List;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.follicle.clinics.ClinicDirectory;
import org.follicle.security.ClinicAccess;
import org.follicle.security.ClinicCatalog;
import org.follicle.security.ClinicRef;
import org.follicle.security.StaffDirectory;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who and where: the organisation and its clinics (Organization), the clinics' premises (Location) and the
 * practitioners (Practitioner). Read only, and only within the user's own organisation.
 */
@Configuration(proxyBeanMethods = false)
class DirectoryProviders {

    private static final String ORGANIZATION_TYPE = "http://terminology.hl7.org/CodeSystem/organization-type";

    @Bean
    OrganizationProvider organizationProvider(ClinicAccess access, ClinicCatalog catalog, ClinicDirectory clinics) {
        return new OrganizationProvider(access, catalog, clinics);
    }

    @Bean
    LocationProvider locationProvider(ClinicAccess access, ClinicCatalog catalog) {
        return new LocationProvider(access, catalog);
    }

    @Bean
    PractitionerProvider practitionerProvider(ClinicAccess access, StaffDirectory staff) {
        return new PractitionerProvider(access, staff);
    }

    /** A clinic of the user's organisation; 404 for any other. */
    static ClinicRef ownClinic(ClinicAccess access, ClinicCatalog catalog, long clinicId) {
        return catalog.find(clinicId).filter(c -> c.organisationId() == access.current().organisationId())
                .orElseThrow(() -> new ResourceNotFoundException("clinic " + clinicId));
    }

    public static class OrganizationProvider implements IResourceProvider {

        private final ClinicAccess access;

        private final ClinicCatalog catalog;

        private final ClinicDirectory clinics;

        OrganizationProvider(ClinicAccess access, ClinicCatalog catalog, ClinicDirectory clinics) {
            this.access = access;
            this.catalog = catalog;
            this.clinics = clinics;
        }

        @Override
        public Class<Organization> getResourceType() {
            return Organization.class;
        }

        @Read
        public Organization read(@IdParam IdType id) {
            String text = id.getIdPart();
            if (text.startsWith(Ids.CLINIC)) {
                return clinic(ownClinic(access, catalog, Ids.number(text, Ids.CLINIC)));
            }
            long organisationId = Ids.number(text, Ids.ORGANISATION);
            if (organisationId != access.current().organisationId()) {
                throw new ResourceNotFoundException(id);
            }
            return organisation(organisationId);
        }

        /** The user's organisation and its clinics. */
        @Search
        public IBundleProvider search(@Offset Integer offset, @Count Integer count) {
            long organisationId = access.current().organisationId();
            List<Organization> all = new ArrayList<>();
            all.add(organisation(organisationId));
            catalog.clinicsOf(organisationId).forEach(c -> all.add(clinic(c)));
            return Pages.slice(all, offset, count);
        }

        private Organization organisation(long organisationId) {
            return provider(Ids.ORGANISATION + organisationId,
                    clinics.organisationName(organisationId).orElseThrow());
        }

        private static Organization clinic(ClinicRef clinic) {
            return provider(Ids.CLINIC + clinic.id(), clinic.name())
                    .setPartOf(Ids.organisation(clinic.organisationId()));
        }

        private static Organization provider(String id, String name) {
            Organization organisation = new Organization();
            organisation.setId(id);
            organisation.setActive(true);
            organisation.setName(name);
            organisation.addType().addCoding().setSystem(ORGANIZATION_TYPE).setCode("prov")
                    .setDisplay("Healthcare Provider");
            return organisation;
        }
    }

    public static class LocationProvider implements IResourceProvider {

        private final ClinicAccess access;

        private final ClinicCatalog catalog;

        LocationProvider(ClinicAccess access, ClinicCatalog catalog) {
            this.access = access;
            this.catalog = catalog;
        }

        @Override
        public Class<Location> getResourceType() {
            return Location.class;
        }

        @Read
        public Location read(@IdParam IdType id) {
            return location(ownClinic(access, catalog, Ids.number(id)));
        }

        @Search
        public IBundleProvider search(@Offset Integer offset, @Count Integer count) {
            return Pages.slice(catalog.clinicsOf(access.current().organisationId()).stream()
                    .map(LocationProvider::location).toList(), offset, count);
        }

        static Location location(ClinicRef clinic) {
            Location location = new Location();
            location.setId(String.valueOf(clinic.id()));
            location.setStatus(Location.LocationStatus.ACTIVE);
            location.setMode(Location.LocationMode.INSTANCE);
            location.setName(clinic.name());
            location.setManagingOrganization(Ids.clinic(clinic.id()));
            return location;
        }
    }

    public static class PractitionerProvider implements IResourceProvider {

        private final ClinicAccess access;

        private final StaffDirectory staff;

        PractitionerProvider(ClinicAccess access, StaffDirectory staff) {
            this.access = access;
            this.staff = staff;
        }

        @Override
        public Class<Practitioner> getResourceType() {
            return Practitioner.class;
        }

        @Read
        public Practitioner read(@IdParam IdType id) {
            return staff.find(Ids.number(id)).filter(s -> s.organisationId() == access.current().organisationId())
                    .map(PractitionerProvider::practitioner)
                    .orElseThrow(() -> new ResourceNotFoundException(id));
        }

        /** The practitioners of the clinics the user works in. */
        @Search
        public IBundleProvider search(@Offset Integer offset, @Count Integer count) {
            List<Practitioner> all = access.current().clinicIds().stream()
                    .flatMap(clinic -> staff.practitionersOf(clinic).stream())
                    .filter(s -> s.organisationId() == access.current().organisationId()).distinct()
                    .sorted(java.util.Comparator.comparingLong(StaffDirectory.StaffMember::id))
                    .map(PractitionerProvider::practitioner).toList();
            return Pages.slice(all, offset, count);
        }

        static Practitioner practitioner(StaffDirectory.StaffMember member) {
            Practitioner practitioner = new Practitioner();
            practitioner.setId(String.valueOf(member.id()));
            practitioner.setActive(true);
            practitioner.addName().setText(member.displayName());
            if (member.email() != null) {
                practitioner.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(member.email());
            }
            return practitioner;
        }
    }
}
