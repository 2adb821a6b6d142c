package se.lots.shared.calendar;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
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

    private CalendarFile() {
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
