package org.follicle.outcomes.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.follicle.security.AuditAction;
import org.follicle.security.Audited;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.follicle.system.BusinessRuleException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cohort reports over the course facts (V15): which courses, split how, who responded, with 95% intervals; how
 * faithfully patients came; adverse events per 1,000 sessions by product and lot. Every figure is aggregated in
 * PostgreSQL (a few hundred thousand narrow rows at the largest scale), so only the groups' sums reach Java.
 */
@Service
@Transactional(readOnly = true)
class CohortReports {

    static final String REPORT = "cohort-report";

    /** Enough rows for a clinic's products and lots; the CSV has the same. */
    private static final int MAX_LOTS = 500;

    private final JdbcClient jdbc;

    private final ClinicAccess access;

    private final MessageSource texts;

    private final CohortFacts facts;

    /** Reports already computed, by who may read them, what was asked and the facts' refresh they were computed on. */
    private final Cache<Computed, Report> computed = keptUntilRefreshed();

    /**
     * The lots' adverse-event rates of the cohorts already reported: they depend on which courses, not on how the
     * report splits them or judges responders, so a cohort compared by each dimension in turn reads them once (0.2 s
     * for the whole large organisation, as long as the rest of its first report).
     */
    private final Cache<Computed, List<LotRate>> lots = keptUntilRefreshed();

    CohortReports(JdbcClient jdbc, ClinicAccess access, MessageSource texts, CohortFacts facts) {
        this.jdbc = jdbc;
        this.access = access;
        this.texts = texts;
        this.facts = facts;
    }

    /** At most 100 answers, each for 30 minutes; a refresh of the facts makes new keys, so the old ones just expire. */
    private static <V> Cache<Computed, V> keptUntilRefreshed() {
        return Caffeine.newBuilder().maximumSize(100).expireAfterWrite(Duration.ofMinutes(30)).build();
    }

