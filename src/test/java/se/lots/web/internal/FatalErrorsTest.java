package se.lots.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * A real OutOfMemoryError on a worker thread, in a JVM of its own (same java, same classpath) where another
 * non-daemon thread would keep the process alive, as Tomcat's threads do: with Lots' handler the process ends with
 * {@link FatalErrors#EXIT_CODE} within seconds; without it, it lives on half-dead.
 */
class FatalErrorsTest {

    /** The child process: a thread that never ends, and a thread that runs out of memory. */
    public static final class Child {

        public static void main(String[] args) throws Exception {
            if (args.length > 0 && args[0].equals("install")) {
                FatalErrors.install();
            }
            Thread keepsAlive = new Thread(() -> {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "http-nio-exec-1");
            keepsAlive.start();
            Thread worker = new Thread(() -> {
                var hog = new ArrayList<long[]>();
                while (true) {
                    hog.add(new long[1 << 20]);
                }
            }, "http-nio-exec-2");
            worker.start();
            worker.join();
            System.out.println("worker died");
        }
    }

    private static Process child(String... args) throws Exception {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // no -XX:+ExitOnOutOfMemoryError here: the handler must do it on its own
                "-Xmx48m", "-cp", System.getProperty("java.class.path"), Child.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(File.createTempFile("fatal-error-child", ".log")).start();
    }

    @Test
    void anOutOfMemoryErrorOnAWorkerThreadEndsTheProcessWithTheExitCode() throws Exception {
        Process process = child("install");

        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("the process ended").isTrue();
        assertThat(process.exitValue()).isEqualTo(FatalErrors.EXIT_CODE);
    }

    @Test
    void withoutTheHandlerTheSameProcessLivesOnHalfDead() throws Exception {
        Process process = child();
        try {
            assertThat(process.waitFor(5, TimeUnit.SECONDS)).as("the process ended").isFalse();
        } finally {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void anErrorWrappedInAnExceptionIsFatalAndAnExceptionIsNot() {
        assertThat(FatalErrors.isFatal(new jakarta.servlet.ServletException("Handler dispatch failed",
                new NoClassDefFoundError("x")))).isTrue();
        assertThat(FatalErrors.isFatal(new IllegalStateException("x", new RuntimeException()))).isFalse();
    }
}
