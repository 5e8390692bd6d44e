package org.follicle.messaging.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.javamail.JavaMailSender;

import static org.assertj.core.api.Assertions.assertThat;

/** Without an SMTP server a patient email is not sent, and the log does not say to whom or what. */
@ExtendWith(OutputCaptureExtension.class)
class MailGatewayTests {

    @Test
    void anUnsentEmailIsLoggedWithoutItsRecipientOrSubject(CapturedOutput output) throws Exception {
        MailGateway gateway = new MailGateway(new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class),
                "clinic@example.invalid");
        gateway.send(new Outbox.Queued(42, "jeanne.martin@example.invalid", "Votre rendez-vous avec Dr Roux",
                "Bonjour Jeanne", null, 0, org.follicle.messaging.Channel.EMAIL));
        assertThat(output.getAll()).contains("Email 42 not sent").doesNotContain("jeanne.martin", "Jeanne", "Roux");
    }
}
