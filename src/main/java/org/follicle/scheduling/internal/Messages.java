package org.follicle.scheduling.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import org.follicle.messaging.MessageKind;
import org.follicle.messaging.OutgoingMessage;
import org.follicle.messaging.PatientMessages;
import org.follicle.patients.PatientView;
import org.follicle.scheduling.AppointmentView;
import org.follicle.system.Languages;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes a patient's emails about their appointments in the patient's language and queues them: the confirmation
 * now, the reminder 48 hours before, pre-care the organisation's days before a treatment, aftercare when it ends.
 */
@Component
class Messages {

    static final Duration REMINDER_BEFORE = Duration.ofHours(48);

    private final PatientMessages outbox;

    private final MessageSource texts;

    private final SchedulingSettings settings;

    private final Clock clock;

    Messages(PatientMessages outbox, MessageSource texts, SchedulingSettings settings, Clock clock) {
        this.outbox = outbox;
        this.texts = texts;
        this.settings = settings;
        this.clock = clock;
    }

    /** The confirmation of one appointment, with its reminders. */
    void booked(PatientView patient, long organisationId, String clinicName, AppointmentView a, boolean treatment) {
        Letter to = letter(patient, organisationId, clinicName);
        queue(to, a, MessageKind.CONFIRMATION, List.of(a), "REQUEST", clock.instant());
        timed(to, a, treatment);
    }

    /** One confirmation listing a whole course, then each appointment's reminders. */
    void courseBooked(PatientView patient, long organisationId, String clinicName, List<AppointmentView> course,
            java.util.function.Predicate<AppointmentView> treatment) {
        Letter to = letter(patient, organisationId, clinicName);
        queue(to, null, MessageKind.COURSE_CONFIRMATION, course, "REQUEST", clock.instant());
        course.forEach(a -> timed(to, a, treatment.test(a)));
    }

    void moved(PatientView patient, long organisationId, String clinicName, AppointmentView a, boolean treatment) {
        Letter to = letter(patient, organisationId, clinicName);
        outbox.withdrawTimed(a.id());
        queue(to, a, MessageKind.RESCHEDULED, List.of(a), "REQUEST", clock.instant());
        timed(to, a, treatment);
    }

    void cancelled(PatientView patient, long organisationId, String clinicName, AppointmentView a) {
        outbox.withdrawTimed(a.id());
        queue(letter(patient, organisationId, clinicName), a, MessageKind.CANCELLED, List.of(a), "CANCEL",
                clock.instant());
    }

    /** The session is signed: its aftercare goes now rather than at the booked end. */
    void aftercareNow(PatientView patient, long organisationId, String clinicName, AppointmentView a) {
        outbox.withdraw(a.id(), MessageKind.AFTERCARE);
        queue(letter(patient, organisationId, clinicName), a, MessageKind.AFTERCARE, List.of(a), null,
                clock.instant());
    }

    /** The aftercare text for a sheet, in the patient's language, with the clinic's hours. */
    String aftercareText(PatientView patient, long organisationId, String clinicName) {
        Letter to = letter(patient, organisationId, clinicName);
        return text(organisationId, MessageKind.AFTERCARE, "body", new Object[] { patient.givenName(), "", clinicName, "", "", "",
                to.settings().aftercareHours() }, to.locale());
    }

    static Locale languageOf(PatientView patient) {
        return localeOf(patient);
    }

    /** A missed appointment gets no aftercare; the reminders have gone already. */
    void missed(AppointmentView a) {
        outbox.withdrawTimed(a.id());
    }

    /** A recall: the patient's maintenance is due. */
    void invitation(PatientView patient, long organisationId, long clinicId, String clinicName, String courseName) {
        Locale locale = localeOf(patient);
        Object[] args = { patient.givenName(), "", clinicName, "", courseName, "", "" };
        outbox.queue(new OutgoingMessage(organisationId, clinicId, patient.id(), null, MessageKind.INVITATION,
                patient.email(), locale.getLanguage(), text(organisationId, MessageKind.INVITATION, "subject", args, locale),
                text(organisationId, MessageKind.INVITATION, "body", args, locale), null), clock.instant());
    }

