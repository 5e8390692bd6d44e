package org.follicle.scheduling.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.follicle.scheduling.AppointmentStatus;
import org.follicle.scheduling.AppointmentView;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.ReadOnce;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Appointments in the database. Reads join the patient's name, the practitioner's and the room's (read only)
 * so that a day of the calendar is one query. Writes that would double-book someone are refused by the
 * exclusion constraints and come back as a clear rule.
 */
@Repository
class AppointmentStore {

    private static final String SELECT = """
            SELECT a.*, c.time_zone, p.family_name, p.given_name, p.file_number, s.display_name AS practitioner_name,
                r.name AS room_name
            FROM scheduling_appointment a
            JOIN clinics_clinic c ON c.id = a.clinic_id
            JOIN patients_patient p ON p.id = a.patient_id
            JOIN security_staff s ON s.id = a.practitioner_id
            LEFT JOIN clinics_room r ON r.id = a.room_id
            """;

    private final JdbcClient jdbc;

    AppointmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(NewAppointment a) {
        queueFor(a.practitionerId(), a.roomId());
        try {
            return jdbc.sql("""
                    INSERT INTO scheduling_appointment (organisation_id, clinic_id, patient_id, practitioner_id, room_id,
                        type_code, starts_at, ends_at, status, plan_id, plan_sequence, note, override_reason,
                        created_at, created_by, changed_at, changed_by)
                    VALUES (:org, :clinic, :patient, :practitioner, :room, :type, :starts, :ends, 'BOOKED', :plan,
                        :sequence, :note, :override, :now, :by, :now, :by) RETURNING id""")
                    .param("org", a.organisationId()).param("clinic", a.clinicId()).param("patient", a.patientId())
                    .param("practitioner", a.practitionerId()).param("room", a.roomId()).param("type", a.typeCode())
                    .param("starts", Timestamp.from(a.startsAt())).param("ends", Timestamp.from(a.endsAt()))
                    .param("plan", a.planId()).param("sequence", a.planSequence()).param("note", a.note())
                    .param("override", a.overrideReason()).param("now", Timestamp.from(a.at())).param("by", a.by())
                    .query(Long.class).single();
        }
        catch (DataIntegrityViolationException e) {
            throw overlap(e);
        }
    }

    /** Moves an appointment; false when its version is stale. */
    boolean move(long id, int version, Instant startsAt, Instant endsAt, Long roomId, String overrideReason,
            Instant at, String by) {
        find(id).ifPresent(current -> queueFor(current.view().practitionerId(), roomId));
        try {
            return jdbc.sql("""
                    UPDATE scheduling_appointment SET starts_at = :starts, ends_at = :ends, room_id = :room,
                        override_reason = COALESCE(:override, override_reason), version = version + 1,
                        changed_at = :at, changed_by = :by
                    WHERE id = :id AND version = :version AND status = 'BOOKED'""")
                    .param("starts", Timestamp.from(startsAt)).param("ends", Timestamp.from(endsAt))
                    .param("room", roomId).param("override", overrideReason).param("at", Timestamp.from(at))
                    .param("by", by).param("id", id).param("version", version).update() == 1;
        }
        catch (DataIntegrityViolationException e) {
            throw overlap(e);
        }
    }

    /** Stores a closing at the version given; false when that version is stale. */
    boolean close(Appointment.Closing closing, int version, Instant at, String by) {
        return jdbc.sql("""
                UPDATE scheduling_appointment SET status = :status, status_reason = :reason, version = version + 1,
                    changed_at = :at, changed_by = :by
                WHERE id = :id AND version = :version""").param("status", closing.status().name())
                .param("reason", closing.reason()).param("at", Timestamp.from(at)).param("by", by)
                .param("id", closing.appointment().id()).param("version", version).update() == 1;
    }

    Optional<Appointment> find(long id) {
        return jdbc.sql(SELECT + " WHERE a.id = :id").param("id", id).query(AppointmentStore::appointment).optional();
    }

