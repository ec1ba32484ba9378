package io.plinth.kernel.concurrency;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for work that does not start from an HTTP request (gRPC calls, bus deliveries, relays).
 *
 * <p>Every task runs as a unit of work: in this application's context (CDI, JNDI, transactions,
 * JPA) and in a local transaction containment of its own, which ends when the task returns. A
 * thread from the ManagedThreadFactory alone would keep one containment for its whole life, and
 * Liberty returns a connection used in a containment to the pool only when the containment ends:
 * each long-lived thread would hold a connection for good, and a pool of 20 is exhausted by the
 * gRPC, bus and publishing threads of one service. Obtain executors and loop bodies here, on an
 * application thread (a startup observer, a bean's initialisation), where the context is captured.
 */
@ApplicationScoped
public class ManagedThreads {

    @Resource
    ManagedThreadFactory factory;

    @Resource
    ContextService context;

    /** Threads named {@code <prefix>-<n>} that carry the application's context. */
    public ThreadFactory named(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = factory.newThread(runnable);
            thread.setName(prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A pool of {@code threads} threads whose every task is a unit of work. */
    public ExecutorService pool(String prefix, int threads) {
        return pool(prefix, threads, threads, Duration.ZERO, new LinkedBlockingQueue<>());
    }

    /** A {@link ThreadPoolExecutor} as configured, whose every task is a unit of work. */
    public ThreadPoolExecutor pool(String prefix, int core, int max, Duration keepAlive, BlockingQueue<Runnable> queue) {
        return new UnitOfWorkPool(core, max, keepAlive.toMillis(), TimeUnit.MILLISECONDS, queue, named(prefix),
                context.currentContextExecutor());
    }

    /** A single-thread scheduler whose every run of a task is a unit of work. */
    public ScheduledExecutorService scheduler(String prefix) {
        return new UnitOfWorkScheduler(named(prefix), context.currentContextExecutor());
    }

    /** {@code task} as a unit of work each time it is called, for loops on threads of their own. */
    public <T> Callable<T> unitOfWork(Callable<T> task) {
        return context.contextualCallable(task);
    }
}
