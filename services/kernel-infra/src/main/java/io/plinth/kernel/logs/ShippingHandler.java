package io.plinth.kernel.logs;

import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Function;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Puts this application's log records into the shipping buffer. It runs on the thread that
 * logs, so it only copies the record and never waits, throws or logs.
 *
 * <p>In the all-in-one server eleven applications share one JVM and one java.util.logging
 * namespace: {@code io.plinth.kernel.bus.OutboxRelay} is one logger for all of them, and each
 * application's handler sits on the same {@code io.plinth} logger and sees every application's
 * records. A record belongs to the application whose work logged it, and that work runs with the
 * application's class loader as the thread's context class loader (Liberty sets it for requests,
 * managed threads inherit it, and the threads the bus and gRPC create come from managed thread
 * factories). So a handler takes a record only when the context class loader resolves this very
 * class to itself: every WAR carries its own copy of kernel-infra, so another application's loader
 * resolves its own copy, and the server's loaders none. Each record is therefore shipped once, by
 * its own application. The answer is cached per loader, weakly, so no loader is kept alive.
 *
 * <p>No loops: records logged by the sender thread, by the sender's logger and by the AMQP client
 * are never taken, and a record logged while a record is being copied is ignored.
 *
 * <p>The handler is also this application's voice in setting the shared loggers' levels: it is a
 * {@code Function<String, Level>} (JDK types, which every application sees alike), so each
 * application can ask the others' handlers, found on the {@code io.plinth} logger, which level
 * they want a logger at ({@link JulLevels}).
 */
final class ShippingHandler extends Handler implements Function<String, Level> {

    /** The sender's own logger and the AMQP client: what they say is about shipping itself. */
    private static final List<String> NEVER_SHIPPED = List.of(LogSender.class.getName(), "com.rabbitmq");
    private final ThreadLocal<Boolean> copying = new ThreadLocal<>();
    private final Map<ClassLoader, Boolean> owners = new WeakHashMap<>();
    private final LogBuffer buffer;
    private final Level serverDefault;
    private volatile LogLevelConfig levels = LogLevelConfig.UNKNOWN;
    private volatile Thread sender;

    ShippingHandler(LogBuffer buffer, Level serverDefault) {
        this.buffer = buffer;
        this.serverDefault = serverDefault;
        setLevel(Level.ALL);
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null || copying.get() != null) {
            return;
        }
        copying.set(Boolean.TRUE);
        try {
            String logger = record.getLoggerName() == null ? "" : record.getLoggerName();
            if (Thread.currentThread() != sender && !neverShipped(logger)
                    && record.getLevel().intValue() >= levels.shippedFrom(logger, serverDefault).intValue()
                    && ownedByThisApplication()) {
                buffer.add(LogEntry.capture(record));
            }
        } catch (RuntimeException | LinkageError e) {
            reportError("Could not take a log record for shipping", e instanceof Exception ex ? ex : null,
                    ErrorManager.WRITE_FAILURE);
        } finally {
            copying.remove();
        }
    }

    /** The level this application wants {@code logger} at, or null when it has no opinion. */
    @Override
    public Level apply(String logger) {
        return levels.wanted(logger, serverDefault);
    }

    void levels(LogLevelConfig levels) {
        this.levels = levels;
    }

    LogLevelConfig levels() {
        return levels;
    }

    Level serverDefault() {
        return serverDefault;
    }

    /** The thread that ships: what it logs (about the broker, say) is never shipped. */
    void sender(Thread sender) {
        this.sender = sender;
    }

    static boolean neverShipped(String logger) {
        for (String prefix : NEVER_SHIPPED) {
            if (LogLevelNames.within(logger, prefix)) {
                return true;
            }
        }
        return false;
    }

    private boolean ownedByThisApplication() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context == null) {
            return false;
        }
        synchronized (owners) {
            return owners.computeIfAbsent(context, ShippingHandler::resolvesThisClass);
        }
    }

    private static boolean resolvesThisClass(ClassLoader loader) {
        try {
            return Class.forName(ShippingHandler.class.getName(), false, loader) == ShippingHandler.class;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public void flush() {
        // The sender ships on its own schedule; there is nothing to write here.
    }

    @Override
    public void close() {
        // Removed from its loggers by LogShipping when the application stops.
    }
}
