package io.plinth.kernel.logs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The records waiting to be shipped. Bounded: when it is full the oldest record goes, so logging
 * never waits for the broker and memory stays flat; every record dropped is counted.
 */
final class LogBuffer {

    private final ArrayBlockingQueue<LogEntry> entries;
    private final AtomicLong dropped = new AtomicLong();

    LogBuffer(int capacity) {
        entries = new ArrayBlockingQueue<>(capacity);
    }

    void add(LogEntry entry) {
        while (!entries.offer(entry)) {
            if (entries.poll() != null) {
                dropped.incrementAndGet();
            }
        }
    }

    /**
     * Waits up to {@code wait} for a first record, then gathers more until the batch holds
     * {@code maxRecords} records or about {@code maxBytes}, or {@code wait} has passed since the first.
     * Empty when nothing came.
     */
    List<LogEntry> nextBatch(int maxRecords, int maxBytes, Duration wait) throws InterruptedException {
        List<LogEntry> batch = new ArrayList<>();
        LogEntry first = entries.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
        if (first == null) {
            return batch;
        }
        batch.add(first);
        int bytes = first.weight();
        long deadline = System.nanoTime() + wait.toNanos();
        while (batch.size() < maxRecords && bytes < maxBytes) {
            long left = deadline - System.nanoTime();
            LogEntry next = left > 0 ? entries.poll(left, TimeUnit.NANOSECONDS) : entries.poll();
            if (next == null) {
                break;
            }
            batch.add(next);
            bytes += next.weight();
        }
        return batch;
    }

    /** Everything still waiting, for the last flush on shutdown. */
    List<LogEntry> drain() {
        List<LogEntry> rest = new ArrayList<>();
        entries.drainTo(rest);
        return rest;
    }

    int size() {
        return entries.size();
    }

    /** The records dropped since the last call. */
    long takeDropped() {
        return dropped.getAndSet(0);
    }
}
