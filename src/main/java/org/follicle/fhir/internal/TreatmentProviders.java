package org.follicle.fhir.internal;

import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.follicle.clinics.ClinicDirectory;
import org.follicle.clinics.ClinicView;
import org.follicle.sessions.SessionExchange;
import org.follicle.sessions.SessionExchange.Treatment;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Provenance;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The treatment record, read only: sessions as encounters, procedures and administrations; signings; side effects. */
@Configuration(proxyBeanMethods = false)
class TreatmentProviders {

    @Bean
    SessionView<Encounter> encounterProvider(SessionExchange sessions, Treatments treatments, ClinicDirectory clinics) {
        return new SessionView<>(Encounter.class, sessions, clinics, t -> List.of(treatments.encounter(t)));
    }

    @Bean
    SessionView<Procedure> procedureProvider(SessionExchange sessions, Treatments treatments, ClinicDirectory clinics) {
        return new SessionView<>(Procedure.class, sessions, clinics, t -> List.of(treatments.procedure(t)));
    }

    @Bean
    SessionView<Provenance> provenanceProvider(SessionExchange sessions, Treatments treatments,
            ClinicDirectory clinics) {
        return new SessionView<>(Provenance.class, sessions, clinics,
                t -> t.signed() ? List.of(treatments.provenance(t)) : List.of());
    }

    @Bean
    AdministrationProvider administrationProvider(SessionExchange sessions, Treatments treatments) {
        return new AdministrationProvider(sessions, treatments);
    }

    @Bean
    AdverseEventProvider adverseEventProvider(SessionExchange sessions, Treatments treatments) {
        return new AdverseEventProvider(sessions, treatments);
    }

    /** A resource there is one of per session (or none), with the session's id. */
    public static class SessionView<T extends IBaseResource> implements IResourceProvider {

        private final Class<T> type;

        private final SessionExchange sessions;

        private final ClinicDirectory clinics;

        private final Function<Treatment, List<T>> map;

        SessionView(Class<T> type, SessionExchange sessions, ClinicDirectory clinics,
                Function<Treatment, List<T>> map) {
            this.type = type;
            this.sessions = sessions;
            this.clinics = clinics;
            this.map = map;
        }

        @Override
        public Class<T> getResourceType() {
            return type;
        }

        @Read
        public T read(@IdParam IdType id) {
            return map.apply(sessions.treatment(Ids.number(id))).stream().findFirst()
                    .orElseThrow(() -> new ResourceNotFoundException(id));
        }

        /** A patient's, the latest first, by the day the session started. */
        @Search
        public IBundleProvider search(@OptionalParam(name = "patient") ReferenceParam patient,
                @OptionalParam(name = "date") DateRangeParam date, @Offset Integer offset, @Count Integer count) {
            Days days = Days.of(date);
            List<T> found = sessions.treatmentsOf(PatientSearch.of(patient, null)).stream()
                    .filter(t -> days.contains(t.startedAt().atZone(clinics.find(t.clinicId())
                            .map(ClinicView::zone).orElse(ZoneOffset.UTC)).toLocalDate()))
                    .flatMap(t -> map.apply(t).stream()).toList();
            return Pages.slice(found, offset, count);
        }
    }

    public static class AdministrationProvider implements IResourceProvider {

        private final SessionExchange sessions;

        private final Treatments treatments;

        AdministrationProvider(SessionExchange sessions, Treatments treatments) {
            this.sessions = sessions;
            this.treatments = treatments;
        }

        @Override
        public Class<MedicationAdministration> getResourceType() {
            return MedicationAdministration.class;
        }

        @Read
        public MedicationAdministration read(@IdParam IdType id) {
            String text = id.getIdPart();
            int dash = text.indexOf('-');
            long session = Ids.number(dash < 0 ? text : text.substring(0, dash), "");
            return treatments.administrations(sessions.treatment(session)).stream()
                    .filter(a -> a.getIdPart().equals(text)).findFirst()
                    .orElseThrow(() -> new ResourceNotFoundException(id));
        }

        /**
         * What a patient received, zone by zone; {@code lot} (which R4 lacks) keeps the administrations from a lot
         * number, as a recall asks.
         */
        @Search
        public IBundleProvider search(@OptionalParam(name = MedicationAdministration.SP_PATIENT) ReferenceParam patient,
                @OptionalParam(name = MedicationAdministration.SP_SUBJECT) ReferenceParam subject,
                @OptionalParam(name = "lot") StringParam lot, @Offset Integer offset, @Count Integer count) {
            List<MedicationAdministration> found = sessions.treatmentsOf(PatientSearch.of(patient, subject)).stream()
                    .filter(t -> lot == null || t.lots().stream().anyMatch(l -> l.lotNumber()
                            .equalsIgnoreCase(lot.getValue().trim())))
                    .flatMap(t -> treatments.administrations(t).stream()).toList();
            return Pages.slice(found, offset, count);
        }
    }

    public static class AdverseEventProvider implements IResourceProvider {

        private final SessionExchange sessions;

        private final Treatments treatments;

        AdverseEventProvider(SessionExchange sessions, Treatments treatments) {
            this.sessions = sessions;
            this.treatments = treatments;
        }

        @Override
        public Class<AdverseEvent> getResourceType() {
            return AdverseEvent.class;
        }

        @Read
        public AdverseEvent read(@IdParam IdType id) {
            return treatments.adverseEvent(sessions.sideEffect(Ids.number(id)));
        }

        @Search
        public IBundleProvider search(@OptionalParam(name = AdverseEvent.SP_SUBJECT) ReferenceParam subject,
                @Offset Integer offset, @Count Integer count) {
            return Pages.slice(sessions.sideEffectsOf(PatientSearch.of(subject, null)).stream()
                    .map(treatments::adverseEvent).toList(), offset, count);
        }
    }
}
