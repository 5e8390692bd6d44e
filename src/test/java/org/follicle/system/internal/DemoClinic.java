package org.follicle.system.internal;

import java.util.List;

import org.follicle.system.DemoDataContributor;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The demo clinic, loaded (once: the loader skips it when it is there) for tests outside this package. */
public final class DemoClinic {

    private DemoClinic() {
    }

    public static void load(List<DemoDataContributor> contributors, JdbcClient jdbc, TransactionTemplate transaction,
            Environment environment) {
        new DemoDataLoader(contributors, jdbc, transaction, environment, true).run(new DefaultApplicationArguments());
    }
}
