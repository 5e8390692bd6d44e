package org.follicle.security.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * Where transactions sit among the aspects: around the audit aspect, so that an audited write's entry is part of
 * its transaction and commits only with it. Spring Boot's own set-up would give both the lowest precedence, and
 * leave their order to chance.
 */
@Configuration(proxyBeanMethods = false)
@EnableTransactionManagement(order = TransactionOrder.TRANSACTIONS, proxyTargetClass = true)
class TransactionOrder {

    static final int TRANSACTIONS = Ordered.LOWEST_PRECEDENCE - 100;

    static final int AUDIT = TRANSACTIONS + 10;
}
