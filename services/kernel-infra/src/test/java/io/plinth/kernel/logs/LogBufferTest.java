package io.plinth.kernel.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogBufferTest {

    @Test
    void fullBufferDropsTheOldestRecordsAndCountsThem() {
        LogBuffer buffer = new LogBuffer(3);
        for (int i = 1; i <= 5; i++) {
            buffer.add(entry("m" + i, 0));
        }

        assertThat(buffer.size()).isEqualTo(3);
        assertThat(buffer.takeDropped()).isEqualTo(2);
        assertThat(buffer.takeDropped()).isZero();
        assertThat(buffer.drain()).extracting(LogEntry::message).containsExactly("m3", "m4", "m5");
    }

    @Test
    void batchStopsAtItsRecordLimit() throws Exception {
        LogBuffer buffer = new LogBuffer(100);
        for (int i = 0; i < 7; i++) {
            buffer.add(entry("m" + i, 0));
        }

        assertThat(buffer.nextBatch(5, Integer.MAX_VALUE, Duration.ofMillis(10))).hasSize(5);
        assertThat(buffer.nextBatch(5, Integer.MAX_VALUE, Duration.ofMillis(10))).hasSize(2);
    }

    @Test
    void batchStopsAtItsSize() throws Exception {
        LogBuffer buffer = new LogBuffer(100);
        for (int i = 0; i < 4; i++) {
            buffer.add(entry("m" + i, 1000));
        }

        List<LogEntry> batch = buffer.nextBatch(100, 2000, Duration.ofMillis(10));

        assertThat(batch).hasSize(2);
        assertThat(buffer.size()).isEqualTo(2);
    }

    @Test
    void emptyBatchWhenNothingCameWithinTheWait() throws Exception {
        assertThat(new LogBuffer(10).nextBatch(10, 1000, Duration.ofMillis(20))).isEmpty();
    }

    static LogEntry entry(String message, int stackTraceLength) {
        return new LogEntry(Instant.now(), "info", "io.plinth.test", message, "main", null, null, null, null,
                stackTraceLength == 0 ? null : "E", null, stackTraceLength == 0 ? null : "x".repeat(stackTraceLength));
    }
}
