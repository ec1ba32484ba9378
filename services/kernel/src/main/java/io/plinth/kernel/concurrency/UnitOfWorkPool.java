package io.plinth.kernel.concurrency;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** A thread pool that runs each task through {@code inContext}: one unit of work per task (see {@link ManagedThreads}). */
final class UnitOfWorkPool extends ThreadPoolExecutor {

    private final Executor inContext;

    UnitOfWorkPool(int core, int max, long keepAlive, TimeUnit unit, BlockingQueue<Runnable> queue,
                   ThreadFactory threads, Executor inContext) {
        super(core, max, keepAlive, unit, queue, threads);
        this.inContext = inContext;
    }

    @Override
    public void execute(Runnable command) {
        super.execute(() -> inContext.execute(command));
    }
}
