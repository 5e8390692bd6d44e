package org.follicle.messaging.internal;

import java.nio.charset.StandardCharsets;

import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends one email. With {@code spring.mail.host} set, through that SMTP server; without it (development and
 * demo), the message is only logged, without its body, and counts as sent.
 */
@Component
class MailGateway {

    private static final Logger log = LoggerFactory.getLogger(MailGateway.class);

    private final JavaMailSender sender;

    private final String from;

    MailGateway(ObjectProvider<JavaMailSender> sender, @Value("${follicle.messages.from}") String from) {
        this.sender = sender.getIfAvailable();
        this.from = from;
        if (this.sender == null) {
            log.info("No SMTP server set (spring.mail.host): patient emails are not sent, only counted in the log");
        }
    }

    void send(Outbox.Queued message) throws Exception {
        if (sender == null) {
            // Recipients and subjects are patient data: the log names the message by its id only.
            log.info("Email {} not sent (no SMTP server)", message.id());
            return;
        }
        MimeMessage mime = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, message.calendar() != null, "UTF-8");
        helper.setFrom(from);
        helper.setTo(message.recipient());
        helper.setSubject(message.subject());
        helper.setText(message.body(), false);
        if (message.calendar() != null) {
            helper.addAttachment("appointment.ics",
                    new ByteArrayResource(message.calendar().getBytes(StandardCharsets.UTF_8)),
                    "text/calendar; charset=UTF-8");
        }
        sender.send(mime);
    }
}