    /**
     * The report, computed once per refresh of the facts: they change only then, so until the next refresh the same
     * question has the same answer, and a manager's second look or a colleague's same report costs a lookup instead
     * of aggregating every course again (0.3-0.5 s of one core for the whole large organisation). Repeatable read, so
     * that the refresh time read first dates the facts read after it. Every read is authorised and audited.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    @Audited(action = AuditAction.READ, recordType = REPORT, recordId = "#query.compareBy().name()",
            clinicId = "#query.clinicId()")
    Report run(CohortQuery query) {
        check(query);
        Set<Long> clinics = clinics(query);
        Instant asOf = facts.refreshedAt();
        Locale locale = LocaleContextHolder.getLocale();
        Computed asked = new Computed(access.current().organisationId(), clinics, query, locale, asOf);
        return computed.get(asked, key -> compute(asked));
    }

    private Report compute(Computed asked) {
        // The join and the groups hash a few hundred thousand rows: in memory, not on disk (this transaction only).
        jdbc.sql("SET LOCAL work_mem = '32MB'").update();
        CohortQuery query = asked.query();
        Map<String, Object> p = new HashMap<>();
        String where = where(query, asked.clinics(), p);
        String grouped = query.compareBy().column;
        CohortQuery.Responder r = query.responder();
        // A group's patients are its courses less the repeats of the patients with more than one course (V18): the
        // groups then add up in one pass over the courses, hashed, where counting distinct patients sorted them all.
        // Only the few groups are sorted, their keys byte by byte ("C"), as codes, ids and short labels need.
        List<Group> groups = jdbc.sql("""
                WITH c AS (
                    SELECT %1$s AS k, c.status, c.sessions_planned, c.sessions_done, c.adverse_events, c.cost,
                           c.currency, m.follow_up_id IS NOT NULL AS assessed, m.density_change,
                           m.density_change_percent, m.satisfaction_score,
                           %2$s IS NOT NULL AS evaluable, coalesce(%2$s >= :threshold, FALSE) AS responder
                    FROM outcomes_course_fact c
                    LEFT JOIN outcomes_milestone_fact m ON m.plan_id = c.plan_id AND m.months = :months
                    WHERE %3$s),
                groups AS (
                    SELECT k, grouping(k) = 1 AS total, count(*) AS courses,
                           count(*) FILTER (WHERE assessed) AS assessed,
                           count(*) FILTER (WHERE evaluable) AS evaluable,
                           count(*) FILTER (WHERE evaluable AND responder) AS responders,
                           count(density_change) AS density_n, avg(density_change) AS density_mean,
                           stddev_samp(density_change) AS density_sd,
                           avg(density_change_percent) AS percent_mean,
                           stddev_samp(density_change_percent) AS percent_sd,
                           count(satisfaction_score) AS satisfaction_n,
                           count(*) FILTER (WHERE satisfaction_score >= 1) AS satisfied,
                           avg(satisfaction_score) AS satisfaction_mean,
                           count(*) FILTER (WHERE status IN ('COMPLETED', 'STOPPED')) AS ended,
                           sum(sessions_planned) FILTER (WHERE status IN ('COMPLETED', 'STOPPED')) AS ended_planned,
                           sum(sessions_done) FILTER (WHERE status IN ('COMPLETED', 'STOPPED')) AS ended_done,
                           count(*) FILTER (WHERE status = 'STOPPED' AND sessions_done < sessions_planned) AS dropped,
                           sum(sessions_done) AS sessions, sum(adverse_events) AS events,
                           sum(cost) FILTER (WHERE evaluable) AS evaluable_cost,
                           count(*) FILTER (WHERE evaluable AND cost IS NULL) AS unpriced, max(currency) AS currency
                    FROM c GROUP BY GROUPING SETS ((k), ())),
                repeats AS (
                    SELECT k, grouping(k) = 1 AS total, count(*) - count(DISTINCT patient_id) AS courses
                    FROM (SELECT %1$s AS k, c.patient_id FROM outcomes_course_fact c
                          WHERE %3$s AND c.patient_courses > 1) several
                    GROUP BY GROUPING SETS ((k), ()))
                SELECT g.k::text AS grp, g.*, g.courses - coalesce(r.courses, 0) AS patients
                FROM groups g LEFT JOIN repeats r ON r.total = g.total AND r.k IS NOT DISTINCT FROM g.k
                ORDER BY g.total, g.k::text COLLATE "C"
                """.formatted(grouped, r.column, where))
                .params(p).query(this::group).list();
        // The grand total exists even over no course at all: no course is an empty report.
        Group total = groups.stream().filter(g -> g.total() && g.courses() > 0).findFirst().orElse(null);
        List<Group> split = groups.stream().filter(g -> !g.total()).toList();
        Map<String, String> labels = labels(query.compareBy(), split.stream().map(Group::key).toList());
        split = split.stream().map(g -> g.labelled(labels.getOrDefault(g.key(), g.key()))).toList();
        List<LotRate> rates = total == null ? List.of() : lots.get(asked.cohort(), key -> lots(where, p));
        return new Report(asked.asOf(), query, total == null, split, total, rates);
    }

    /** The filter values present in the user's clinics, for the report's selects. */
    Options options() {
        Set<Long> clinics = readableClinics();
        String lang = LocaleContextHolder.getLocale().getLanguage();
        var params = Map.of("clinics", clinics, "org", access.current().organisationId(), "lang", lang);
        return new Options(
                pairs("""
                        SELECT c.id::text, c.name FROM clinics_clinic c WHERE c.id IN (:clinics) ORDER BY c.name""",
                        params),
                pairs("""
                        SELECT DISTINCT ON (code) code,
                               coalesce(definition -> 'names' ->> :lang, definition -> 'names' ->> 'en')
                        FROM plans_protocol WHERE organisation_id = :org OR organisation_id IS NULL
                        ORDER BY code, organisation_id NULLS LAST""", params),
                pairs("""
                        SELECT f.id::text, f.name FROM formulary_formula f
                        WHERE f.id IN (SELECT DISTINCT formula_id FROM outcomes_course_fact WHERE clinic_id IN (:clinics))
                        ORDER BY f.name""", params),
                pairs("""
                        SELECT s.id::text, s.display_name FROM security_staff s
                        WHERE s.id IN (SELECT DISTINCT practitioner_id FROM outcomes_course_fact
                                       WHERE clinic_id IN (:clinics))
                        ORDER BY s.display_name""", params),
                jdbc.sql("""
                        SELECT DISTINCT diagnosis FROM outcomes_course_fact
                        WHERE clinic_id IN (:clinics) AND diagnosis IS NOT NULL ORDER BY 1""").params(params)
                        .query(String.class).list(),
                jdbc.sql("""
                        SELECT DISTINCT stage FROM outcomes_course_fact
                        WHERE clinic_id IN (:clinics) AND stage IS NOT NULL ORDER BY 1""").params(params)
                        .query(String.class).list());
    }

