package org.follicle.outcomes.internal;

import org.follicle.support.FollicleIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@FollicleIntegrationTest
class CohortFactsIT {

    @Autowired
    CohortFacts facts;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    /**
     * A refresh's statements are not compiled by PostgreSQL's JIT, which took as long as running them, and the
     * setting ends with the refresh's transaction: the other statements keep the server's.
     */
    @Test
    void aRefreshRunsWithoutTheDatabasesJit() {
        String server = jit();
        String duringTheRefresh = transactions.execute(status -> {
            facts.refresh();
            return jit();
        });
        assertThat(duringTheRefresh).isEqualTo("off");
        assertThat(server).isEqualTo("on");
        assertThat(jit()).isEqualTo(server);
    }

    private String jit() {
        return jdbc.sql("SELECT current_setting('jit')").query(String.class).single();
    }
}
