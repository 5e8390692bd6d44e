package org.follicle.messaging.internal;

/**
 * Sends one text message. One interface for whichever provider a clinic contracts; Follicle ships the local one
 * ({@link LocalSmsGateway}) for the demo and the tests.
 */
interface SmsGateway {

    void send(Outbox.Queued message) throws Exception;
}