    /** The clinics whose cohort reports the user may read; refused when there is none. */
    Set<Long> readableClinics() {
        Set<Long> clinics = access.clinicsWith(Privilege.OUTCOMES_READ);
        if (clinics.isEmpty()) {
            throw new org.springframework.security.access.AccessDeniedException("no clinic's reports");
        }
        return clinics;
    }

    private void check(CohortQuery q) {
        if (q.from() != null && q.to() != null && q.from().isAfter(q.to())) {
            throw BusinessRuleException.onField("to", "cohort.periodReversed");
        }
        if (q.months() < 1 || q.months() > 60) {
            throw BusinessRuleException.onField("months", "cohort.monthsRange");
        }
        CohortQuery.Responder r = q.responder();
        if (q.threshold().compareTo(r.min) < 0 || q.threshold().compareTo(r.max) > 0) {
            throw BusinessRuleException.onField("threshold", "cohort.thresholdRange." + r.name(), r.min, r.max);
        }
    }

    /** The clinics the report covers: the one asked for, or every clinic whose reports the user may read. */
    private Set<Long> clinics(CohortQuery q) {
        if (q.clinicId() == null) {
            return readableClinics();
        }
        access.requireVisible(Privilege.OUTCOMES_READ, q.clinicId(), REPORT, q.clinicId());
        return Set.of(q.clinicId());
    }

    private String where(CohortQuery q, Set<Long> clinics, Map<String, Object> p) {
        List<String> where = new ArrayList<>(List.of("c.organisation_id = :org", "c.clinic_id IN (:clinics)"));
        p.put("org", access.current().organisationId());
        p.put("clinics", clinics);
        p.put("months", q.months());
        p.put("threshold", q.threshold());
        add(where, p, "c.protocol_code = :protocol", "protocol", q.protocol());
        add(where, p, "c.formula_id = :formula", "formula", q.formulaId());
        add(where, p, "c.diagnosis = :diagnosis", "diagnosis", q.diagnosis());
        add(where, p, "c.sex = :sex", "sex", q.sex() == null ? null : q.sex().name());
        add(where, p, "c.stage = :stage", "stage", q.stage());
        add(where, p, "c.practitioner_id = :practitioner", "practitioner", q.practitionerId());
        add(where, p, "c.starts_on >= :from", "from", q.from());
        add(where, p, "c.starts_on <= :to", "to", q.to());
        if (q.ageBand() != null) {
            where.add("c.age BETWEEN :ageMin AND :ageMax");
            p.put("ageMin", q.ageBand().min);
            p.put("ageMax", q.ageBand().max);
        }
        return String.join(" AND ", where);
    }

