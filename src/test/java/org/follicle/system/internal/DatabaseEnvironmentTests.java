package org.follicle.system.internal;

import org.follicle.system.internal.DatabaseEnvironment.ExternalDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalyzedException;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseEnvironmentTests {

    @Test
    void acceptsAJdbcUrlAsItIs() {
        ExternalDatabase db = ExternalDatabase.parse("jdbc:postgresql://db:5432/follicle", "app", "secret");
        assertThat(db).isEqualTo(new ExternalDatabase("jdbc:postgresql://db:5432/follicle", "app", "secret"));
    }

    @Test
    void convertsAPostgresUrlWithCredentials() {
        ExternalDatabase db = ExternalDatabase.parse("postgres://app:s3cret@db.example:6543/follicle?sslmode=require",
                null, null);
        assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/follicle?sslmode=require");
        assertThat(db.username()).isEqualTo("app");
        assertThat(db.password()).isEqualTo("s3cret");
    }

    @Test
    void explicitCredentialsWinOverTheUrlsAndThePortDefaults() {
        ExternalDatabase db = ExternalDatabase.parse("postgresql://app:old@db/follicle", "other", "new");
        assertThat(db).isEqualTo(new ExternalDatabase("jdbc:postgresql://db:5432/follicle", "other", "new"));
    }

    @Test
    void refusesAnotherDatabase() {
        assertThatThrownBy(() -> ExternalDatabase.parse("jdbc:mysql://db/follicle", null, null))
                .hasMessageContaining("PostgreSQL only");
    }

    @Test
    void productionRefusesToStartWithoutAnExternalDatabase() {
        MockEnvironment env = new MockEnvironment();
        env.setActiveProfiles("prod");
        assertThatThrownBy(() -> new DatabaseEnvironment(new DeferredLogs()).postProcessEnvironment(env,
                new SpringApplication())).hasMessageContaining("production")
                .isInstanceOfSatisfying(FailureAnalyzedException.class,
                        e -> assertThat(e.analysis().getAction()).contains("DATABASE_URL"));
    }

    @Test
    void withoutTheEmbeddedServerAsksForAnExternalDatabase() {
        assertThatThrownBy(() -> new DatabaseEnvironment(new DeferredLogs(), false)
                .postProcessEnvironment(new MockEnvironment(), new SpringApplication()))
                .hasMessageContaining("no embedded PostgreSQL")
                .isInstanceOfSatisfying(FailureAnalyzedException.class, e -> assertThat(e.analysis().getAction())
                        .contains("DATABASE_URL").contains("./mvnw spring-boot:run"));
    }

    @Test
    void productionUsesTheConfiguredServer() {
        MockEnvironment env = new MockEnvironment().withProperty("follicle.database.url", "postgres://u:p@db/f");
        env.setActiveProfiles("prod");
        new DatabaseEnvironment(new DeferredLogs()).postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db:5432/f");
        assertThat(env.getProperty(DatabaseEnvironment.EMBEDDED_FLAG)).isEqualTo("false");
    }
}
