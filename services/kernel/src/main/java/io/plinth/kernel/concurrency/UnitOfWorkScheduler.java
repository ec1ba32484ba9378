package io.plinth.kernel.concurrency;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * A single-thread scheduler that runs every run of a task through {@code inContext}: one unit of
 * work each (see {@link ManagedThreads}). {@code execute} and {@code submit} go through
 * {@code schedule}.
 */
final class UnitOfWorkScheduler extends ScheduledThreadPoolExecutor {

    private final Executor inContext;

    UnitOfWorkScheduler(ThreadFactory threads, Executor inContext) {
        super(1, threads);
        this.inContext = inContext;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return super.schedule(inContext(command), delay, unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return super.schedule(() -> {
            FutureTask<V> task = new FutureTask<>(callable);
            inContext.execute(task);
            try {
                return task.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }, delay, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return super.scheduleAtFixedRate(inContext(command), initialDelay, period, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return super.scheduleWithFixedDelay(inContext(command), initialDelay, delay, unit);
    }

    private Runnable inContext(Runnable command) {
        return () -> inContext.execute(command);
    }
}
