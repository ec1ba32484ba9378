package io.plinth.kernel.bus;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.plinth.kernel.concurrency.ManagedThreads;
import io.plinth.kernel.config.InvalidConfigurationException;
import io.plinth.kernel.config.ServiceIdentity;
import io.plinth.kernel.config.Settings;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Starts one queue consumer per {@link EventHandler} bean once the broker is connected. */
@ApplicationScoped
public class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class.getName());

    @Inject
    @Any
    Instance<EventHandler> handlers;

    @Inject
    BrokerConnection broker;

    @Inject
    ServiceIdentity identity;

    @Inject
    Settings settings;

    @Inject
    ManagedThreads threads;

    @Inject
    DeliveryProcessor processor;

    private final List<QueueConsumer> consumers = new ArrayList<>();
    private ScheduledExecutorService retries;

    void start(@Observes @Priority(OutboxRelay.STARTUP_PRIORITY) Startup startup) {
        if (handlers.isUnsatisfied()) {
            return;
        }
        int prefetch = settings.integer("plinth.bus.prefetch", 1, 1000);
        RetryPolicy policy = new RetryPolicy(settings.integer("plinth.bus.max-attempts", 1, 100),
                settings.duration("plinth.bus.retry-backoff"), settings.duration("plinth.bus.retry-backoff-max"));
        for (EventHandler handler : handlers) {
            if (!handler.name().matches("[a-z][a-z0-9-]{0,60}")) {
                throw new InvalidConfigurationException("consumer " + handler.getClass().getName(),
                        "has an invalid name '" + handler.name() + "'");
            }
        }
        retries = threads.scheduler(identity.name() + "-bus-retry");
        broker.start(connection -> handlers.forEach(handler -> subscribe(connection, handler, prefetch, policy)));
    }

    private void subscribe(Connection connection, EventHandler handler, int prefetch, RetryPolicy policy) {
        String queue = identity.name() + "." + handler.name();
        try {
            Channel channel = connection.createChannel();
            Topology.declareExchanges(channel);
            channel.queueDeclare(queue, true, false, false, null);
            for (String binding : handler.bindings()) {
                channel.queueBind(queue, Topology.EXCHANGE, binding);
            }
            String deadLetters = Topology.deadLetterQueue(queue);
            channel.queueDeclare(deadLetters, true, false, false, null);
            channel.queueBind(deadLetters, Topology.DEAD_LETTER_EXCHANGE, queue);
            channel.basicQos(prefetch);
            Channel republish = connection.createChannel();
            republish.confirmSelect();
            QueueConsumer consumer = new QueueConsumer(channel, republish, queue, handler, processor, policy, retries);
            channel.basicConsume(queue, false, queue + "@" + identity.instance(), consumer);
            synchronized (consumers) {
                consumers.add(consumer);
            }
            LOG.info(() -> "Consuming " + handler.bindings() + " from queue " + queue);
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "Could not start the consumer of queue " + queue, e);
        }
    }

    @PreDestroy
    void stop() {
        if (retries != null) {
            retries.shutdownNow();
        }
        synchronized (consumers) {
            consumers.forEach(QueueConsumer::close);
        }
    }
}
