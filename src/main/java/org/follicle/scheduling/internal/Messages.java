package org.follicle.scheduling.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

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

    private final Outbox outbox;

    private final MessageSource texts;

    private final SchedulingSettings settings;

    private final Clock clock;

    Messages(Outbox outbox, MessageSource texts, SchedulingSettings settings, Clock clock) {
        this.outbox = outbox;
        this.texts = texts;
        this.settings = settings;
        this.clock = clock;
    }

    /** The confirmation of one appointment, with its reminders. */
    void booked(PatientView patient, long organisationId, String clinicName, AppointmentView a, boolean treatment) {
        Locale locale = localeOf(patient);
        queue(patient, organisationId, a, MessageKind.CONFIRMATION, locale, clinicName, List.of(a), "REQUEST",
                clock.instant());
        timed(patient, organisationId, clinicName, a, treatment, locale);
    }

    /** One confirmation listing a whole course, then each appointment's reminders. */
    void courseBooked(PatientView patient, long organisationId, String clinicName, List<AppointmentView> course,
            java.util.function.Predicate<AppointmentView> treatment) {
        Locale locale = localeOf(patient);
        queue(patient, organisationId, null, MessageKind.COURSE_CONFIRMATION, locale, clinicName, course, "REQUEST",
                clock.instant());
        course.forEach(a -> timed(patient, organisationId, clinicName, a, treatment.test(a), locale));
    }

    void moved(PatientView patient, long organisationId, String clinicName, AppointmentView a, boolean treatment) {
        Locale locale = localeOf(patient);
        outbox.withdrawTimed(a.id());
        queue(patient, organisationId, a, MessageKind.RESCHEDULED, locale, clinicName, List.of(a), "REQUEST",
                clock.instant());
        timed(patient, organisationId, clinicName, a, treatment, locale);
    }

    void cancelled(PatientView patient, long organisationId, String clinicName, AppointmentView a) {
        outbox.withdrawTimed(a.id());
        queue(patient, organisationId, a, MessageKind.CANCELLED, localeOf(patient), clinicName, List.of(a), "CANCEL",
                clock.instant());
    }

    /** The session is signed: its aftercare goes now rather than at the booked end. */
    void aftercareNow(PatientView patient, long organisationId, String clinicName, AppointmentView a) {
        outbox.withdraw(a.id(), MessageKind.AFTERCARE);
        queue(patient, organisationId, a, MessageKind.AFTERCARE, localeOf(patient), clinicName, List.of(a), null,
                clock.instant());
    }

    /** The aftercare text for a sheet, in the patient's language, with the clinic's hours. */
    String aftercareText(PatientView patient, long organisationId, String clinicName) {
        Locale locale = localeOf(patient);
        return text(MessageKind.AFTERCARE, "body", new Object[] { patient.givenName(), "", clinicName, "", "", "",
                settings.aftercareHours(organisationId) }, locale);
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
        outbox.queue(new Outbox.Message(organisationId, clinicId, patient.id(), null, MessageKind.INVITATION,
                patient.email(), locale.getLanguage(), text(MessageKind.INVITATION, "subject", args, locale),
                text(MessageKind.INVITATION, "body", args, locale), null), clock.instant(), clock.instant());
    }

    private void timed(PatientView patient, long organisationId, String clinicName, AppointmentView a,
            boolean treatment, Locale locale) {
        if (patient.email() == null || patient.email().isBlank()) {
            // The confirmation already shows, failed, that the patient cannot be emailed; one such line is enough.
            return;
        }
        Instant now = clock.instant();
        Instant start = a.startsAt().toInstant();
        Instant reminder = start.minus(REMINDER_BEFORE);
        if (reminder.isAfter(now)) {
            queue(patient, organisationId, a, MessageKind.REMINDER, locale, clinicName, List.of(a), null, reminder);
        }
        if (treatment) {
            Instant preCare = start.minus(Duration.ofDays(settings.preCareDays(organisationId)));
            // Booked at short notice: the advice still goes, at once.
            queue(patient, organisationId, a, MessageKind.PRE_CARE, locale, clinicName, List.of(a), null,
                    preCare.isAfter(now) ? preCare : now);
            queue(patient, organisationId, a, MessageKind.AFTERCARE, locale, clinicName, List.of(a), null,
                    a.endsAt().toInstant());
        }
    }

    private void queue(PatientView patient, long organisationId, AppointmentView a, MessageKind kind, Locale locale,
            String clinicName, List<AppointmentView> appointments, String method, Instant sendAfter) {
        AppointmentView first = appointments.get(0);
        Object[] args = { patient.givenName(), when(first, locale), clinicName, first.practitionerName(),
                text("appointment.type." + first.typeCode(), locale), settings.preCareDays(organisationId),
                settings.aftercareHours(organisationId) };
        String body = text(kind, "body", args, locale);
        if (kind == MessageKind.COURSE_CONFIRMATION) {
            StringBuilder list = new StringBuilder(body).append("\n\n");
            appointments.forEach(x -> list.append("- ").append(when(x, locale)).append(" · ")
                    .append(text("appointment.type." + x.typeCode(), locale)).append('\n'));
            body = list.toString();
        }
        String calendar = method == null ? null : CalendarFiles.of(appointments.stream()
                .map(x -> new CalendarFiles.Event(x.id(), x.version(), x.startsAt().toInstant(), x.endsAt().toInstant(),
                        text("appointment.type." + x.typeCode(), locale) + " · " + clinicName, clinicName,
                        "CANCEL".equals(method)))
                .toList(), method);
        outbox.queue(new Outbox.Message(organisationId, first.clinicId(), patient.id(), a == null ? null : a.id(), kind,
                patient.email(), locale.getLanguage(), text(kind, "subject", args, locale), body, calendar), sendAfter,
                clock.instant());
    }

    private String when(AppointmentView a, Locale locale) {
        ZonedDateTime start = a.startsAt().toZonedDateTime();
        return start.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale)) + " "
                + start.format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale));
    }

    private String text(MessageKind kind, String part, Object[] args, Locale locale) {
        return texts.getMessage("message." + kind.name() + "." + part, args, locale);
    }

    private String text(String key, Locale locale) {
        return texts.getMessage(key, null, locale);
    }

    private static Locale localeOf(PatientView patient) {
        Locale locale = Languages.supported(patient.preferredLanguage());
        return locale == null ? Locale.ENGLISH : locale;
    }
}
