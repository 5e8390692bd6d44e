package org.follicle.system.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.follicle.system.DemoDataContributor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo clinic once, on the first start of a non-production instance, and prints its logins at
 * every start. A marker row makes it run once even when several instances start together.
 */
@Component
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private static final String MARKER = "demo-data-loaded";

    private final List<DemoDataContributor> contributors;

    private final JdbcClient jdbc;

    private final TransactionTemplate transaction;

    private final boolean enabled;

    DemoDataLoader(List<DemoDataContributor> contributors, JdbcClient jdbc, TransactionTemplate transaction,
            Environment environment, @Value("${follicle.demo-data.enabled:true}") boolean enabled) {
        this.contributors = contributors.stream().sorted(Comparator.comparingInt(DemoDataContributor::getOrder))
                .toList();
        this.jdbc = jdbc;
        this.transaction = transaction;
        // Production never gets demo data, whatever the property says.
        this.enabled = enabled && !Arrays.asList(environment.getActiveProfiles()).contains("prod");
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        boolean loadedNow = Boolean.TRUE.equals(transaction.execute(status -> {
            int claimed = jdbc.sql("INSERT INTO system_setting (name, value) VALUES (:name, 'true') "
                    + "ON CONFLICT (name) DO NOTHING").param("name", MARKER).update();
            if (claimed == 0) {
                return false;
            }
            contributors.forEach(DemoDataContributor::loadDemoData);
            return true;
        }));
        if (loadedNow) {
            log.info("Loaded the demo clinic.");
        }
        StringBuilder banner = new StringBuilder("\n\n  Follicle demo data (not for real patients):\n");
        contributors.forEach(c -> c.describeDemoData().forEach(line -> banner.append("    ").append(line).append('\n')));
        log.info(banner.toString());
    }
}
