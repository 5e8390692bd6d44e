package org.follicle.system.internal;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalyzedException;
import org.springframework.boot.logging.DeferredLog;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Chooses the PostgreSQL server before anything else starts.
 * <ol>
 * <li>{@code spring.datasource.url} set: Spring's own configuration, untouched.</li>
 * <li>{@code follicle.database.url} (from {@code DATABASE_URL}) set: that server.</li>
 * <li>the {@code prod} profile: refuse to start, never fall back to an evaluation database.</li>
 * <li>no embedded PostgreSQL on the class path (the production jar): refuse to start.</li>
 * <li>otherwise: an embedded PostgreSQL ({@link EmbeddedServer}) whose data persists in
 * {@code follicle.database.embedded.data-dir}.</li>
 * </ol>
 * <p>
 * Two roles: migrations run as the schema's owner, the application as a role that may read and write rows but
 * not alter tables or their triggers, nor change or delete audit entries (granted by {@code afterMigrate.sql}).
 * For an external server the owner is {@code DATABASE_OWNER_USERNAME}; without it both are the one role given, and
 * the audit log is protected by its key and checkpoints only. The embedded server does it by itself: it migrates
 * as {@code postgres} and runs as {@value #EMBEDDED_APP_ROLE}.
 */
public class DatabaseEnvironment implements EnvironmentPostProcessor, Ordered {

    public static final String EMBEDDED_FLAG = "follicle.database.embedded-active";

    static final String EMBEDDED_APP_ROLE = "follicle_app";

    /** The role the grants after each migration are for; empty when the application runs as the owner. */
    static final String APP_ROLE_PLACEHOLDER = "spring.flyway.placeholders.appRole";

    /** Left out of the production jar, with the rest of the embedded server; {@link EmbeddedServer} needs it. */
    private static final String EMBEDDED_SERVER_CLASS = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

    private static final String SET_DATABASE_URL = "Set DATABASE_URL (and DATABASE_USERNAME, DATABASE_PASSWORD) to "
            + "your PostgreSQL server.";

    private final DeferredLog log;

    private final boolean embeddedServerPresent;

    public DatabaseEnvironment(DeferredLogFactory logs) {
        this(logs, ClassUtils.isPresent(EMBEDDED_SERVER_CLASS, DatabaseEnvironment.class.getClassLoader()));
    }

    DatabaseEnvironment(DeferredLogFactory logs, boolean embeddedServerPresent) {
        this.log = (DeferredLog) logs.getLog(DatabaseEnvironment.class);
        this.embeddedServerPresent = embeddedServerPresent;
    }

    @Override
    public int getOrder() {
        // After application.properties and profiles are loaded.
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (StringUtils.hasText(env.getProperty("spring.datasource.url"))) {
            return;
        }
        Map<String, Object> props = new HashMap<>();
        String url = env.getProperty("follicle.database.url");
        if (StringUtils.hasText(url)) {
            ExternalDatabase db = ExternalDatabase.parse(url, env.getProperty("follicle.database.username"),
                    env.getProperty("follicle.database.password"));
            props.put("spring.datasource.url", db.jdbcUrl());
            putIfText(props, "spring.datasource.username", db.username());
            putIfText(props, "spring.datasource.password", db.password());
            String owner = env.getProperty("follicle.database.owner-username");
            if (StringUtils.hasText(owner) && !owner.equals(db.username())) {
                props.put("spring.flyway.user", owner);
                props.put("spring.flyway.password", env.getProperty("follicle.database.owner-password", ""));
                props.put(APP_ROLE_PLACEHOLDER, db.username());
            }
            else {
                props.put(APP_ROLE_PLACEHOLDER, "");
                log.warn("Follicle runs as the owner of its tables (DATABASE_OWNER_USERNAME is not set): its own "
                        + "database login could alter the audit tables. Their key and checkpoints still reveal it; "
                        + "see the README, 'Two database roles'.");
            }
            props.put(EMBEDDED_FLAG, false);
        }
        else if (Arrays.asList(env.getActiveProfiles()).contains("prod")) {
            throw new FailureAnalyzedException("Follicle runs in production mode (profile 'prod') but no database "
                    + "is configured. The embedded evaluation database is never used in production.", SET_DATABASE_URL);
        }
        else if (!embeddedServerPresent) {
            throw new FailureAnalyzedException("No database is configured, and this build of Follicle carries no "
                    + "embedded PostgreSQL.", SET_DATABASE_URL + " Or run from source with ./mvnw spring-boot:run "
                    + "for the embedded evaluation database.");
        }
        else {
            Path dir = Path.of(env.getProperty("follicle.database.embedded.data-dir", "data/postgres"));
            boolean clean = env.getProperty("follicle.database.embedded.clean", Boolean.class, false);
            int port = EmbeddedServer.start(dir, clean);
            // Without the user in the URL, which would override the role below.
            props.put("spring.datasource.url", "jdbc:postgresql://localhost:" + port + "/postgres");
            props.put("spring.datasource.username", EMBEDDED_APP_ROLE);
            props.put("spring.datasource.password", EMBEDDED_APP_ROLE);
            props.put("spring.flyway.user", "postgres");
            props.put("spring.flyway.password", "");
            props.put(APP_ROLE_PLACEHOLDER, EMBEDDED_APP_ROLE);
            props.put(EMBEDDED_FLAG, true);
            log.warn("Follicle is running on an EMBEDDED EVALUATION DATABASE (PostgreSQL, data in "
                    + dir.toAbsolutePath() + "). Set DATABASE_URL to use your own PostgreSQL server.");
        }
        env.getPropertySources().addFirst(new MapPropertySource("follicleDatabase", props));
    }

    private static void putIfText(Map<String, Object> props, String key, String value) {
        if (StringUtils.hasText(value)) {
            props.put(key, value);
        }
    }

    /** A {@code DATABASE_URL}, either JDBC or the common {@code postgres://user:pass@host:port/db} form. */
    record ExternalDatabase(String jdbcUrl, String username, String password) {

        static ExternalDatabase parse(String url, String username, String password) {
            if (url.startsWith("jdbc:postgresql:")) {
                return new ExternalDatabase(url, username, password);
            }
            if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
                URI uri = URI.create(url);
                String user = username;
                String pass = password;
                if (uri.getUserInfo() != null) {
                    String[] parts = uri.getUserInfo().split(":", 2);
                    user = StringUtils.hasText(user) ? user : parts[0];
                    pass = StringUtils.hasText(pass) ? pass : (parts.length > 1 ? parts[1] : null);
                }
                int port = uri.getPort() == -1 ? 5432 : uri.getPort();
                String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
                return new ExternalDatabase("jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query,
                        user, pass);
            }
            throw new IllegalStateException("DATABASE_URL must be a PostgreSQL URL: 'jdbc:postgresql://host:5432/db' "
                    + "or 'postgres://user:password@host:5432/db'. Follicle supports PostgreSQL only.");
        }
    }
}
