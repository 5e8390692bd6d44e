package org.follicle.patients.internal;

import java.time.Clock;
import java.time.LocalDate;

import org.follicle.patients.PatientDetails;
import org.follicle.patients.Sex;
import org.follicle.security.ClinicCatalog;
import org.follicle.security.ClinicRef;
import org.follicle.system.DemoDataContributor;
import org.springframework.stereotype.Component;

/**
 * Demo patients of every kind the screening must tell apart: healthy, pregnant, on anticoagulants, a minor,
 * and others. Their intake answers are the intake module's demo data. Invented people only.
 */
@Component
class PatientsDemoData implements DemoDataContributor {

    private final PatientStore patients;

    private final ClinicCatalog clinics;

    private final Clock clock;

    PatientsDemoData(PatientStore patients, ClinicCatalog clinics, Clock clock) {
        this.patients = patients;
        this.clinics = clinics;
        this.clock = clock;
    }

    @Override
    public int getOrder() {
        return 30;
    }

    @Override
    public void loadDemoData() {
        ClinicRef paris = clinics.findByName("Paris").orElseThrow();
        ClinicRef madrid = clinics.findByName("Madrid").orElseThrow();
        LocalDate today = LocalDate.now(clock);
        add(paris, "Moreau", "Hélène", today.minusYears(34).minusDays(40), Sex.FEMALE, "+33 6 12 34 56 78", "fr");
        add(paris, "Dubois", "Claire", today.minusYears(29).minusDays(100), Sex.FEMALE, "+33 6 98 76 54 32", "fr");
        add(paris, "Lefèvre", "Marc", today.minusYears(61).minusDays(12), Sex.MALE, "+33 6 11 22 33 44", "fr");
        add(paris, "Martin", "Lucas", today.minusYears(17).minusDays(200), Sex.MALE, "+33 6 55 44 33 22", "fr");
        add(paris, "Bernard", "Sophie", today.minusYears(45).minusDays(3), Sex.FEMALE, "+33 6 77 88 99 00", "fr");
        add(paris, "Nguyen", "Thomas", today.minusYears(38).minusDays(75), Sex.MALE, "+33 7 12 12 12 12", "en");
        // Patients whose courses ended months ago: the cohort report has something to compare.
        add(paris, "Rousseau", "Julien", today.minusYears(36).minusDays(10), Sex.MALE, "+33 6 20 30 40 50", "fr");
        add(paris, "Petit", "Camille", today.minusYears(42).minusDays(90), Sex.FEMALE, "+33 6 21 31 41 51", "fr");
        add(paris, "Laurent", "Antoine", today.minusYears(31).minusDays(150), Sex.MALE, "+33 6 22 32 42 52", "fr");
        add(paris, "Smith", "Oliver", today.minusYears(47).minusDays(60), Sex.MALE, "+44 7700 900123", "en");
        add(paris, "Roux", "Amélie", today.minusYears(39).minusDays(30), Sex.FEMALE, "+33 6 23 33 43 53", "fr");
        add(paris, "Fontaine", "Nicolas", today.minusYears(52).minusDays(5), Sex.MALE, "+33 6 24 34 44 54", "fr");
        add(madrid, "García", "Lucía", today.minusYears(41).minusDays(15), Sex.FEMALE, "+34 612 345 678", "es");
        add(madrid, "Fernández", "Javier", today.minusYears(33).minusDays(220), Sex.MALE, "+34 622 111 222", "es");
    }

    private void add(ClinicRef clinic, String family, String given, LocalDate birth, Sex sex, String phone,
            String language) {
        String email = SearchKeys.name(given) + "." + SearchKeys.name(family) + "@example.invalid";
        patients.insert(clinic.organisationId(), clinic.id(),
                new PatientDetails(family, given, birth, sex, phone, email, language), clock.instant(), "demo");
    }
}
