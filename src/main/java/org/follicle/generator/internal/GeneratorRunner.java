package org.follicle.generator.internal;

import java.util.Locale;

import javax.sql.DataSource;

import org.follicle.billing.SalesHistory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * {@code --follicle.generate.scale=small|medium|large [--follicle.generate.seed=0.42]}: once the database is migrated,
 * generates the organisation and stops the application (the README's "Performance" section).
 */
@Component
@ConditionalOnProperty("follicle.generate.scale")
class GeneratorRunner implements ApplicationRunner {

    private final OrganisationGenerator generator;

    private final Environment environment;

    private final ConfigurableApplicationContext context;

    GeneratorRunner(DataSource dataSource, PasswordEncoder encoder, SalesHistory sales, Environment environment,
            ConfigurableApplicationContext context) {
        this.generator = new OrganisationGenerator(dataSource, encoder, sales);
        this.environment = environment;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        String name = environment.getRequiredProperty("follicle.generate.scale");
        Scale scale;
        try {
            scale = Scale.valueOf(name.trim().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("follicle.generate.scale is small, medium or large, not " + name, e);
        }
        generator.generate(scale, environment.getProperty("follicle.generate.seed", Double.class, 0.42));
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}
