package org.follicle.scheduling.internal;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.follicle.scheduling.Agenda;
import org.follicle.scheduling.AppointmentType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opening hours, working hours, closures, appointment types and message settings. An organisation that has never
 * set its appointment types gets the usual ones on first use.
 */
@Repository
class SchedulingSettings {

    /** The usual appointment types (issue 6): code, minutes, treatment, shortest interval in days. */
    static final List<AppointmentType> DEFAULT_TYPES = List.of(
            new AppointmentType("CONSULTATION", 30, false, 0, null, "EUR", 0),
            new AppointmentType("MESOTHERAPY", 30, true, 6, null, "EUR", 0),
            new AppointmentType("PRP", 60, true, 21, null, "EUR", 0),
            new AppointmentType("FOLLOW_UP", 20, false, 0, null, "EUR", 0));

    private final JdbcClient jdbc;

    /** Creates the usual types when the first to ask is a read-only transaction (the chart page), which cannot. */
    private final TransactionTemplate seeding;

    SchedulingSettings(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.seeding = new TransactionTemplate(transactions);
        this.seeding.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    Map<DayOfWeek, List<Agenda.Hours>> openingHours(long clinicId) {
        return weekly(jdbc.sql("""
                SELECT day_of_week, opens AS from_time, closes AS to_time FROM scheduling_opening_hours
                WHERE clinic_id = :clinic ORDER BY day_of_week, opens""").param("clinic", clinicId)
                .query(WeeklyHours.class).list());
    }

    Map<DayOfWeek, List<Agenda.Hours>> workingHours(long clinicId, long practitionerId) {
        return weekly(jdbc.sql("""
                SELECT day_of_week, starts AS from_time, ends AS to_time FROM scheduling_working_hours
                WHERE clinic_id = :clinic AND practitioner_id = :practitioner ORDER BY day_of_week, starts""")
                .param("clinic", clinicId).param("practitioner", practitionerId).query(WeeklyHours.class).list());
    }

    Map<LocalDate, String> closures(long clinicId, LocalDate from, LocalDate to) {
        Map<LocalDate, String> result = new TreeMap<>();
        jdbc.sql("SELECT day, reason FROM scheduling_closure WHERE clinic_id = :clinic AND day BETWEEN :from AND :to")
                .param("clinic", clinicId).param("from", from).param("to", to)
                .query((rs, n) -> result.put(rs.getObject(1, LocalDate.class), rs.getString(2))).list();
        return result;
    }

    List<Closure> closures(long clinicId) {
        return jdbc.sql("SELECT day, reason FROM scheduling_closure WHERE clinic_id = :clinic ORDER BY day")
                .param("clinic", clinicId).query(Closure.class).list();
    }

    void replaceOpeningHours(long clinicId, List<WeeklyHours> hours) {
        jdbc.sql("DELETE FROM scheduling_opening_hours WHERE clinic_id = :clinic").param("clinic", clinicId).update();
        hours.forEach(h -> jdbc.sql("""
                INSERT INTO scheduling_opening_hours (clinic_id, day_of_week, opens, closes)
                VALUES (:clinic, :day, :from, :to)""").param("clinic", clinicId).param("day", h.dayOfWeek())
                .param("from", h.fromTime()).param("to", h.toTime()).update());
    }

    void replaceWorkingHours(long clinicId, long practitionerId, List<WeeklyHours> hours) {
        jdbc.sql("DELETE FROM scheduling_working_hours WHERE clinic_id = :clinic AND practitioner_id = :practitioner")
                .param("clinic", clinicId).param("practitioner", practitionerId).update();
        hours.forEach(h -> jdbc.sql("""
                INSERT INTO scheduling_working_hours (clinic_id, practitioner_id, day_of_week, starts, ends)
                VALUES (:clinic, :practitioner, :day, :from, :to)""").param("clinic", clinicId)
                .param("practitioner", practitionerId).param("day", h.dayOfWeek()).param("from", h.fromTime())
                .param("to", h.toTime()).update());
    }

    void addClosure(long clinicId, LocalDate day, String reason) {
        jdbc.sql("""
                INSERT INTO scheduling_closure (clinic_id, day, reason) VALUES (:clinic, :day, :reason)
                ON CONFLICT (clinic_id, day) DO UPDATE SET reason = EXCLUDED.reason""")
                .param("clinic", clinicId).param("day", day).param("reason", reason).update();
    }

    boolean removeClosure(long clinicId, LocalDate day) {
        return jdbc.sql("DELETE FROM scheduling_closure WHERE clinic_id = :clinic AND day = :day")
                .param("clinic", clinicId).param("day", day).update() > 0;
    }

    /** The organisation's appointment types, creating the usual ones the first time. */
    List<AppointmentType> types(long organisationId) {
        List<AppointmentType> types = storedTypes(organisationId);
        // Every booking reads the types: write only when one of the usual ones is missing (the first time).
        if (DEFAULT_TYPES.stream().allMatch(t -> types.stream().anyMatch(s -> s.code().equals(t.code())))) {
            return types;
        }
        Runnable seed = () -> DEFAULT_TYPES.forEach(t -> jdbc.sql("""
                INSERT INTO scheduling_appointment_type (organisation_id, code, duration_minutes, treatment,
                    min_interval_days, price, currency)
                VALUES (:org, :code, :minutes, :treatment, :interval, NULL, 'EUR')
                ON CONFLICT (organisation_id, code) DO NOTHING""").param("org", organisationId)
                .param("code", t.code()).param("minutes", t.durationMinutes()).param("treatment", t.treatment())
                .param("interval", t.minimumIntervalDays()).update());
        if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            seeding.executeWithoutResult(status -> seed.run());
        }
        else {
            // In the caller's transaction: it may be the one creating the organisation (demo data, first set-up).
            seed.run();
        }
        return storedTypes(organisationId);
    }

