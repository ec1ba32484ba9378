package io.plinth.kernel.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** view-service reads what every service's sender writes. */
class LogBatchTest {

    private final LogEntry full = new LogEntry(Instant.parse("2026-11-27T10:15:30.123456Z"), "warning",
            "io.plinth.catalogs.X", "disk almost full", "worker-1", "0af7651916cd43dd8448eb211c80319c",
            "b7ad6b7169203331", "req-1", "ada", "java.io.IOException", "no space", "java.io.IOException: no space\n\tat x");
    private final LogEntry bare = new LogEntry(Instant.parse("2026-11-27T10:15:31Z"), "debug", "io.plinth.x", "detail",
            null, null, null, null, null, null, null, null);

    @Test
    void batchRoundTrips() {
        LogBatch read = LogBatch.fromBytes(new LogBatch("catalogs", "host-1", List.of(full, bare), 0).toBytes());

        assertThat(read.service()).isEqualTo("catalogs");
        assertThat(read.instance()).isEqualTo("host-1");
        assertThat(read.entries()).containsExactly(full, bare);
        assertThat(read.rejected()).isZero();
    }

    @Test
    void invalidRecordsAreLeftOutAndCounted() {
        String body = "{\"service\":\"catalogs\",\"instance\":\"h\",\"records\":["
                + "{\"time\":\"2026-11-27T10:00:00Z\",\"level\":\"info\",\"logger\":\"a\",\"message\":\"kept\"},"
                + "{\"time\":\"yesterday\",\"level\":\"info\",\"logger\":\"a\",\"message\":\"bad time\"},"
                + "{\"time\":\"2026-11-27T10:00:00Z\",\"level\":\"loud\",\"logger\":\"a\",\"message\":\"bad level\"},"
                + "{\"time\":\"2026-11-27T10:00:00Z\",\"level\":\"info\",\"message\":\"no logger\"},"
                + "7]}";

        LogBatch read = LogBatch.fromBytes(body.getBytes(StandardCharsets.UTF_8));

        assertThat(read.entries()).extracting(LogEntry::message).containsExactly("kept");
        assertThat(read.rejected()).isEqualTo(4);
    }

    @Test
    void textIsCleanedAndIdsChecked() {
        String body = "{\"service\":\"catalogs\",\"instance\":\"h\",\"records\":[{\"time\":\"2026-11-27T10:00:00Z\","
                + "\"level\":\"INFO\",\"logger\":\"a\",\"message\":\"nul\\u0000here" + "m".repeat(LogEntry.MAX_MESSAGE)
                + "\",\"traceId\":\"not-a-trace\",\"spanId\":\"b7ad6b7169203331\"}]}";

        LogEntry entry = LogBatch.fromBytes(body.getBytes(StandardCharsets.UTF_8)).entries().get(0);

        assertThat(entry.message()).startsWith("nulhere").hasSize(LogEntry.MAX_MESSAGE).doesNotContain("\0");
        assertThat(entry.level()).isEqualTo("info");
        assertThat(entry.traceId()).isNull();
        assertThat(entry.spanId()).isEqualTo("b7ad6b7169203331");
    }

    @Test
    void aMessageThatIsNoBatchIsRefused() {
        assertThatThrownBy(() -> LogBatch.fromBytes("[1]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LogBatch.fromBytes("{\"service\":\"Bad Name\",\"instance\":\"h\",\"records\":[]}"
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LogBatch.fromBytes("{\"service\":\"catalogs\",\"records\":[]}"
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LogBatch.fromBytes("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
