package org.follicle.outcomes.internal;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refreshes the cohort facts (V15) from the records: every few minutes, and when a manager asks. CONCURRENTLY, so
 * reports keep reading the previous facts meanwhile; one refresh at a time across every instance (an advisory
 * lock), a second request simply finds the work being done.
 */
@Component
class CohortFacts {

    private static final Logger log = LoggerFactory.getLogger(CohortFacts.class);

    /** The advisory lock's key: "OUTCOMES" in ASCII. */
    private static final long LOCK = 0x4F5554434F4D4553L;

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
            // Courses first: the others are read beside them, never from them, so the order only keeps them close.
            for (String view : new String[] { "outcomes_course_fact", "outcomes_milestone_fact",
                    "outcomes_lot_fact" }) {
                jdbc.sql("REFRESH MATERIALIZED VIEW CONCURRENTLY " + view).update();
            }
            jdbc.sql("UPDATE outcomes_refresh SET refreshed_at = now() WHERE id = 1").update();
            log.info("Cohort facts refreshed in {} ms", (System.nanoTime() - started) / 1_000_000);
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