    private List<AppointmentType> storedTypes(long organisationId) {
        return jdbc.sql("""
                SELECT code, duration_minutes, treatment, min_interval_days AS minimum_interval_days, price, currency,
                    version FROM scheduling_appointment_type WHERE organisation_id = :org ORDER BY id""")
                .param("org", organisationId).query(AppointmentType.class).list();
    }

    /** Changes a type's length, interval and price; false when the version is stale. */
    boolean updateType(long organisationId, String code, int minutes, int intervalDays, BigDecimal price,
            String currency, int version) {
        return jdbc.sql("""
                UPDATE scheduling_appointment_type SET duration_minutes = :minutes, min_interval_days = :interval,
                    price = :price, currency = :currency, version = version + 1
                WHERE organisation_id = :org AND code = :code AND version = :version""")
                .param("minutes", minutes).param("interval", intervalDays).param("price", price)
                .param("currency", currency).param("org", organisationId).param("code", code)
                .param("version", version).update() == 1;
    }

    int preCareDays(long organisationId) {
        return messages(organisationId).preCareDays();
    }

    /** The organisation's email settings in one read (the defaults until a manager sets them). */
    MessageSettings messages(long organisationId) {
        return jdbc.sql("SELECT pre_care_days, aftercare_hours FROM scheduling_settings WHERE organisation_id = :org")
                .param("org", organisationId).query(MessageSettings.class).optional()
                .orElse(MessageSettings.DEFAULTS);
    }

    void setPreCareDays(long organisationId, int days) {
        jdbc.sql("""
                INSERT INTO scheduling_settings (organisation_id, pre_care_days) VALUES (:org, :days)
                ON CONFLICT (organisation_id) DO UPDATE SET pre_care_days = EXCLUDED.pre_care_days""")
                .param("org", organisationId).param("days", days).update();
    }

    int aftercareHours(long organisationId) {
        return messages(organisationId).aftercareHours();
    }

    /** How long before an appointment a patient may still cancel it on the portal. */
    java.time.Duration cancellationNotice(long organisationId) {
        return java.time.Duration.ofHours(jdbc.sql(
                "SELECT cancellation_notice_hours FROM scheduling_settings WHERE organisation_id = :org")
                .param("org", organisationId).query(Integer.class).optional().orElse(24));
    }

    void setCancellationNotice(long organisationId, int hours) {
        jdbc.sql("""
                INSERT INTO scheduling_settings (organisation_id, cancellation_notice_hours) VALUES (:org, :hours)
                ON CONFLICT (organisation_id) DO UPDATE SET cancellation_notice_hours = EXCLUDED.cancellation_notice_hours""")
                .param("org", organisationId).param("hours", hours).update();
    }

    void setAftercareHours(long organisationId, int hours) {
        jdbc.sql("""
                INSERT INTO scheduling_settings (organisation_id, aftercare_hours) VALUES (:org, :hours)
                ON CONFLICT (organisation_id) DO UPDATE SET aftercare_hours = EXCLUDED.aftercare_hours""")
                .param("org", organisationId).param("hours", hours).update();
    }

    private static Map<DayOfWeek, List<Agenda.Hours>> weekly(List<WeeklyHours> rows) {
        Map<DayOfWeek, List<Agenda.Hours>> result = new LinkedHashMap<>();
        rows.forEach(r -> result.computeIfAbsent(DayOfWeek.of(r.dayOfWeek()), d -> new ArrayList<>())
                .add(new Agenda.Hours(r.fromTime(), r.toTime())));
        return result;
    }

    /** Hours of one weekday (ISO: 1 = Monday). */
    record WeeklyHours(int dayOfWeek, LocalTime fromTime, LocalTime toTime) {
    }

    record Closure(LocalDate day, String reason) {
    }

    /** Days before a treatment for the pre-care email, hours after it covered by the aftercare advice. */
    record MessageSettings(int preCareDays, int aftercareHours) {

        /** The columns' defaults (V11, V14). */
        static final MessageSettings DEFAULTS = new MessageSettings(7, 24);
    }
}
