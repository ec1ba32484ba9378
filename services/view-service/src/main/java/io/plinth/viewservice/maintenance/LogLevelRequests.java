package io.plinth.viewservice.maintenance;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.plinth.kernel.bus.BrokerConnection;
import io.plinth.kernel.bus.PoisonMessageException;
import io.plinth.kernel.concurrency.ManagedThreads;
import io.plinth.kernel.config.ServiceIdentity;
import io.plinth.kernel.logs.LogTopology;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Answers the instances that ask for their service's levels (at start, after a reconnect and now
 * and then): {@code {"service":"catalogs"}} on {@code plinth.logs.level-requests}, answered to the
 * message's reply-to queue with the stored levels and their version.
 */
@ApplicationScoped
public class LogLevelRequests {

    @Inject
    BrokerConnection broker;

    @Inject
    LogLevelSettings settings;

    @Inject
    ManagedThreads threads;

    @Inject
    ServiceIdentity identity;

    private ScheduledExecutorService retries;
    private QueueSubscription subscription;

    void start(@Observes @Priority(LogIntake.STARTUP_PRIORITY) Startup startup) {
        retries = threads.scheduler(identity.name() + "-log-levels-answer");
        subscription = new QueueSubscription(LogTopology.LEVEL_REQUESTS, 4, this::answer, retries);
        broker.start(subscription::subscribe);
    }

    private void answer(AMQP.BasicProperties properties, byte[] body, Channel channel) throws Exception {
        String service;
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            service = reader.readObject().getString("service", "");
        } catch (JsonException | ClassCastException e) {
            throw new PoisonMessageException("not a level request: " + e.getMessage());
        }
        String replyTo = properties.getReplyTo();
        if (!LogLevelSettings.SERVICES.contains(service) || replyTo == null || replyTo.isBlank()) {
            throw new PoisonMessageException("a level request needs a known service and a reply-to queue");
        }
        byte[] levels = settings.config(service).toJson(service).toString().getBytes(StandardCharsets.UTF_8);
        AMQP.BasicProperties reply = new AMQP.BasicProperties.Builder()
                .contentType("application/json")
                .correlationId(properties.getCorrelationId())
                .appId(identity.name())
                .build();
        // An instance that stopped meanwhile took its queue along: the answer is simply dropped.
        channel.basicPublish("", replyTo, reply, levels);
    }

    @PreDestroy
    void stop() {
        if (subscription != null) {
            subscription.close();
        }
        if (retries != null) {
            retries.shutdownNow();
        }
    }
}
