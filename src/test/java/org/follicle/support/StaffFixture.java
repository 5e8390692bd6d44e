package org.follicle.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import org.follicle.security.Role;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Builds each test's own organisation, clinics and staff directly in the database, with unique names, so that
 * tests never depend on demo data or on each other.
 */
@TestComponent
public class StaffFixture {

    public static final String PASSWORD = "correct horse battery";

    private final JdbcClient jdbc;

    private final String passwordHash;

    StaffFixture(JdbcClient jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.passwordHash = encoder.encode(PASSWORD);
    }

    /** An organisation with two clinics, "Paris" and "Madrid" (suffixed to be unique). */
    public Organisation organisation() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long org = jdbc.sql("INSERT INTO clinics_organisation (name) VALUES (:name) RETURNING id")
                .param("name", "Test organisation " + suffix).query(Long.class).single();
        return new Organisation(org, clinic(org, "Paris " + suffix, "Europe/Paris"),
                clinic(org, "Madrid " + suffix, "Europe/Madrid"), suffix);
    }

    /** A staff account with the given roles per clinic, password {@link #PASSWORD}. */
    public Staff staff(Organisation org, String name, Map<Long, Role> roles) {
        String username = (name + "." + org.suffix() + "." + UUID.randomUUID().toString().substring(0, 4)).toLowerCase();
        Instant now = Instant.now();
        long id = jdbc.sql("""
                INSERT INTO security_staff (organisation_id, username, display_name, email, password_hash,
                    password_changed_at, created_at, created_by, changed_at, changed_by)
                VALUES (:org, :username, :name, NULL, :hash, :now, :now, 'test', :now, 'test') RETURNING id""")
                .param("org", org.id()).param("username", username).param("name", name).param("hash", passwordHash)
                .param("now", Timestamp.from(now)).query(Long.class).single();
        roles.forEach((clinic, role) -> jdbc.sql(
                "INSERT INTO security_clinic_role (staff_id, clinic_id, role) VALUES (:staff, :clinic, :role)")
                .param("staff", id).param("clinic", clinic).param("role", role.name()).update());
        return new Staff(id, username);
    }

    /** A personal access token for the account, as the Account page would issue it. */
    public String token(Staff staff) {
        return token(staff, null, false);
    }

    public String token(Staff staff, Instant expiresAt, boolean revoked) {
        String token = "flc_test" + UUID.randomUUID().toString().replace("-", "");
        jdbc.sql("""
                INSERT INTO security_access_token (staff_id, name, token_hash, token_hint, created_at, expires_at, revoked_at)
                VALUES (:staff, 'test', :hash, :hint, now(), :expires, :revoked)""")
                .param("staff", staff.id()).param("hash", sha256(token))
                .param("hint", token.substring(token.length() - 4))
                .param("expires", expiresAt == null ? null : Timestamp.from(expiresAt))
                .param("revoked", revoked ? Timestamp.from(Instant.now()) : null).update();
        return token;
    }

    /** A patient of the clinic, born 1980-05-17, as the registry stores them. */
    public long patient(Organisation org, long clinicId, String familyName, String givenName) {
        String key = java.text.Normalizer.normalize(familyName.toLowerCase(), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        String givenKey = java.text.Normalizer.normalize(givenName.toLowerCase(), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return jdbc.sql("""
                INSERT INTO patients_patient (organisation_id, clinic_id, file_number, family_name, given_name, birth_date,
                    sex, family_key, given_key, created_at, created_by, changed_at, changed_by)
                VALUES (:org, :clinic, 'T' || nextval('patients_file_number_seq'), :family, :given, DATE '1980-05-17',
                    'UNKNOWN', :familyKey, :givenKey, now(), 'test', now(), 'test') RETURNING id""")
                .param("org", org.id()).param("clinic", clinicId).param("family", familyName).param("given", givenName)
                .param("familyKey", key).param("givenKey", givenKey).query(Long.class).single();
    }

    /** A signed PRP consent of the patient, stored as the consent page would (a placeholder PDF). */
    public long consent(long patientId, long clinicId, long organisationId) {
        return consent(patientId, clinicId, organisationId, "PRP");
    }

    public long consent(long patientId, long clinicId, long organisationId, String type) {
        return jdbc.sql("""
                INSERT INTO intake_consent (organisation_id, clinic_id, patient_id, type, document_version, language,
                    signer_name, signature_png, signed_at, witness, witness_name, pdf)
                VALUES (:org, :clinic, :patient, :type, 1, 'en', 'Test Signer', '\\x89504e47'::bytea, now(), 'test',
                    'Test Witness', '%PDF-1.4'::bytea) RETURNING id""")
                .param("org", organisationId).param("clinic", clinicId).param("patient", patientId).param("type", type)
                .query(Long.class).single();
    }

    /** A recorded assessment of the patient, with no site measured. */
    public long assessment(long patientId, long clinicId, long organisationId) {
        return jdbc.sql("""
                INSERT INTO diagnosis_assessment (organisation_id, clinic_id, patient_id, assessed_on, examiner,
                    examiner_name, vellus_cutoff_um, recorded_at)
                VALUES (:org, :clinic, :patient, DATE '2026-11-01', 'test', 'Test Examiner', 40, now()) RETURNING id""")
                .param("org", organisationId).param("clinic", clinicId).param("patient", patientId)
                .query(Long.class).single();
    }

    /** A course under way since {@code start}, planned with a shipped protocol (as the records hold it). */
    public long startedCourse(Organisation org, long clinicId, long patientId, long practitionerId, String protocol,
            java.time.LocalDate start) {
        long plan = jdbc.sql("""
                INSERT INTO plans_plan (organisation_id, clinic_id, patient_id, protocol_code, protocol, practitioner_id,
                    starts_on, session_time, status, created_at, created_by, changed_at, changed_by)
                SELECT :org, :clinic, :patient, code, definition, :practitioner, :start, TIME '10:00', 'ACTIVE', now(),
                    'test', now(), 'test'
                FROM plans_protocol WHERE code = :code AND organisation_id IS NULL RETURNING id""")
                .param("org", org.id()).param("clinic", clinicId).param("patient", patientId)
                .param("practitioner", practitionerId).param("start", start).param("code", protocol)
                .query(Long.class).single();
        // Written as data, not through the plans module: marked for the cohort facts as its PlanChanged would.
        jdbc.sql("INSERT INTO outcomes_stale (patient_id) VALUES (:patient)").param("patient", patientId).update();
        return plan;
    }

    /** A treatment room of the clinic. */
    public long room(long clinicId, String name) {
        return jdbc.sql("""
                INSERT INTO clinics_room (organisation_id, clinic_id, name, created_at, created_by, changed_at, changed_by)
                SELECT organisation_id, id, :name, now(), 'test', now(), 'test' FROM clinics_clinic WHERE id = :clinic
                RETURNING id""").param("clinic", clinicId).param("name", name).query(Long.class).single();
    }

    /**
     * The clinic open Monday to Friday 09:00-19:00 and each practitioner working there 09:00-18:00, as a manager
     * would set them on the calendar settings.
     */
    public void weekdayHours(long clinicId, long... practitionerIds) {
        for (int day = 1; day <= 5; day++) {
            jdbc.sql("""
                    INSERT INTO scheduling_opening_hours (clinic_id, day_of_week, opens, closes)
                    VALUES (:clinic, :day, TIME '09:00', TIME '19:00')""").param("clinic", clinicId).param("day", day)
                    .update();
            for (long practitioner : practitionerIds) {
                jdbc.sql("""
                        INSERT INTO scheduling_working_hours (clinic_id, practitioner_id, day_of_week, starts, ends)
                        VALUES (:clinic, :practitioner, :day, TIME '09:00', TIME '18:00')""").param("clinic", clinicId)
                        .param("practitioner", practitioner).param("day", day).update();
            }
        }
    }

    private long clinic(long org, String name, String zone) {
        return jdbc.sql("""
                INSERT INTO clinics_clinic (organisation_id, name, time_zone, created_at, created_by, changed_at, changed_by)
                VALUES (:org, :name, :zone, now(), 'test', now(), 'test') RETURNING id""")
                .param("org", org).param("name", name).param("zone", zone).query(Long.class).single();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public record Organisation(long id, long paris, long madrid, String suffix) {
    }

    public record Staff(long id, String username) {
    }
}
