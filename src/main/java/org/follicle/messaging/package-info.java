/**
 * Patient messages: the outbox that every module's emails go through, written in the transaction of the act that
 * causes them, sent by a worker with retries (several instances claim their batches apart), through an SMTP server;
 * what was sent, when and why not, for the chart and the API. What a message says is its sender's business.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "system", "security" })
package org.follicle.messaging;
