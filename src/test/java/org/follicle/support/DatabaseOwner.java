package org.follicle.support;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The owner of the schema, who runs the migrations: what a test uses to do what the application's own role may
 * not (disable a trigger, rewrite the audit log), as an attacker with the owner's rights would.
 */
public final class DatabaseOwner {

    private DatabaseOwner() {
    }

    public static JdbcClient jdbc(Environment environment) {
        String user = environment.getProperty("spring.flyway.user",
                environment.getProperty("spring.datasource.username", ""));
        String password = environment.getProperty("spring.flyway.user") != null
                ? environment.getProperty("spring.flyway.password", "")
                : environment.getProperty("spring.datasource.password", "");
        return JdbcClient.create(new DriverManagerDataSource(environment.getProperty("spring.datasource.url"),
                user, password));
    }
}
