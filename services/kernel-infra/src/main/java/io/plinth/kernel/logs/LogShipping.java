package io.plinth.kernel.logs;

import io.plinth.kernel.bus.BrokerConnection;
import io.plinth.kernel.concurrency.ManagedThreads;
import io.plinth.kernel.config.InvalidConfigurationException;
import io.plinth.kernel.config.ServiceIdentity;
import io.plinth.kernel.config.Settings;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Shutdown;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ships this service's log records to view-service over the broker. A {@link ShippingHandler} on
 * the {@code io.plinth} logger (and on the libraries of {@code plinth.logs.libraries}, WARNING and
 * above) copies records into a bounded buffer; a {@link LogSender} on a managed thread sends them
 * in confirmed batches. It starts before everything else, so the start-up is shipped too, and
 * on shutdown it takes its handler off the JVM's shared loggers (which would otherwise keep this
 * application's class loader alive) and ships what is left.
 */
@ApplicationScoped
public class LogShipping {

    /** Before schema migrations (10): their log is shipped too. */
    public static final int STARTUP_PRIORITY = 5;
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(3);

    @Inject
    Settings settings;

    @Inject
    ServiceIdentity identity;

    @Inject
    BrokerConnection broker;

    @Inject
    ManagedThreads threads;

    @Inject
    LogMetrics metrics;

    /** Loggers carrying the handler, held strongly: JUL keeps loggers only weakly. */
    private final Map<String, Logger> attached = new HashMap<>();
    private final Set<String> baseScopes = new LinkedHashSet<>();
    private volatile ShippingHandler handler;
    private LogSender sender;
    private Thread senderThread;
    private String instance;

    void start(@Observes @Priority(STARTUP_PRIORITY) Startup startup) {
        int capacity = settings.integer("plinth.logs.buffer", 100, 1_000_000);
        int batchSize = settings.integer("plinth.logs.batch-size", 1, 1000);
        Duration batchWait = settings.duration("plinth.logs.batch-wait");
        Level serverDefault = LogLevelNames.parseServerLevel(settings.optionalText("plinth.log.level").orElse("info"));
        instance = settings.optionalText("plinth.instance.id").isPresent()
                ? identity.instance() : identity.instance() + "-" + ProcessHandle.current().pid();
        baseScopes.add(LogLevelConfig.PLATFORM_LOGGERS);
        baseScopes.addAll(libraries());

        LogBuffer buffer = new LogBuffer(capacity);
        handler = new ShippingHandler(buffer, serverDefault);
        sender = new LogSender(buffer, broker, metrics, identity.name(), instance, batchSize, batchWait);
        senderThread = threads.named(identity.name() + "-log-shipper").newThread(sender);
        handler.sender(senderThread);
        cover(List.of());
        senderThread.start();
        broker.start(connection -> { });
    }

    private List<String> libraries() {
        List<String> names = new ArrayList<>();
        for (String name : settings.optionalText("plinth.logs.libraries").orElse("").split(",")) {
            String library = name.strip();
            if (library.isEmpty()) {
                continue;
            }
            if (!LogLevelNames.isLoggerName(library) || ShippingHandler.neverShipped(library)) {
                throw new InvalidConfigurationException("plinth.logs.libraries", "holds '" + library
                        + "', which is not a logger name that may be shipped");
            }
            names.add(library);
        }
        return names;
    }

    /** Where this instance's records say they come from: {@code plinth.instance.id}, or host name and process id. */
    public String instance() {
        return instance;
    }

    ShippingHandler handler() {
        return handler;
    }

    /**
     * Puts the handler on the fixed scopes and on the loggers that have a level of their own, but
     * never on a logger below another that has it: a record passes every handler up its
     * logger's ancestry, and would be shipped twice.
     */
    void cover(Collection<String> loggers) {
        Set<String> wanted = new LinkedHashSet<>(baseScopes);
        for (String logger : loggers) {
            if (!LogLevelNames.within(LogLevelConfig.PLATFORM_LOGGERS, logger) && !ShippingHandler.neverShipped(logger)) {
                wanted.add(logger);
            }
        }
        wanted.removeIf(name -> wanted.stream().anyMatch(other -> !other.equals(name) && LogLevelNames.within(name, other)));
        synchronized (attached) {
            if (handler == null) {
                return;
            }
            attached.entrySet().removeIf(entry -> {
                boolean stale = !wanted.contains(entry.getKey());
                if (stale) {
                    entry.getValue().removeHandler(handler);
                }
                return stale;
            });
            for (String name : wanted) {
                attached.computeIfAbsent(name, key -> {
                    Logger logger = Logger.getLogger(key);
                    logger.addHandler(handler);
                    return logger;
                });
            }
        }
    }

    /** Takes the handler off every logger; idempotent. */
    void detach() {
        synchronized (attached) {
            attached.values().forEach(logger -> logger.removeHandler(handler));
            attached.clear();
            handler = null;
        }
    }

    void stop(@Observes Shutdown shutdown) {
        close();
    }

    @PreDestroy
    synchronized void close() {
        if (sender == null) {
            return;
        }
        detach();
        sender.stop();
        senderThread.interrupt();
        try {
            senderThread.join(SHUTDOWN_GRACE.toMillis());
            if (!senderThread.isAlive()) {
                sender.flush(SHUTDOWN_GRACE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sender = null;
    }
}