    private static void add(List<String> where, Map<String, Object> p, String condition, String name, Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            where.add(condition);
            p.put(name, value);
        }
    }

    /** The lot facts carry the courses' filter columns under the same names: the same conditions apply. */
    private List<LotRate> lots(String where, Map<String, Object> p) {
        return jdbc.sql("""
                WITH lots AS (
                    SELECT c.product_id, c.lot_id, sum(c.sessions) AS sessions, sum(c.adverse_events) AS events
                    FROM outcomes_lot_fact c WHERE %s
                    GROUP BY GROUPING SETS ((c.product_id, c.lot_id), (c.product_id)))
                SELECT pr.name AS product, lo.lot_number, lots.sessions, lots.events
                FROM lots JOIN formulary_product pr ON pr.id = lots.product_id
                LEFT JOIN formulary_lot lo ON lo.id = lots.lot_id
                ORDER BY pr.name, pr.id, lo.lot_number NULLS FIRST LIMIT %d""".formatted(where, MAX_LOTS)).params(p)
                .query((rs, n) -> {
                    long sessions = rs.getLong("sessions");
                    long events = rs.getLong("events");
                    return new LotRate(rs.getString("product"), rs.getString("lot_number"), sessions, events,
                            round(CohortStatistics.per1000(events, sessions), 1));
                }).list();
    }

    private Group group(ResultSet rs, int n) throws SQLException {
        int patients = rs.getInt("patients");
        int evaluable = rs.getInt("evaluable");
        int responders = rs.getInt("responders");
        int densityN = rs.getInt("density_n");
        int satisfactionN = rs.getInt("satisfaction_n");
        int ended = rs.getInt("ended");
        long endedPlanned = rs.getLong("ended_planned");
        long sessions = rs.getLong("sessions");
        BigDecimal cost = rs.getBigDecimal("evaluable_cost");
        boolean priced = rs.getInt("unpriced") == 0 && cost != null;
        return new Group(rs.getString("grp"), null, rs.getBoolean("total"), rs.getInt("courses"), patients,
                patients >= CohortStatistics.MINIMUM_GROUP, rs.getInt("assessed"), evaluable,
                evaluable == 0 ? null : CohortStatistics.proportion(responders, evaluable),
                densityN == 0 ? null : CohortStatistics.mean(densityN, rs.getDouble("density_mean"),
                        rs.getDouble("density_sd")),
                densityN == 0 ? null : CohortStatistics.mean(densityN, rs.getDouble("percent_mean"),
                        rs.getDouble("percent_sd")),
                satisfactionN == 0 ? null : CohortStatistics.proportion(rs.getInt("satisfied"), satisfactionN),
                satisfactionN == 0 ? null : round(rs.getDouble("satisfaction_mean"), 2),
                endedPlanned == 0 ? null : round(100.0 * rs.getLong("ended_done") / endedPlanned, 1),
                ended == 0 ? null : CohortStatistics.proportion(rs.getInt("dropped"), ended), sessions,
                rs.getLong("events"),
                sessions == 0 ? null : round(CohortStatistics.per1000(rs.getLong("events"), sessions), 1),
                priced && responders > 0 ? cost.divide(BigDecimal.valueOf(responders), 2, RoundingMode.HALF_UP)
                        : null,
                rs.getString("currency"));
    }

    /** What each group's key means to a reader: a name from its table, or a text from the bundles. */
    private Map<String, String> labels(CohortQuery.Dimension dimension, List<String> keys) {
        Locale locale = LocaleContextHolder.getLocale();
        String sql = switch (dimension) {
            case PROTOCOL -> """
                    SELECT DISTINCT ON (code) code,
                           coalesce(definition -> 'names' ->> :lang, definition -> 'names' ->> 'en')
                    FROM plans_protocol WHERE (organisation_id = :org OR organisation_id IS NULL) AND code IN (:keys)
                    ORDER BY code, organisation_id NULLS LAST""";
            case FORMULA -> "SELECT id::text, name FROM formulary_formula WHERE id::text IN (:keys)";
            case PRACTITIONER -> "SELECT id::text, display_name FROM security_staff WHERE id::text IN (:keys)";
            case CLINIC -> "SELECT id::text, name FROM clinics_clinic WHERE id::text IN (:keys)";
            default -> null;
        };
        Set<String> present = keys.stream().filter(k -> k != null).collect(Collectors.toCollection(TreeSet::new));
        Map<String, String> labels = new HashMap<>();
        if (sql != null && !present.isEmpty()) {
            labels.putAll(pairs(sql, Map.of("keys", present, "org", access.current().organisationId(), "lang",
                    locale.getLanguage())).stream().collect(Collectors.toMap(Option::value, Option::label)));
        }
        String prefix = switch (dimension) {
            case TREATMENT -> "cohort.treatment.";
            case SEX -> "sex.";
            case AGE_BAND -> "cohort.ageBand.";
            case DIAGNOSIS -> "diagnosis.category.";
            default -> null;
        };
        for (String key : present) {
            if (prefix != null) {
                labels.put(key, texts.getMessage(prefix + key, null, key, locale));
            }
        }
        labels.put(null, texts.getMessage("cohort.notRecorded", null, locale));
        return labels;
    }

    private List<Option> pairs(String sql, Map<String, ?> params) {
        return jdbc.sql(sql).params(params).query((rs, n) -> new Option(rs.getString(1), rs.getString(2))).list();
    }

    private static BigDecimal round(double value, int scale) {
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
    }

    /**
     * One group of courses side by side with the others.
     *
     * @param conclusive false under five patients: the counts are shown, no conclusion is drawn
     * @param assessed courses with a follow-up at the milestone
     * @param evaluable assessed courses with the responder measure (density needs a baseline)
     * @param adherencePercent sessions done of those planned, over the courses that ended
     * @param dropOut courses stopped before their last planned session, of those that ended
     * @param costPerResponder the price of the evaluable courses' sessions per responder; unknown when a session
     *        type has no price
     */
    record Group(String key, String label, boolean total, int courses, int patients, boolean conclusive,
            int assessed, int evaluable, CohortStatistics.Proportion responders, CohortStatistics.Mean densityChange,
            CohortStatistics.Mean densityChangePercent, CohortStatistics.Proportion satisfied,
            BigDecimal satisfactionMean, BigDecimal adherencePercent, CohortStatistics.Proportion dropOut,
            long sessions, long adverseEvents, BigDecimal adverseEventsPer1000, BigDecimal costPerResponder,
            String currency) {

        Group labelled(String text) {
            return new Group(key, text, total, courses, patients, conclusive, assessed, evaluable, responders,
                    densityChange, densityChangePercent, satisfied, satisfactionMean, adherencePercent, dropOut,
                    sessions, adverseEvents, adverseEventsPer1000, costPerResponder, currency);
        }
    }

    /**
     * Adverse events per 1,000 sessions in which a lot was used; {@code lot} is null on a product's line, which adds
     * its lots up (a session that used two lots of one product counts twice there).
     */
    record LotRate(String product, String lot, long sessions, long adverseEvents, BigDecimal per1000) {
    }

    /**
     * A cohort report.
     *
     * @param asOf when the facts were last refreshed: the report does not see later records
     * @param empty no course matches the filters
     * @param total every course of the cohort together, {@code null} when no course matches
     */
    record Report(Instant asOf, CohortQuery query, boolean empty, List<Group> groups, Group total,
            List<LotRate> lots) {
    }

    /** A computed report's key: the same question from the same clinics on the same facts, in the same language. */
    private record Computed(long organisationId, Set<Long> clinics, CohortQuery query, Locale locale, Instant asOf) {

        /** The same courses, however split and judged: what the lots' rates depend on. */
        Computed cohort() {
            return new Computed(organisationId, clinics, query.cohort(), Locale.ROOT, asOf);
        }
    }

    record Option(String value, String label) {
    }

    record Options(List<Option> clinics, List<Option> protocols, List<Option> formulas, List<Option> practitioners,
            List<String> diagnoses, List<String> stages) {
    }
}
