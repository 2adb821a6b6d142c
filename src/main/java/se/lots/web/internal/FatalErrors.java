package se.lots.web.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An {@link Error} (out of memory, a broken class, a stack overflow) ends the process, so that the supervisor
 * (systemd's {@code Restart=}) starts a whole server again: once, a Tomcat thread died of an OutOfMemoryError and
 * the server answered nothing until killed (issue 20). {@code -XX:+ExitOnOutOfMemoryError} does the same for memory
 * where Lots is started (docs/operations.md); this is for every other Error and for a JVM started without it.
 */
public final class FatalErrors {

    /** As the JVM's own {@code -XX:+ExitOnOutOfMemoryError}: the supervisor sees one code for "start me again". */
    public static final int EXIT_CODE = 3;
    /** Time for an orderly stop (the embedded PostgreSQL shut down cleanly); then the process is halted. */
    static final Duration GRACE = Duration.ofSeconds(10);

    private static final AtomicBoolean EXITING = new AtomicBoolean();

    private FatalErrors() {
    }

    /** Every thread's uncaught Error ends the process; an uncaught exception is only reported, as before. */
    public static void install() {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (isFatal(e)) {
                exit(e);
            } else if (previous != null) {
                previous.uncaughtException(thread, e);
            } else {
                e.printStackTrace();
            }
        });
    }

    /** An Error, or an exception carrying one (Spring MVC wraps a handler's Error in a ServletException). */
    public static boolean isFatal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Error) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * Stops the process: an orderly exit (shutdown hooks) on a thread of its own, and a halt after {@link #GRACE}
     * if that hangs; at once if not even a thread can be started. Returns to the caller, who may go on unwinding.
     */
    public static void exit(Throwable e) {
        if (!EXITING.compareAndSet(false, true)) {
            return;
        }
        try {
            System.err.println("Lots stops on a fatal error, for its supervisor to start it again: " + e);
            var halt = new Thread(() -> {
                try {
                    Thread.sleep(GRACE.toMillis());
                } catch (InterruptedException ignored) {
                    // halting anyway
                }
                Runtime.getRuntime().halt(EXIT_CODE);
            }, "lots-fatal-halt");
            halt.setDaemon(true);
            halt.start();
            new Thread(() -> System.exit(EXIT_CODE), "lots-fatal-exit").start();
        } catch (Throwable notEvenThat) {
            Runtime.getRuntime().halt(EXIT_CODE);
        }
    }
}
