package org.follicle.outcomes.internal;

import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refreshes the cohort facts (V17) from the records: every few minutes, and when a manager asks. Only the facts of the
 * patients whose records changed since the last refresh (their marks, written with the change) are computed again,
 * in one transaction, so reports keep reading the previous facts meanwhile; one refresh at a time across every
 * instance (an advisory lock), a second request simply finds the work being done.
 */
@Component
class CohortFacts {

    private static final Logger log = LoggerFactory.getLogger(CohortFacts.class);

    /** The advisory lock's key: "OUTCOMES" in ASCII. */
    private static final long LOCK = 0x4F5554434F4D4553L;

    /** Courses first: the lots are read beside the course facts, which must be current already. */
    private static final List<String> FACTS = List.of("course", "milestone", "lot");

    private final JdbcClient jdbc;

    CohortFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return when the facts now date from (the previous refresh when another one is under way) */
    @Transactional
    Instant refresh() {
        boolean mine = jdbc.sql("SELECT pg_try_advisory_xact_lock(:lock)").param("lock", LOCK).query(Boolean.class)
                .single();
        if (mine) {
            long started = System.nanoTime();
            // The facts' views join each course's sessions laterally, which PostgreSQL estimates at millions, far
            // above what a few thousand patients' courses take: its JIT then compiled each statement with LLVM's
            // optimisations, 0.5-1 s a statement, as long as running it (docs/performance.md, fourteenth round).
            jdbc.sql("SET LOCAL jit = off").update();
            // The marks committed until now are taken; a change committed after this statement leaves its mark for
            // the next refresh, and this one may already see it (computed twice, never missed).
            jdbc.sql("CREATE TEMPORARY TABLE outcomes_refreshing (patient_id BIGINT) ON COMMIT DROP").update();
            int patients = jdbc.sql("""
                    WITH taken AS (DELETE FROM outcomes_stale RETURNING patient_id)
                    INSERT INTO outcomes_refreshing SELECT DISTINCT patient_id FROM taken
                    """).update();
            if (patients > 0) {
                jdbc.sql("ANALYZE outcomes_refreshing").update();
                for (String facts : FACTS) {
                    jdbc.sql("DELETE FROM outcomes_" + facts + "_fact WHERE patient_id IN (SELECT patient_id FROM "
                            + "outcomes_refreshing)").update();
                    jdbc.sql("INSERT INTO outcomes_" + facts + "_fact SELECT * FROM outcomes_" + facts + "_source "
                            + "WHERE patient_id IN (SELECT patient_id FROM outcomes_refreshing)").update();
                }
                log.info("Cohort facts refreshed for {} patients in {} ms", patients,
                        (System.nanoTime() - started) / 1_000_000);
            }
            jdbc.sql("UPDATE outcomes_refresh SET refreshed_at = now() WHERE id = 1").update();
        }
        return refreshedAt();
    }

    /** When the facts were last refreshed: a report does not see later records. */
    Instant refreshedAt() {
        return jdbc.sql("SELECT refreshed_at FROM outcomes_refresh WHERE id = 1")
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).single();
    }

    /** The timer; tests switch it off ({@code follicle.outcomes.refresh=false}) and refresh by hand. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @org.springframework.scheduling.annotation.EnableScheduling
    @ConditionalOnProperty(name = "follicle.outcomes.refresh", havingValue = "true", matchIfMissing = true)
    static class Schedule {

        private final CohortFacts facts;

        Schedule(CohortFacts facts) {
            this.facts = facts;
        }

        @Scheduled(fixedDelayString = "${follicle.outcomes.refresh-every:PT10M}", initialDelayString = "PT30S")
        void run() {
            facts.refresh();
        }
    }
}