    /** A clinic's appointments that start from one instant until another, optionally of one practitioner or room, by start. */
    List<Appointment> inClinics(Collection<Long> clinicIds, Instant from, Instant to, Long practitionerId, Long roomId,
            boolean includeCancelled) {
        if (clinicIds.isEmpty()) {
            return List.of();
        }
        // A plan kept for the statement, not one made for each call: for a time range given as parameters, the
        // estimate of a kept plan is so far above the rows that PostgreSQL planned every call afresh (0.8 ms of
        // planning against 0.03 ms of running, under the clinic day), for the same plan. In this transaction only.
        jdbc.sql("SET LOCAL plan_cache_mode = force_generic_plan").update();
        // Only the filters asked for: "(:x IS NULL OR ...)" would leave the kept plan guessing at them.
        StringBuilder where = new StringBuilder(" WHERE a.clinic_id IN (:clinics) AND a.starts_at >= :from"
                + " AND a.starts_at < :to");
        Map<String, Object> params = new HashMap<>(Map.of("clinics", clinicIds, "from", Timestamp.from(from), "to",
                Timestamp.from(to)));
        if (practitionerId != null) {
            where.append(" AND a.practitioner_id = :practitioner");
            params.put("practitioner", practitionerId);
        }
        if (roomId != null) {
            where.append(" AND a.room_id = :room");
            params.put("room", roomId);
        }
        if (!includeCancelled) {
            where.append(" AND a.status IN ('BOOKED', 'ATTENDED')");
        }
        return jdbc.sql(SELECT + where + " ORDER BY a.starts_at, a.id").params(params)
                .query(AppointmentStore::appointment).list();
    }

    /**
     * Latest first. Read once in a read-only transaction (ReadOnce): a chart page's appointments and its plans'
     * milestones both ask.
     */
    List<Appointment> ofPatient(long patientId) {
        return ReadOnce.read(this, "ofPatient", patientId, () -> jdbc.sql(
                SELECT + " WHERE a.patient_id = :patient ORDER BY a.starts_at DESC, a.id DESC")
                .param("patient", patientId).query(AppointmentStore::appointment).list());
    }

    List<Appointment> ofPlan(long planId) {
        return jdbc.sql(SELECT + " WHERE a.plan_id = :plan ORDER BY a.plan_sequence, a.starts_at, a.id")
                .param("plan", planId).query(AppointmentStore::appointment).list();
    }

