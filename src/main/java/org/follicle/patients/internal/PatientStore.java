package org.follicle.patients.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.follicle.patients.PatientDetails;
import org.follicle.patients.PatientExchange;
import org.follicle.patients.PatientView;
import org.follicle.patients.Sex;
import org.follicle.system.ApiPage;
import org.follicle.system.PageQuery;
import org.follicle.system.ReadOnce;
import org.follicle.system.StaleRecordException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The patient table. No access checks here: see {@link PatientRecords}. */
@Repository
public class PatientStore {

    public static final String RECORD_TYPE = "patient";

    /** A search is counted up to here; past it the page says "more than 10,000", which costs nothing to find. */
    static final int COUNT_CAP = 10_000;

    private static final String COLUMNS = "id, organisation_id, clinic_id, file_number, family_name, given_name, "
            + "birth_date, sex, phone, email, preferred_language, voided, void_reason, created_at, changed_at, version";

    private static final String PAGE_COLUMNS = COLUMNS.replaceAll("(\\w+)", "p.$1");

    private static final RowMapper<PatientView> ROW = (rs, n) -> new PatientView(rs.getLong("id"),
            rs.getLong("organisation_id"), rs.getLong("clinic_id"), rs.getString("file_number"),
            rs.getString("family_name"), rs.getString("given_name"), rs.getObject("birth_date", LocalDate.class),
            Sex.valueOf(rs.getString("sex")), rs.getString("phone"), rs.getString("email"),
            rs.getString("preferred_language"), rs.getBoolean("voided"), rs.getString("void_reason"),
            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
            rs.getObject("changed_at", OffsetDateTime.class).toInstant(), rs.getInt("version"));

    private final JdbcClient jdbc;

    PatientStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The patients among the ids whose clinic is one of these, in one query. */
    java.util.List<PatientView> findAll(java.util.Collection<Long> ids, java.util.Collection<Long> clinics) {
        if (ids.isEmpty() || clinics.isEmpty()) {
            return java.util.List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM patients_patient WHERE id IN (:ids) AND clinic_id IN (:clinics)")
                .param("ids", ids).param("clinics", clinics).query(ROW).list();
    }

    /** Read once in a read-only transaction: every section of a chart page asks for the patient. */
    public Optional<PatientView> find(long id) {
        return ReadOnce.read(this, "find", id,
                () -> jdbc.sql("SELECT " + COLUMNS + " FROM patients_patient WHERE id = :id").param("id", id)
                        .query(ROW).optional());
    }

    long insert(long organisationId, long clinicId, PatientDetails p, Instant now, String by) {
        long number = jdbc.sql("SELECT nextval('patients_file_number_seq')").query(Long.class).single();
        return jdbc.sql("""
                INSERT INTO patients_patient (organisation_id, clinic_id, file_number, family_name, given_name,
                    birth_date, sex, phone, email, preferred_language, family_key, given_key, phone_key, email_key,
                    created_at, created_by, changed_at, changed_by)
                VALUES (:org, :clinic, :file, :family, :given, :birth, :sex, :phone, :email, :language, :familyKey,
                    :givenKey, :phoneKey, :emailKey, :now, :by, :now, :by)
                RETURNING id""")
                .params(detailParams(p)).param("org", organisationId).param("clinic", clinicId)
                .param("file", String.format("P%06d", number)).param("now", Timestamp.from(now)).param("by", by)
                .query(Long.class).single();
    }

    void update(long id, PatientDetails p, int version, Instant now, String by) {
        int changed = jdbc.sql("""
                UPDATE patients_patient SET family_name = :family, given_name = :given, birth_date = :birth,
                    sex = :sex, phone = :phone, email = :email, preferred_language = :language,
                    family_key = :familyKey, given_key = :givenKey, phone_key = :phoneKey, email_key = :emailKey,
                    version = version + 1, changed_at = :now, changed_by = :by
                WHERE id = :id AND version = :version AND NOT voided""")
                .params(detailParams(p)).param("id", id).param("version", version).param("now", Timestamp.from(now))
                .param("by", by).update();
        if (changed == 0) {
            throw new StaleRecordException(RECORD_TYPE, id);
        }
    }

    void voidRecord(long id, String reason, int version, Instant now, String by) {
        int changed = jdbc.sql("""
                UPDATE patients_patient SET voided = TRUE, void_reason = :reason, voided_at = :now, voided_by = :by,
                    version = version + 1, changed_at = :now, changed_by = :by
                WHERE id = :id AND version = :version AND NOT voided""")
                .param("reason", reason).param("now", Timestamp.from(now)).param("by", by).param("id", id)
                .param("version", version).update();
        if (changed == 0) {
            throw new StaleRecordException(RECORD_TYPE, id);
        }
    }

    /** One page of the patients of these clinics that match the query, by name. */
    ApiPage<PatientView> search(PatientQuery query, Collection<Long> clinics, PageQuery page) {
        if (clinics.isEmpty()) {
            return page.page(List.of(), 0);
        }
        Map<String, Object> params = new HashMap<>();
        params.put("clinics", clinics);
        // The matches as keys only (the name indexes hold them); the page's rows are read for its twenty keys.
        String matches = query.conditions(params).stream()
                .map(condition -> "SELECT id, family_key, given_key FROM patients_patient "
                        + "WHERE clinic_id IN (:clinics) AND NOT voided AND " + condition)
                .reduce((a, b) -> a + " UNION " + b).orElseThrow();
        params.put("cap", COUNT_CAP + 1);
        params.put("limit", page.size());
        params.put("offset", page.offset());
        // The page's rows and the count of all matches in one statement (one round trip); PostgreSQL counts once
        // (a subquery that does not depend on the row) and only if the page has a row.
        String count = "(SELECT count(*) FROM (" + matches + " LIMIT :cap) c)";
        List<Map.Entry<PatientView, Long>> rows = jdbc.sql("SELECT " + PAGE_COLUMNS + ", " + count
                + " AS matches FROM patients_patient p JOIN (SELECT id, family_key, given_key FROM (" + matches
                + ") m ORDER BY family_key, given_key, id LIMIT :limit OFFSET :offset) k ON k.id = p.id "
                + "ORDER BY k.family_key, k.given_key, k.id").params(params)
                .query((rs, n) -> Map.entry(ROW.mapRow(rs, n), rs.getLong("matches"))).list();
        List<PatientView> items = rows.stream().map(Map.Entry::getKey).toList();
        // No row: no match at all, or a page past the last one, which still says how many there are.
        long counted = !rows.isEmpty() ? rows.get(0).getValue()
                : page.offset() == 0 ? 0 : jdbc.sql("SELECT " + count).params(params).query(Long.class).single();
        return counted > COUNT_CAP ? new ApiPage<>(items, page.page(), page.size(), COUNT_CAP, true)
                : page.page(items, counted);
    }

    /** One page of the patients of these clinics meeting every criterion, in registration order. */
    PatientExchange.Matches find(PatientExchange.Criteria criteria, Collection<Long> clinics, long offset, int count) {
        if (clinics.isEmpty()) {
            return new PatientExchange.Matches(List.of(), 0, false);
        }
        Map<String, Object> params = new HashMap<>();
        params.put("clinics", clinics);
        StringBuilder where = new StringBuilder("clinic_id IN (:clinics) AND NOT voided");
        if (criteria.fileNumber() != null) {
            params.put("file", criteria.fileNumber().trim().toUpperCase(java.util.Locale.ROOT));
            where.append(" AND file_number = :file");
        }
        for (int i = 0; i < criteria.names().size(); i++) {
            params.put("name" + i, PatientQuery.beginning(SearchKeys.name(criteria.names().get(i))));
            where.append(" AND (family_key LIKE :name").append(i).append(" OR given_key LIKE :name").append(i)
                    .append(')');
        }
        if (criteria.family() != null) {
            params.put("family", PatientQuery.beginning(SearchKeys.name(criteria.family())));
            where.append(" AND family_key LIKE :family");
        }
        if (criteria.given() != null) {
            params.put("given", PatientQuery.beginning(SearchKeys.name(criteria.given())));
            where.append(" AND given_key LIKE :given");
        }
        range(where, params, "birth_date", "born", criteria.bornFrom(), criteria.bornTo());
        range(where, params, "changed_at", "changed",
                criteria.changedFrom() == null ? null : Timestamp.from(criteria.changedFrom()),
                criteria.changedTo() == null ? null : Timestamp.from(criteria.changedTo()));
        params.put("cap", COUNT_CAP + 1);
        long total = jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM patients_patient WHERE " + where
                + " LIMIT :cap) c").params(params).query(Long.class).single();
        params.put("limit", count);
        params.put("offset", offset);
        List<PatientView> page = count == 0 || offset >= total ? List.of()
                : jdbc.sql("SELECT " + COLUMNS + " FROM patients_patient WHERE " + where
                        + " ORDER BY id LIMIT :limit OFFSET :offset").params(params).query(ROW).list();
        return new PatientExchange.Matches(page, Math.min(total, COUNT_CAP), total > COUNT_CAP);
    }