    /** A lot the patient received is recalled: sent at once, in the patient's language, in the clinic's name. */
    void lotRecalled(PatientView patient, long organisationId, long clinicId, String clinicName, String productName,
            String lotNumber) {
        Locale locale = localeOf(patient);
        Object[] args = { patient.givenName(), "", clinicName, "", productName, lotNumber, "" };
        outbox.queue(new OutgoingMessage(organisationId, clinicId, patient.id(), null, MessageKind.LOT_RECALL,
                patient.email(), locale.getLanguage(), text(organisationId, MessageKind.LOT_RECALL, "subject", args, locale),
                text(organisationId, MessageKind.LOT_RECALL, "body", args, locale), null), clock.instant());
    }

    /** Who is written to, in which language, with the organisation's settings read once for all the messages. */
    private Letter letter(PatientView patient, long organisationId, String clinicName) {
        return new Letter(patient, organisationId, clinicName, localeOf(patient), settings.messages(organisationId));
    }

    private void timed(Letter to, AppointmentView a, boolean treatment) {
        if (to.patient().email() == null || to.patient().email().isBlank()) {
            // The confirmation already shows, failed, that the patient cannot be emailed; one such line is enough.
            return;
        }
        Instant now = clock.instant();
        Instant start = a.startsAt().toInstant();
        Instant reminder = start.minus(REMINDER_BEFORE);
        if (reminder.isAfter(now)) {
            queue(to, a, MessageKind.REMINDER, List.of(a), null, reminder);
        }
        if (treatment) {
            Instant preCare = start.minus(Duration.ofDays(to.settings().preCareDays()));
            // Booked at short notice: the advice still goes, at once.
            queue(to, a, MessageKind.PRE_CARE, List.of(a), null, preCare.isAfter(now) ? preCare : now);
            queue(to, a, MessageKind.AFTERCARE, List.of(a), null, a.endsAt().toInstant());
        }
    }

    private void queue(Letter to, AppointmentView a, MessageKind kind, List<AppointmentView> appointments,
            String method, Instant sendAfter) {
        Locale locale = to.locale();
        AppointmentView first = appointments.get(0);
        Object[] args = { to.patient().givenName(), when(first, locale), to.clinicName(), first.practitionerName(),
                text("appointment.type." + first.typeCode(), locale), to.settings().preCareDays(),
                to.settings().aftercareHours() };
        String body = text(to.organisationId(), kind, "body", args, locale);
        if (kind == MessageKind.COURSE_CONFIRMATION) {
            StringBuilder list = new StringBuilder(body).append("\n\n");
            appointments.forEach(x -> list.append("- ").append(when(x, locale)).append(" · ")
                    .append(text("appointment.type." + x.typeCode(), locale)).append('\n'));
            body = list.toString();
        }
        String calendar = method == null ? null : CalendarFiles.of(appointments.stream()
                .map(x -> new CalendarFiles.Event(x.id(), x.version(), x.startsAt().toInstant(), x.endsAt().toInstant(),
                        text("appointment.type." + x.typeCode(), locale) + " · " + to.clinicName(), to.clinicName(),
                        "CANCEL".equals(method)))
                .toList(), method);
        outbox.queue(new OutgoingMessage(to.organisationId(), first.clinicId(), to.patient().id(),
                a == null ? null : a.id(), kind, to.patient().email(), locale.getLanguage(),
                text(to.organisationId(), kind, "subject", args, locale), body, calendar), sendAfter);
    }

    /** The addressee of a batch of messages. */
    private record Letter(PatientView patient, long organisationId, String clinicName, Locale locale,
            SchedulingSettings.MessageSettings settings) {
    }

    private String when(AppointmentView a, Locale locale) {
        ZonedDateTime start = a.startsAt().toZonedDateTime();
        return start.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale)) + " "
                + start.format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale));
    }

    private String text(long organisationId, MessageKind kind, String part, Object[] args, Locale locale) {
        return outbox.text(organisationId, kind, part, args, locale);
    }

    private String text(String key, Locale locale) {
        return texts.getMessage(key, null, locale);
    }

    private static Locale localeOf(PatientView patient) {
        Locale locale = Languages.supported(patient.preferredLanguage());
        return locale == null ? Locale.ENGLISH : locale;
    }
}
