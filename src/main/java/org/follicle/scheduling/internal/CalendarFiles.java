package org.follicle.scheduling.internal;

import java.time.Instant;
import java.util.List;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * iCalendar (RFC 5545) files: the attachment of a confirmation, and a practitioner's feed. Times are written in
 * UTC, which every calendar shows in its own zone; an event keeps its UID across moves, with a higher SEQUENCE,
 * so the patient's calendar updates it instead of adding a second one.
 */
final class CalendarFiles {

    private CalendarFiles() {
    }

    /** A calendar of events; {@code method} is REQUEST, CANCEL or {@code null} for a feed. */
    static String of(List<Event> events, String method) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Follicle//Appointments//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        if (method != null) {
            calendar.add(new Method(method));
        }
        for (Event e : events) {
            VEvent event = new VEvent(e.start(), e.end(), e.summary());
            event.add(new Uid("appointment-" + e.appointmentId() + "@follicle"));
            event.add(new Sequence(e.sequence()));
            if (e.location() != null) {
                event.add(new Location(e.location()));
            }
            if (e.cancelled()) {
                event.add(new Status(Status.VALUE_CANCELLED));
            }
            calendar.add(event);
        }
        return calendar.toString();
    }

    record Event(long appointmentId, int sequence, Instant start, Instant end, String summary, String location,
            boolean cancelled) {
    }
}
