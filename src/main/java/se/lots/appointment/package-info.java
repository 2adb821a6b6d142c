/**
 * Bokade tider och påminnelser: a time booked with a young person (in a plan, a KAA contact or otherwise), whether
 * they came, did not come or the time was cancelled, the reminder sent to them before it by SMS or e-mail on the
 * channel they chose, and the calendar file (.ics) of the time. What a reminder or a calendar file says is
 * secret-proof: a time and a neutral place, never a unit's name or the young person's name. The root holds the
 * service and its values; the repositories, the sender and the gateways are {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Appointments and reminders",
        allowedDependencies = { "web :: start", "registry", "privacy", "audit", "security", "organisation", "shared" })
package se.lots.appointment;
