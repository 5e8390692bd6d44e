package org.follicle.system.internal;

import java.util.ArrayList;
import java.util.List;

import org.follicle.system.DemoDataContributor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDataLoaderTests {

    @Test
    void productionNeverLoadsDemoDataWhateverThePropertySays() {
        List<String> loaded = new ArrayList<>();
        DemoDataContributor contributor = new DemoDataContributor() {
            @Override
            public void loadDemoData() {
                loaded.add("demo");
            }

            @Override
            public int getOrder() {
                return 0;
            }
        };
        MockEnvironment env = new MockEnvironment();
        env.setActiveProfiles("prod");
        // No database is needed: a production loader must not even look.
        new DemoDataLoader(List.of(contributor), null, null, env, true).run(new DefaultApplicationArguments());
        assertThat(loaded).isEmpty();
    }
}
