package org.follicle.system;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;

/** What a transaction manager does around a transaction, done by hand: synchronization on, read only or not. */
class ReadOnceTests {

    private final List<Long> reads = new ArrayList<>();

    private final Object store = new Object();

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
            TransactionSynchronizationManager.clearSynchronization();
            synchronizations.forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));
        }
        TransactionSynchronizationManager.setCurrentTransactionReadOnly(false);
    }

    @Test
    void aReadOnlyTransactionReadsEachKeyOnceAndKeepsStoresApart() {
        begin(true);
        assertThat(read(store, 7L)).isEqualTo("patient 7");
        assertThat(read(store, 7L)).isEqualTo("patient 7");
        assertThat(read(store, 8L)).isEqualTo("patient 8");
        assertThat(read(new Object(), 7L)).isEqualTo("patient 7");
        assertThat(reads).containsExactly(7L, 8L, 7L);
    }

    @Test
    void aNullAnswerIsKeptToo() {
        begin(true);
        Supplier<String> nothing = () -> {
            reads.add(0L);
            return null;
        };
        assertThat((String) ReadOnce.read(store, "find", 0L, nothing)).isNull();
        assertThat((String) ReadOnce.read(store, "find", 0L, nothing)).isNull();
        assertThat(reads).containsExactly(0L);
    }

    @Test
    void outsideAReadOnlyTransactionEveryAskReads() {
        read(store, 7L);
        read(store, 7L);
        begin(false);
        read(store, 7L);
        read(store, 7L);
        assertThat(reads).containsExactly(7L, 7L, 7L, 7L);
    }

    @Test
    void theNextTransactionReadsAgain() {
        begin(true);
        read(store, 7L);
        endTransaction();
        begin(true);
        read(store, 7L);
        assertThat(reads).containsExactly(7L, 7L);
    }

    private static void begin(boolean readOnly) {
        TransactionSynchronizationManager.initSynchronization();
        TransactionSynchronizationManager.setCurrentTransactionReadOnly(readOnly);
    }

    private String read(Object reader, long id) {
        return ReadOnce.read(reader, "find", id, () -> {
            reads.add(id);
            return "patient " + id;
        });
    }
}
