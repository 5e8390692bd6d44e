package org.follicle.scheduling.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.follicle.system.DemoDataContributor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo clinics' calendar: Paris open weekdays 09:00-19:00 and Saturday morning, Madrid weekdays 10:00-14:00
 * and 15:00-20:00, the practitioners' hours, the coming public holidays, demo prices, and a few appointments
 * today and tomorrow so that reception's day has something on it.
 */
@Component
class SchedulingDemoData implements DemoDataContributor {

    private final SchedulingSettings settings;

    private final AppointmentStore store;

    private final JdbcClient jdbc;

    private final Clock clock;

    SchedulingDemoData(SchedulingSettings settings, AppointmentStore store, JdbcClient jdbc, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public int getOrder() {
        return 60;
    }

    @Override
    public void loadDemoData() {
        long org = jdbc.sql("SELECT id FROM clinics_organisation WHERE name = 'Demo Hair Clinics'").query(Long.class)
                .single();
        long paris = id("SELECT id FROM clinics_clinic WHERE organisation_id = :org AND name = 'Paris'", org);
        long madrid = id("SELECT id FROM clinics_clinic WHERE organisation_id = :org AND name = 'Madrid'", org);
        List<SchedulingSettings.WeeklyHours> parisHours = new ArrayList<>(weekdays(9, 19));
        parisHours.add(new SchedulingSettings.WeeklyHours(6, LocalTime.of(9, 0), LocalTime.of(13, 0)));
        settings.replaceOpeningHours(paris, parisHours);
        List<SchedulingSettings.WeeklyHours> madridHours = new ArrayList<>(weekdays(10, 14));
        madridHours.addAll(weekdays(15, 20));
        settings.replaceOpeningHours(madrid, madridHours);
        long practitioner = staff("practitioner");
        long madridPractitioner = staff("practitioner.madrid");
        settings.replaceWorkingHours(paris, practitioner, weekdays(9, 18));
        List<SchedulingSettings.WeeklyHours> madridWork = new ArrayList<>(weekdays(10, 14));
        madridWork.addAll(weekdays(15, 19));
        settings.replaceWorkingHours(madrid, madridPractitioner, madridWork);
        LocalDate today = LocalDate.now(clock);
        holidays(paris, today, List.of("12-25 Noël", "01-01 Jour de l'an", "05-01 Fête du travail",
                "05-08 Victoire 1945", "07-14 Fête nationale", "08-15 Assomption", "11-01 Toussaint",
                "11-11 Armistice"));
        holidays(madrid, today, List.of("12-08 Inmaculada Concepción", "12-25 Navidad", "01-01 Año Nuevo",
                "01-06 Epifanía", "05-01 Día del Trabajo", "05-02 Comunidad de Madrid", "08-15 Asunción",
                "10-12 Fiesta Nacional", "11-01 Todos los Santos", "12-06 Constitución"));
        settings.types(org);
        price(org, "CONSULTATION", "80.00");
        price(org, "MESOTHERAPY", "180.00");
        price(org, "PRP", "450.00");
        price(org, "FOLLOW_UP", "0.00");
        List<Long> rooms = jdbc.sql("SELECT id FROM clinics_room WHERE clinic_id = :clinic ORDER BY id")
                .param("clinic", paris).query(Long.class).list();
        List<Long> patients = jdbc.sql("""
                SELECT id FROM patients_patient WHERE clinic_id = :clinic AND created_by = 'demo'
                  AND family_name IN ('Dubois', 'Nguyen', 'Moreau') ORDER BY family_name""")
                .param("clinic", paris).query(Long.class).list();
        ZoneId zone = ZoneId.of("Europe/Paris");
        LocalDate day = nextWorkingDay(today);
        String[] types = { "CONSULTATION", "MESOTHERAPY", "FOLLOW_UP" };
        int[] minutes = { 30, 30, 20 };
        for (int i = 0; i < patients.size(); i++) {
            ZonedDateTime start = ZonedDateTime.of(day, LocalTime.of(11 + i, 0), zone);
            store.insert(new AppointmentStore.NewAppointment(org, paris, patients.get(i), practitioner,
                    rooms.isEmpty() ? null : rooms.get(i % rooms.size()), types[i], start.toInstant(),
                    start.plusMinutes(minutes[i]).toInstant(), null, null, null, null, clock.instant(), "demo"));
        }
    }

    private static LocalDate nextWorkingDay(LocalDate today) {
        LocalDate day = today.plusDays(1);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }

    private void holidays(long clinic, LocalDate today, List<String> days) {
        for (int year = today.getYear(); year <= today.getYear() + 1; year++) {
            for (String d : days) {
                LocalDate day = LocalDate.parse(year + "-" + d.substring(0, 5));
                if (!day.isBefore(today)) {
                    settings.addClosure(clinic, day, d.substring(6));
                }
            }
        }
    }

    private void price(long org, String code, String price) {
        jdbc.sql("UPDATE scheduling_appointment_type SET price = :price WHERE organisation_id = :org AND code = :code")
                .param("price", new BigDecimal(price)).param("org", org).param("code", code).update();
    }

    private long staff(String username) {
        return jdbc.sql("SELECT id FROM security_staff WHERE username = :u").param("u", username).query(Long.class)
                .single();
    }

    private long id(String sql, long org) {
        return jdbc.sql(sql).param("org", org).query(Long.class).single();
    }

    private static List<SchedulingSettings.WeeklyHours> weekdays(int from, int to) {
        List<SchedulingSettings.WeeklyHours> hours = new ArrayList<>();
        for (int d = 1; d <= 5; d++) {
            hours.add(new SchedulingSettings.WeeklyHours(d, LocalTime.of(from, 0), LocalTime.of(to, 0)));
        }
        return hours;
    }
}
