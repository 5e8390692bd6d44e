package org.follicle.system;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reads that a read-only transaction makes once. A chart page's sections read in one read-only transaction, and
 * several ask for the same patient, plans, assessments or intake (each section stands alone, and should). The
 * second ask gets the first answer, which also shows the page one state of the record. Outside a read-only
 * transaction every ask reads: a write may have changed the record in between.
 */
public final class ReadOnce {

    private ReadOnce() {
    }

    /**
     * @param reader who reads (the store), so that two stores' reads with the same key stay apart
     * @param what which of its reads
     * @param key the read's arguments; equal keys mean the same rows
     */
    @SuppressWarnings("unchecked")
    public static <T> T read(Object reader, String what, Object key, Supplier<T> read) {
        Map<Key, Object> done = readInThisTransaction();
        if (done == null) {
            return read.get();
        }
        Key k = new Key(reader, what, key);
        if (done.containsKey(k)) {
            return (T) done.get(k);
        }
        // Not computeIfAbsent: the read may itself read once (a nested store), which would change the map under it.
        T value = read.get();
        done.put(k, value);
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<Key, Object> readInThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return null;
        }
        Map<Key, Object> done = (Map<Key, Object>) TransactionSynchronizationManager.getResource(ReadOnce.class);
        if (done == null) {
            Map<Key, Object> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(ReadOnce.class, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResource(ReadOnce.class);
                }
            });
            done = fresh;
        }
        return done;
    }

    private record Key(Object reader, String what, Object key) {
    }
}
