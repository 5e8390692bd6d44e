package org.follicle.messaging.internal;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Sends what is due in the outbox, a batch at a time; a failure waits longer before each new attempt. */
@Component
class OutboxWorker {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    private static final int BATCH = 50;

    private final Outbox outbox;

    private final MailGateway mail;

    private final SmsGateway sms;

    private final Clock clock;

    OutboxWorker(Outbox outbox, MailGateway mail, SmsGateway sms, Clock clock) {
        this.outbox = outbox;
        this.mail = mail;
        this.sms = sms;
        this.clock = clock;
    }

    /** Sends every message due now; returns how many went. */
    int sendDue() {
        int sent = 0;
        List<Outbox.Queued> batch;
        do {
            // Claimed in its own statement (and transaction), so nothing is held while talking to the SMTP server.
            batch = outbox.claimDue(clock.instant(), BATCH);
            for (Outbox.Queued message : batch) {
                try {
                    if (message.channel() == org.follicle.messaging.Channel.SMS) {
                        sms.send(message);
                    }
                    else {
                        mail.send(message);
                    }
                    outbox.sent(message.id(), clock.instant());
                    sent++;
                }
                catch (Exception e) {
                    // A mail error may quote the address: the log names its kind only.
                    log.warn("Message {} not sent (attempt {}): {}", message.id(), message.attempts(),
                            e.getClass().getSimpleName());
                    outbox.failed(message, e.getClass().getSimpleName() + ": " + e.getMessage(), clock.instant());
                }
            }
        }
        while (batch.size() == BATCH);
        return sent;
    }

    /** The worker's timer; tests switch it off ({@code follicle.messages.worker=false}) and send by hand. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @org.springframework.scheduling.annotation.EnableScheduling
    @ConditionalOnProperty(name = "follicle.messages.worker", havingValue = "true", matchIfMissing = true)
    static class Schedule {

        private final OutboxWorker worker;

        Schedule(OutboxWorker worker) {
            this.worker = worker;
        }

        @Scheduled(fixedDelayString = "${follicle.messages.poll-interval:PT30S}", initialDelayString = "PT20S")
        void run() {
            worker.sendDue();
        }
    }

}
