package se.lots.web.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import se.lots.security.Actor;
import se.lots.web.start.StartPanel;
import se.lots.web.start.StartPanel.Content;

/**
 * Asks every start panel for its content at the same time, so that the start page waits for its slowest panel instead
 * of the sum of them: each panel reads its own module's tables in its own transaction and is a function of the
 * {@link Actor} it is given (and of the request's locale, which is handed over). With a case worker's four panels at
 * 3–7 ms each the sum was most of the page's time at full size (docs/benchmarks.md, "Start page at full size").
 *
 * <p>A plain bounded pool rather than Spring's task executor: the page must never queue behind other work, so a
 * panel that finds no free thread runs on the request's own thread, as before. The panels keep their order.
 */
@Component
class StartPanels implements DisposableBean {

    /** Enough for a few start pages at once with every panel; beyond that the request's thread does the work. */
    static final int THREADS = 16;

    private final ObjectProvider<StartPanel> panels;
    private final ThreadPoolExecutor pool;

    StartPanels(ObjectProvider<StartPanel> panels) {
        this.panels = panels;
        var count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> {
                    var t = new Thread(r, "start-panel-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        this.pool.allowCoreThreadTimeOut(true);
    }

    /** The content of every panel that has something for {@code user}, in the panels' order. */
    List<Content> contentFor(Actor user) {
        var locale = LocaleContextHolder.getLocaleContext();
        List<CompletableFuture<Optional<Content>>> asked = panels.stream()
                .sorted(Comparator.comparingInt(StartPanel::order))
                .map(p -> CompletableFuture.supplyAsync(() -> {
                    var before = LocaleContextHolder.getLocaleContext();
                    LocaleContextHolder.setLocaleContext(locale);
                    try {
                        return p.content(user);
                    } finally {
                        LocaleContextHolder.setLocaleContext(before);
                    }
                }, pool))
                .toList();
        return asked.stream().flatMap(f -> answer(f).stream()).toList();
    }

    /** A panel's failure is the page's, as if the panel had run on the request's thread (an Error stays an Error). */
    private static Optional<Content> answer(CompletableFuture<Optional<Content>> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
