package io.plinth.kernel.concurrency;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for work that does not start from an HTTP request (gRPC calls, bus deliveries, relays).
 * They come from the container's ManagedThreadFactory, so they carry this application's context:
 * CDI, JNDI, transactions and JPA work on them as in a request.
 */
@ApplicationScoped
public class ManagedThreads {

    @Resource
    ManagedThreadFactory factory;

    public ThreadFactory named(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = factory.newThread(runnable);
            thread.setName(prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
