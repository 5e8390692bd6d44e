package org.follicle.system;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.springframework.dao.ConcurrencyFailureException;

/**
 * Runs a write again when PostgreSQL aborted it for a concurrency reason (a deadlock between two bookings that
 * wait on each other's exclusion-constraint check, a lock timeout). Each attempt must be its own transaction: call
 * it from outside any transaction, around a transactional service method. On the next attempt the other side has
 * committed, so the write goes through or meets a clear rule.
 */
public final class Retries {

    static final int ATTEMPTS = 4;

    private Retries() {
    }

    public static <T> T onConcurrencyFailure(Supplier<T> write) {
        for (int attempt = 1;; attempt++) {
            try {
                return write.get();
            }
            catch (ConcurrencyFailureException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextLong(10, 50L * attempt));
                }
                catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