    List<Long> ids(Collection<Long> clinics) {
        if (clinics.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id FROM patients_patient WHERE clinic_id IN (:clinics) AND NOT voided ORDER BY id")
                .param("clinics", clinics).query(Long.class).list();
    }

    /** A half-open range on a column: from included, to excluded; either may be absent. */
    private static void range(StringBuilder where, Map<String, Object> params, String column, String name, Object from,
            Object to) {
        if (from != null) {
            params.put(name + "From", from);
            where.append(" AND ").append(column).append(" >= :").append(name).append("From");
        }
        if (to != null) {
            params.put(name + "To", to);
            where.append(" AND ").append(column).append(" < :").append(name).append("To");
        }
    }

    /** Patients that may be the same person: same name and birth date, or same phone, or same email. */
    List<PatientView> possibleDuplicates(PatientDetails p, Collection<Long> clinics, Long except) {
        if (clinics.isEmpty()) {
            return List.of();
        }
        List<String> matches = new ArrayList<>();
        matches.add("(family_key = :familyKey AND given_key = :givenKey AND birth_date = :birth)");
        Map<String, Object> params = detailParams(p);
        if (params.get("phoneKey") != null) {
            // The same last nine digits: the same phone, written with or without its country code.
            params.put("phonePrefix", SearchKeys.phonePrefix(p.phone()) + "%");
            matches.add("phone_key LIKE :phonePrefix");
        }
        if (params.get("emailKey") != null) {
            matches.add("email_key = :emailKey");
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM patients_patient WHERE clinic_id IN (:clinics) AND NOT voided "
                + "AND id <> :except AND (" + String.join(" OR ", matches) + ") ORDER BY id LIMIT 10")
                .params(params).param("clinics", clinics).param("except", except == null ? -1L : except)
                .query(ROW).list();
    }

    boolean sharedAcrossClinics(long organisationId) {
        return jdbc.sql("SELECT share_across_clinics FROM patients_setting WHERE organisation_id = :org")
                .param("org", organisationId).query(Boolean.class).optional().orElse(false);
    }

    void shareAcrossClinics(long organisationId, boolean shared, Instant now, String by) {
        jdbc.sql("""
                INSERT INTO patients_setting (organisation_id, share_across_clinics, changed_at, changed_by)
                VALUES (:org, :shared, :now, :by)
                ON CONFLICT (organisation_id) DO UPDATE SET share_across_clinics = :shared, changed_at = :now,
                    changed_by = :by""")
                .param("org", organisationId).param("shared", shared).param("now", Timestamp.from(now))
                .param("by", by).update();
    }

    private static Map<String, Object> detailParams(PatientDetails p) {
        Map<String, Object> params = new HashMap<>();
        params.put("family", p.familyName().trim());
        params.put("given", p.givenName().trim());
        params.put("birth", p.birthDate());
        params.put("sex", p.sex().name());
        params.put("phone", blankToNull(p.phone()));
        params.put("email", blankToNull(p.email()));
        params.put("language", blankToNull(p.preferredLanguage()));
        params.put("familyKey", SearchKeys.name(p.familyName()));
        params.put("givenKey", SearchKeys.name(p.givenName()));
        params.put("phoneKey", SearchKeys.phone(p.phone()));
        params.put("emailKey", SearchKeys.email(p.email()));
        return params;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
