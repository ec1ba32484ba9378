package io.plinth.kernel.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import io.plinth.kernel.logging.RequestContext;
import io.plinth.kernel.security.Caller;
import io.plinth.kernel.security.Callers;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ShippingHandlerTest {

    private final LogBuffer buffer = new LogBuffer(100);
    private final ShippingHandler handler = new ShippingHandler(buffer, Level.INFO);
    private final Logger platform = Logger.getLogger("io.plinth");

    @AfterEach
    void cleanUp() {
        platform.removeHandler(handler);
        Callers.clear();
        RequestContext.end();
    }

    @Test
    void takesThisApplicationsRecordsFromInfoByDefault() {
        handler.publish(record(Level.INFO, "io.plinth.catalogs.X", "started"));
        handler.publish(record(Level.FINE, "io.plinth.catalogs.X", "detail"));

        assertThat(buffer.drain()).extracting(LogEntry::message).containsExactly("started");
    }

    @Test
    void levelsDecideWhatIsShipped() {
        handler.levels(new LogLevelConfig(Level.WARNING, Map.of("io.plinth.catalogs", Level.FINE), 1));

        handler.publish(record(Level.FINE, "io.plinth.catalogs.X", "catalogs detail"));
        handler.publish(record(Level.INFO, "io.plinth.kernel.bus.OutboxRelay", "kernel info"));
        handler.publish(record(Level.WARNING, "io.plinth.kernel.bus.OutboxRelay", "kernel warning"));

        assertThat(buffer.drain()).extracting(LogEntry::message).containsExactly("catalogs detail", "kernel warning");
    }

    @Test
    void librariesAreShippedFromWarning() {
        handler.publish(record(Level.INFO, "liquibase.changelog", "ran"));
        handler.publish(record(Level.WARNING, "liquibase.changelog", "slow"));

        assertThat(buffer.drain()).extracting(LogEntry::message).containsExactly("slow");
    }

    @Test
    void recordsOfAnotherApplicationInTheJvmAreLeftToIt() throws Exception {
        try (OtherApplication other = new OtherApplication()) {
            Handler theirs = other.handler(Level.INFO);
            platform.addHandler(handler);
            platform.addHandler(theirs);
            try {
                other.run(() -> Logger.getLogger("io.plinth.kernel.bus.OutboxRelay").warning("theirs"));
                Logger.getLogger("io.plinth.kernel.bus.OutboxRelay").warning("ours");
            } finally {
                platform.removeHandler(theirs);
            }

            assertThat(buffer.drain()).extracting(LogEntry::message).containsExactly("ours");
            assertThat(OtherApplication.taken(theirs)).isEqualTo(1);
        }
    }

    @Test
    void childLoadersOfThisApplicationCountAsIt() throws Exception {
        ClassLoader child = new java.net.URLClassLoader(new java.net.URL[0], getClass().getClassLoader());
        Thread thread = new Thread(() -> handler.publish(record(Level.WARNING, "io.plinth.x", "from a child loader")));
        thread.setContextClassLoader(child);
        thread.start();
        thread.join();

        assertThat(buffer.drain()).extracting(LogEntry::message).containsExactly("from a child loader");
    }

    @Test
    void threadsWithoutAContextClassLoaderAreNobodys() throws Exception {
        Thread thread = new Thread(() -> handler.publish(record(Level.SEVERE, "io.plinth.x", "server thread")));
        thread.setContextClassLoader(null);
        thread.start();
        thread.join();

        assertThat(buffer.size()).isZero();
    }

    @Test
    void theSenderThreadAndTheShippersOwnLoggersAreNeverShipped() throws Exception {
        Thread sender = new Thread(() -> handler.publish(record(Level.SEVERE, "io.plinth.kernel.bus.X", "broker down")));
        handler.sender(sender);
        sender.start();
        sender.join();
        handler.publish(record(Level.SEVERE, "io.plinth.kernel.logs.LogSender", "cannot ship"));
        handler.publish(record(Level.SEVERE, "com.rabbitmq.client.impl.ForgivingExceptionHandler", "amqp"));

        assertThat(buffer.size()).isZero();
    }

    @Test
    void anInstanceApplyingLevelsIsShippedSoTheStoreShowsIt() {
        handler.publish(record(Level.INFO, "io.plinth.kernel.logs.LiveLogLevels", "levels now debug"));

        assertThat(buffer.drain()).extracting(LogEntry::message).containsExactly("levels now debug");
    }

    @Test
    void aRecordLoggedWhileOneIsCopiedIsNotShippedAgain() {
        Logger logger = Logger.getLogger("io.plinth.test.Recursion");
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
        Object loud = new Object() {
            @Override
            public String toString() {
                logger.warning("logged while formatting");
                return "value";
            }
        };

        try {
            logger.log(Level.WARNING, "outer {0}", loud);
        } finally {
            logger.removeHandler(handler);
        }

        assertThat(buffer.drain()).extracting(LogEntry::message).containsExactly("outer value");
    }

    @Test
    void entryCarriesTheContextOfTheWork() {
        Callers.set(new Caller("u-1", "ada", Set.of(), Set.of(), Set.of(), null, "s", "t", Instant.now().plusSeconds(60)));
        RequestContext.begin("req-42", null);
        SpanContext span = SpanContext.create("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331",
                TraceFlags.getSampled(), TraceState.getDefault());
        LogRecord record = record(Level.WARNING, "io.plinth.catalogs.X", "for {0} in {1}");
        record.setParameters(new Object[] {"orders", 3});

        try (Scope ignored = Span.wrap(span).makeCurrent()) {
            handler.publish(record);
        }

        LogEntry entry = buffer.drain().get(0);
        assertThat(entry.message()).isEqualTo("for orders in 3");
        assertThat(entry.level()).isEqualTo("warning");
        assertThat(entry.logger()).isEqualTo("io.plinth.catalogs.X");
        assertThat(entry.thread()).isEqualTo(Thread.currentThread().getName());
        assertThat(entry.traceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
        assertThat(entry.spanId()).isEqualTo("b7ad6b7169203331");
        assertThat(entry.requestId()).isEqualTo("req-42");
        assertThat(entry.user()).isEqualTo("ada");
        assertThat(entry.time()).isEqualTo(record.getInstant());
    }

    @Test
    void entryWithoutContextHasNoIds() {
        handler.publish(record(Level.WARNING, "io.plinth.x", "plain"));

        LogEntry entry = buffer.drain().get(0);
        assertThat(List.of(String.valueOf(entry.traceId()), String.valueOf(entry.spanId()), String.valueOf(entry.user()),
                String.valueOf(entry.requestId()))).containsOnly("null");
    }

    @Test
    void exceptionIsKeptWithAStackTraceCutToSize() {
        LogRecord record = record(Level.SEVERE, "io.plinth.x", "failed");
        record.setThrown(deep(400));

        handler.publish(record);

        LogEntry entry = buffer.drain().get(0);
        assertThat(entry.exceptionClass()).isEqualTo(IllegalStateException.class.getName());
        assertThat(entry.exceptionMessage()).isEqualTo("depth 0");
        assertThat(entry.stackTrace()).startsWith("java.lang.IllegalStateException: depth 0").hasSize(LogEntry.MAX_STACK_TRACE);
    }

    @Test
    void longMessagesAreCut() {
        handler.publish(record(Level.INFO, "io.plinth.x", "m".repeat(LogEntry.MAX_MESSAGE * 2)));

        assertThat(buffer.drain().get(0).message()).hasSize(LogEntry.MAX_MESSAGE).endsWith("…");
    }

    @Test
    void aMessageThatCannotBeFormattedIsShippedRaw() {
        LogRecord record = record(Level.INFO, "io.plinth.x", "value {0}");
        record.setParameters(new Object[] {new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("no");
            }
        }});

        handler.publish(record);

        assertThat(buffer.drain()).extracting(LogEntry::message).containsExactly("value {0}");
    }

    private static IllegalStateException deep(int depth) {
        if (depth == 0) {
            return new IllegalStateException("depth 0");
        }
        return deep(depth - 1);
    }

    private static LogRecord record(Level level, String logger, String message) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName(logger);
        return record;
    }
}
