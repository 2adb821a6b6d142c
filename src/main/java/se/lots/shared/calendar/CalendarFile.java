package se.lots.shared.calendar;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * A calendar file (.ics, RFC 5545) of booked times, meetings and home-visit days, written with ical4j. Times are in
 * UTC (…Z), which every calendar shows in its own zone without a VTIMEZONE block. A calendar file ends up in mail
 * servers and clouds: the caller gives only a neutral summary and place, never a young person's name.
 */
public final class CalendarFile {

    /** One event; {@code uid} must be stable, so that a calendar replaces an event sent again instead of adding it. */
    public record Event(String uid, Instant start, Instant end, String summary, String location) {
    }

    /**
     * A whole day (DTSTART;VALUE=DATE, to the next day), for a day without times of its own such as a home-visit day;
     * {@code description} may be null.
     */
    public record DayEvent(String uid, LocalDate day, String summary, String location, String description) {
    }

    private CalendarFile() {
    }

    /** Whole-day events, as {@link #of} for timed ones. */
    public static byte[] ofDays(List<DayEvent> events, Instant stamp) {
        Calendar calendar = calendar();
        for (DayEvent e : events) {
            VEvent event = new VEvent(e.day(), e.day().plusDays(1), e.summary());
            event.replace(new DtStamp(stamp));
            event.add(new Uid(e.uid()));
            if (e.location() != null) {
                event.add(new Location(e.location()));
            }
            if (e.description() != null) {
                event.add(new Description(e.description()));
            }
            calendar.add(event);
        }
        return write(calendar);
    }

    private static Calendar calendar() {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Lots//Lots//SV"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        return calendar;
    }

    private static byte[] write(Calendar calendar) {
        var out = new ByteArrayOutputStream();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] of(List<Event> events, Instant stamp) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Lots//Lots//SV"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        for (Event e : events) {
            VEvent event = new VEvent(e.start(), e.end(), e.summary());
            event.replace(new DtStamp(stamp));
            event.add(new Uid(e.uid()));
            if (e.location() != null) {
                event.add(new Location(e.location()));
            }
            calendar.add(event);
        }
        var out = new ByteArrayOutputStream();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
