package org.follicle.system.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.SpringApplication;

/**
 * The embedded evaluation PostgreSQL, started once per JVM so every Spring context of a test run shares it.
 * <p>
 * The only class that touches {@code io.zonky}: the production jar leaves those libraries out, so
 * {@link DatabaseEnvironment} loads this class only once it has found them on the class path.
 */
final class EmbeddedServer {

    private static EmbeddedPostgres server;

    private EmbeddedServer() {
    }

    /** Starts the server on its first call, with the application's role; returns its port. */
    static synchronized int start(Path dir, boolean clean) {
        if (server == null) {
            try {
                Files.createDirectories(dir.getParent() == null ? Path.of(".") : dir.toAbsolutePath().getParent());
                server = EmbeddedPostgres.builder()
                        .setDataDirectory(dir.toAbsolutePath())
                        .setCleanDataDirectory(clean)
                        .setServerConfig("max_connections", "100")
                        .setRegisterShutdownHook(false)
                        .start();
                createApplicationRole(server);
                EmbeddedPostgres started = server;
                // Runs after every application context has closed, so connections end before the server does.
                SpringApplication.getShutdownHandlers().add(() -> close(started));
            }
            catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir.toAbsolutePath()
                        + ". Is another Follicle already running on this data directory?", e);
            }
        }
        return server.getPort();
    }

    /** The embedded server's application role, once; it may run maintenance (VACUUM, ANALYZE) on its tables. */
    private static void createApplicationRole(EmbeddedPostgres pg) {
        try (var connection = pg.getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
            statement.execute("""
                    DO $$ BEGIN
                        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1$s') THEN
                            CREATE ROLE %1$s LOGIN PASSWORD '%1$s';
                        END IF;
                        IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'pg_maintain') THEN
                            GRANT pg_maintain TO %1$s;
                        END IF;
                    END $$""".formatted(DatabaseEnvironment.EMBEDDED_APP_ROLE));
        }
        catch (SQLException e) {
            throw new IllegalStateException("Could not create the application's role in the embedded PostgreSQL", e);
        }
    }

    private static void close(EmbeddedPostgres pg) {
        try {
            pg.close();
        }
        catch (IOException ignored) {
            // The JVM is exiting; PostgreSQL recovers its data directory on the next start.
        }
    }
}
