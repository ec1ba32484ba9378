package io.plinth.systemtests.bench;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs one operation from a number of concurrent clients, each in its own thread and back to back:
 * for the warm-up nothing is counted, then every operation that completes within the measured
 * time counts. The first failure stops the run and is thrown: a run with errors has no figure.
 */
final class Throughput {

    /** One client: its own connection or HTTP client, one operation per call. */
    interface Client extends AutoCloseable {
        void run() throws Exception;

        @Override
        default void close() throws SQLException {
        }
    }

    @FunctionalInterface
    interface Clients {
        Client open() throws Exception;
    }

    private Throughput() {
    }

    /** The operations per second of {@code clients} clients over {@code duration}, after {@code warmup}. */
    static double run(int clients, Duration warmup, Duration duration, Clients factory) throws Exception {
        List<Client> opened = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                opened.add(factory.open());
            }
            LongAdder counted = new LongAdder();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            CountDownLatch start = new CountDownLatch(1);
            long[] window = new long[2];
            List<Thread> threads = new ArrayList<>();
            for (Client client : opened) {
                Thread thread = new Thread(() -> {
                    try {
                        start.await();
                        while (failure.get() == null) {
                            if (System.nanoTime() >= window[1]) {
                                return;
                            }
                            client.run();
                            long done = System.nanoTime();
                            if (done >= window[0] && done < window[1]) {
                                counted.increment();
                            }
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }, "bench-client");
                threads.add(thread);
                thread.start();
            }
            long now = System.nanoTime();
            window[0] = now + warmup.toNanos();
            window[1] = window[0] + duration.toNanos();
            start.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
            if (failure.get() != null) {
                throw new IllegalStateException("a client failed: " + failure.get(), failure.get());
            }
            return counted.sum() / (duration.toNanos() / 1e9);
        } finally {
            for (Client client : opened) {
                client.close();
            }
        }
    }
}
