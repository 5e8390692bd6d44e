package org.follicle.security.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.follicle.security.AuditAction;
import org.follicle.security.AuditOutcome;
import org.follicle.security.AuditRecord;
import org.follicle.security.ClinicAccess;
import org.follicle.security.CurrentStaff;
import org.follicle.security.Privilege;
import org.follicle.system.ApiPage;
import org.follicle.system.PageQuery;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Searches the audit log for an auditor: entries of the clinics where they hold AUDIT_READ, and entries tied to
 * no clinic (sign-ins, account changes) of their organisation. Newest first; every search is itself audited.
 */
@Component
class AuditSearch {

    private final JdbcClient jdbc;

    private final ClinicAccess access;

    private final AuditChain audit;

    AuditSearch(JdbcClient jdbc, ClinicAccess access, AuditChain audit) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    ApiPage<AuditEntryView> search(AuditQuery query, PageQuery page, ZoneId zone) {
        CurrentStaff me = access.current();
        Set<Long> clinics = access.clinicsWith(Privilege.AUDIT_READ);
        if (clinics.isEmpty()) {
            return page.page(List.of(), 0);
        }
        String where = """
                FROM security_audit_entry e
                WHERE (e.clinic_id IN (:clinics)
                       OR (e.clinic_id IS NULL AND (e.organisation_id = :org OR e.organisation_id IS NULL)))
                  AND (CAST(:actor AS VARCHAR) IS NULL OR e.actor = :actor OR e.actor IN (
                       SELECT s.username FROM security_staff s
                       WHERE s.organisation_id = :org AND lower(s.display_name) = lower(:actor)))
                  AND (CAST(:action AS VARCHAR) IS NULL OR e.action = :action)
                  AND (CAST(:outcome AS VARCHAR) IS NULL OR e.outcome = :outcome)
                  AND (CAST(:type AS VARCHAR) IS NULL OR e.record_type = :type)
                  AND (CAST(:recordId AS VARCHAR) IS NULL OR e.record_id = :recordId)
                  AND (CAST(:from AS TIMESTAMPTZ) IS NULL OR e.occurred_at >= :from)
                  AND (CAST(:to AS TIMESTAMPTZ) IS NULL OR e.occurred_at < :to)""";
        var params = new java.util.HashMap<String, Object>();
        params.put("clinics", clinics);
        params.put("org", me.organisationId());
        params.put("actor", blankToNull(query.actor()));
        params.put("action", query.action() == null ? null : query.action().name());
        params.put("outcome", query.outcome() == null ? null : query.outcome().name());
        params.put("type", blankToNull(query.recordType()));
        params.put("recordId", blankToNull(query.recordId()));
        params.put("from", query.from() == null ? null : query.from().atStartOfDay(zone).toOffsetDateTime());
        params.put("to", query.to() == null ? null : query.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        long total = jdbc.sql("SELECT count(*) " + where).params(params).query(Long.class).single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        List<AuditEntryView> items = jdbc.sql("SELECT e.* " + where + " ORDER BY e.seq DESC LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, n) -> new AuditEntryView(rs.getLong("seq"),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                        rs.getString("actor_roles"), rs.getObject("clinic_id", Long.class), rs.getString("action"),
                        rs.getString("record_type"), rs.getString("record_id"), rs.getString("client_address"),
                        rs.getString("outcome"), rs.getString("detail")))
                .list();
        audit.record(new AuditRecord(AuditAction.SEARCH, "audit-log", null, null, AuditOutcome.SUCCESS,
                "results=" + total));
        return page.page(items, total);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** Filters of an audit search; each may be empty. */
    record AuditQuery(String actor, AuditAction action, AuditOutcome outcome, String recordType, String recordId,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    }

    /** One audit entry as shown to an auditor. */
    record AuditEntryView(long seq, java.time.Instant occurredAt, String actor, String actorRoles, Long clinicId,
            String action, String recordType, String recordId, String clientAddress, String outcome, String detail) {

        /** Whether the application acted on its own, with nobody signed in. */
        public boolean byApplication() {
            return AuditChain.Actor.APPLICATION.equals(actor);
        }

        /**
         * The roles the actor held, as the log stores them: {@code ADMIN,PRACTITIONER} where the entry has a
         * clinic, {@code 3:ADMIN,4:ASSISTANT} (clinic id and role) where it has none.
         */
        public List<HeldRole> roles() {
            if (actorRoles == null || actorRoles.isBlank()) {
                return List.of();
            }
            return java.util.Arrays.stream(actorRoles.split(",")).map(HeldRole::parse).toList();
        }
    }

    /** A role held when the entry was written, in a given clinic or in the entry's own. */
    record HeldRole(Long clinicId, String role) {

        static HeldRole parse(String text) {
            int colon = text.indexOf(':');
            if (colon < 0) {
                return new HeldRole(null, text.trim());
            }
            try {
                return new HeldRole(Long.valueOf(text.substring(0, colon).trim()), text.substring(colon + 1).trim());
            } catch (NumberFormatException e) {
                return new HeldRole(null, text.trim());
            }
        }
    }
}
