package org.follicle;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The modules' boundaries hold (no cycles, no reach into another module's internals) and are documented. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(FollicleApplication.class);

    @Test
    void modulesKeepTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(modules).writeDocumentation();
    }
}