    List<Appointment> ofPractitioner(long practitionerId, Instant from, Instant to) {
        return jdbc.sql(SELECT + """
                 WHERE a.practitioner_id = :practitioner AND a.starts_at >= :from AND a.starts_at < :to
                 ORDER BY a.starts_at""").param("practitioner", practitionerId).param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to)).query(AppointmentStore::appointment).list();
    }

    /** Time taken by the practitioner or the room between two instants (for proposing free slots). */
    List<org.follicle.scheduling.Agenda.Busy> busy(long practitionerId, Long roomId, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT starts_at, ends_at FROM scheduling_appointment
                WHERE status IN ('BOOKED', 'ATTENDED') AND starts_at < :to AND ends_at > :from
                  AND (practitioner_id = :practitioner OR (CAST(:room AS BIGINT) IS NOT NULL AND room_id = :room))""")
                .param("practitioner", practitionerId).param("room", roomId).param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> new org.follicle.scheduling.Agenda.Busy(rs.getTimestamp(1).toInstant(),
                        rs.getTimestamp(2).toInstant())).list();
    }

    /**
     * The patient's other treatments of a type that take time, within some days of an instant; a plan's sessions
     * after {@code planSequence} are left out, since they move with an earlier one.
     */
    List<Instant> treatmentsNear(long patientId, String typeCode, Instant at, int days, Long exceptId, Long planId,
            Integer planSequence) {
        return jdbc.sql("""
                SELECT starts_at FROM scheduling_appointment
                WHERE patient_id = :patient AND type_code = :type AND status IN ('BOOKED', 'ATTENDED')
                  AND starts_at > CAST(:at AS timestamptz) - make_interval(days => :days)
                  AND starts_at < CAST(:at AS timestamptz) + make_interval(days => :days)
                  AND id <> COALESCE(CAST(:except AS BIGINT), -1)
                  AND (CAST(:plan AS BIGINT) IS NULL OR plan_id IS DISTINCT FROM CAST(:plan AS BIGINT)
                       OR plan_sequence <= CAST(:sequence AS INT))
                ORDER BY starts_at""").param("patient", patientId).param("type", typeCode).param("plan", planId)
                .param("sequence", planSequence)
                .param("at", Timestamp.from(at)).param("days", days).param("except", exceptId)
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
    }

    /** The latest day each plan's appointment was attended. */
    Map<Long, Instant> lastAttended(Collection<Long> planIds) {
        if (planIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                SELECT plan_id, max(starts_at) FROM scheduling_appointment
                WHERE plan_id IN (:plans) AND status = 'ATTENDED' GROUP BY plan_id""").param("plans", planIds)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getTimestamp(2).toInstant())).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Of these patients, those with an appointment still to come. */
    Set<Long> withUpcoming(Collection<Long> patientIds, Instant now) {
        if (patientIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("""
                SELECT DISTINCT patient_id FROM scheduling_appointment
                WHERE patient_id IN (:patients) AND status = 'BOOKED' AND starts_at >= :now""")
                .param("patients", patientIds).param("now", Timestamp.from(now)).query(Long.class).list());
    }

    /**
     * Bookings for the same practitioner (then room) wait for each other here, always in that order. Without it,
     * two transactions inserting overlapping rows can each wait on the other's exclusion-constraint check, and
     * PostgreSQL aborts one as a deadlock; with it the second simply meets the first's committed row. The
     * exclusion constraints remain the guarantee.
     */
    private void queueFor(long practitionerId, Long roomId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(1, CAST(:practitioner AS INT))").param("practitioner", practitionerId)
                .query(Object.class).single();
        if (roomId != null) {
            jdbc.sql("SELECT pg_advisory_xact_lock(2, CAST(:room AS INT))").param("room", roomId)
                    .query(Object.class).single();
        }
    }

    private static BusinessRuleException overlap(DataIntegrityViolationException e) {
        String message = String.valueOf(e.getMostSpecificCause().getMessage());
        if (message.contains("scheduling_room_free")) {
            return BusinessRuleException.onField("roomId", "appointment.roomTaken");
        }
        if (message.contains("scheduling_practitioner_free")) {
            return BusinessRuleException.onField("start", "appointment.practitionerTaken");
        }
        throw e;
    }

    private static Appointment appointment(ResultSet rs, int n) throws SQLException {
        ZoneId zone = ZoneId.of(rs.getString("time_zone"));
        long room = rs.getLong("room_id");
        Long roomId = rs.wasNull() ? null : room;
        long plan = rs.getLong("plan_id");
        Long planId = rs.wasNull() ? null : plan;
        int sequence = rs.getInt("plan_sequence");
        Integer planSequence = rs.wasNull() ? null : sequence;
        AppointmentView view = new AppointmentView(rs.getLong("id"), rs.getLong("clinic_id"), rs.getLong("patient_id"),
                rs.getString("family_name").toUpperCase(java.util.Locale.ROOT) + ", " + rs.getString("given_name"),
                rs.getString("file_number"), rs.getLong("practitioner_id"), rs.getString("practitioner_name"), roomId,
                rs.getString("room_name"), rs.getString("type_code"),
                rs.getTimestamp("starts_at").toInstant().atZone(zone).toOffsetDateTime(),
                rs.getTimestamp("ends_at").toInstant().atZone(zone).toOffsetDateTime(),
                AppointmentStatus.valueOf(rs.getString("status")), planId, planSequence, rs.getString("note"),
                rs.getString("override_reason"), rs.getString("status_reason"), rs.getInt("version"));
        return new Appointment(view, rs.getLong("organisation_id"), zone);
    }

    record NewAppointment(long organisationId, long clinicId, long patientId, long practitionerId, Long roomId,
            String typeCode, Instant startsAt, Instant endsAt, Long planId, Integer planSequence, String note,
            String overrideReason, Instant at, String by) {
    }
}
