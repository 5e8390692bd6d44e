package org.follicle.clinics.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.follicle.clinics.ClinicView;
import org.follicle.clinics.RoomView;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.StaleRecordException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The organisation, clinic and room tables. No access checks here: see {@link ClinicAdministration}. */
@Repository
class ClinicStore {

    private static final String CLINIC_COLUMNS = "id, organisation_id, name, time_zone, version";

    private final JdbcClient jdbc;

    ClinicStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ClinicView> findView(long clinicId) {
        return jdbc.sql("SELECT " + CLINIC_COLUMNS + " FROM clinics_clinic WHERE id = :id").param("id", clinicId)
                .query(ClinicView.class).optional();
    }

    public List<RoomView> roomsOf(long clinicId) {
        return jdbc.sql("SELECT id, clinic_id, name, active, version FROM clinics_room WHERE clinic_id = :clinic "
                + "ORDER BY name").param("clinic", clinicId).query(RoomView.class).list();
    }

    List<ClinicView> clinicsOf(long organisationId) {
        return jdbc.sql("SELECT " + CLINIC_COLUMNS + " FROM clinics_clinic WHERE organisation_id = :org ORDER BY name")
                .param("org", organisationId).query(ClinicView.class).list();
    }

    List<ClinicView> findAll(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + CLINIC_COLUMNS + " FROM clinics_clinic WHERE id IN (:ids) ORDER BY name")
                .param("ids", ids).query(ClinicView.class).list();
    }

    Optional<ClinicView> findByName(String name) {
        return jdbc.sql("SELECT " + CLINIC_COLUMNS + " FROM clinics_clinic WHERE name = :name ORDER BY id LIMIT 1")
                .param("name", name).query(ClinicView.class).optional();
    }

    Optional<String> organisationName(long organisationId) {
        return jdbc.sql("SELECT name FROM clinics_organisation WHERE id = :id").param("id", organisationId)
                .query(String.class).optional();
    }

    long createOrganisation(String name) {
        return jdbc.sql("INSERT INTO clinics_organisation (name) VALUES (:name) RETURNING id").param("name", name)
                .query(Long.class).single();
    }

    long createClinic(long organisationId, String name, String timeZone, Instant now, String by) {
        try {
            return jdbc.sql("""
                    INSERT INTO clinics_clinic (organisation_id, name, time_zone, created_at, created_by, changed_at, changed_by)
                    VALUES (:org, :name, :zone, :now, :by, :now, :by) RETURNING id""")
                    .param("org", organisationId).param("name", name).param("zone", timeZone)
                    .param("now", Timestamp.from(now)).param("by", by).query(Long.class).single();
        }
        catch (DuplicateKeyException e) {
            throw BusinessRuleException.onField("name", "clinic.nameTaken");
        }
    }

    /** Changes a clinic if nobody else did since {@code version} was read. */
    void updateClinic(long clinicId, String name, String timeZone, int version, Instant now, String by) {
        int changed;
        try {
            changed = jdbc.sql("""
                    UPDATE clinics_clinic SET name = :name, time_zone = :zone, version = version + 1,
                        changed_at = :now, changed_by = :by
                    WHERE id = :id AND version = :version""")
                    .param("name", name).param("zone", timeZone).param("now", Timestamp.from(now)).param("by", by)
                    .param("id", clinicId).param("version", version).update();
        }
        catch (DuplicateKeyException e) {
            throw BusinessRuleException.onField("name", "clinic.nameTaken");
        }
        if (changed == 0) {
            throw new StaleRecordException("clinic", clinicId);
        }
    }

    long addRoom(long organisationId, long clinicId, String name, Instant now, String by) {
        try {
            return jdbc.sql("""
                    INSERT INTO clinics_room (organisation_id, clinic_id, name, created_at, created_by, changed_at, changed_by)
                    VALUES (:org, :clinic, :name, :now, :by, :now, :by) RETURNING id""")
                    .param("org", organisationId).param("clinic", clinicId).param("name", name)
                    .param("now", Timestamp.from(now)).param("by", by).query(Long.class).single();
        }
        catch (DuplicateKeyException e) {
            throw BusinessRuleException.onField("name", "room.nameTaken");
        }
    }
}
