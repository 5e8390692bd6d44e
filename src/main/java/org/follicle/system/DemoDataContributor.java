package org.follicle.system;

import java.util.List;

import org.springframework.core.Ordered;

/**
 * A module's share of the demo clinic, loaded once on the first start of a non-production instance.
 * Contributors run in {@link #getOrder()} order (lowest first) inside one transaction.
 */
public interface DemoDataContributor extends Ordered {

    void loadDemoData();

    /** Lines printed at every start of an instance that has demo data, such as the demo logins. */
    default List<String> describeDemoData() {
        return List.of();
    }
}
