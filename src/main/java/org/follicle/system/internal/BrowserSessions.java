package org.follicle.system.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Browser sessions (Spring Session, in the database so that several instances share them) are read and written
 * statement by statement, each committed on its own. Spring Session wraps each read and write in a transaction of
 * its own: for the one statement that a page's session read or its last-access update is, the COMMIT was a second
 * round trip to the database, three more on every page, each a wait for the database's turn on the cores when the
 * machine is busy. What those transactions guarded is a session's rows written together: a crash between them
 * leaves a session without some of its attributes, and its user signs in again. No record is kept in a session.
 */
@Configuration(proxyBeanMethods = false)
class BrowserSessions {

    /**
     * Boot's transaction template, which the application's services use. Boot defines it only while no other
     * {@link TransactionOperations} is defined, as the one below is.
     */
    @Bean
    @Primary
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactions) {
        return new TransactionTemplate(transactions);
    }

    /**
     * The name Spring Session's JDBC configuration asks for. Outside any transaction of the request's: a session
     * saved as a response is committed inside one (a read-only one, say) stays apart from it, as before.
     */
    @Bean
    TransactionOperations springSessionTransactionOperations(PlatformTransactionManager transactions) {
        TransactionTemplate statementByStatement = new TransactionTemplate(transactions);
        statementByStatement.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        return statementByStatement;
    }
}
