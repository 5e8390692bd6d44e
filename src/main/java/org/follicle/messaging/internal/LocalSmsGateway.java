package org.follicle.messaging.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The text messages of an instance without a provider: kept in memory (the latest hundred) where the demo and the
 * tests read them, and counted in the log without their content.
 */
@Component
class LocalSmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(LocalSmsGateway.class);

    static final int KEPT = 100;

    private final Deque<Sent> sent = new ArrayDeque<>();

    @Override
    public synchronized void send(Outbox.Queued message) {
        if (sent.size() == KEPT) {
            sent.removeFirst();
        }
        sent.addLast(new Sent(message.recipient(), message.subject() + "\n" + message.body()));
        log.info("Text message {} kept by the local gateway (no provider)", message.id());
    }

    /** What was sent, oldest first. */
    synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    record Sent(String phone, String text) {
    }
}
