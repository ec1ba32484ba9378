package io.plinth.kernel.bus;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.plinth.kernel.logging.RequestContext;
import io.plinth.kernel.security.Callers;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Consumes one queue with manual acks. A delivery is acknowledged only after it was handled (or
 * recognised as a duplicate), after its retry copy was confirmed by the broker, or after it was
 * confirmed in the dead-letter queue; so a crash at any point leads to redelivery, never to loss.
 */
final class QueueConsumer extends DefaultConsumer {

    private static final Logger LOG = Logger.getLogger(QueueConsumer.class.getName());

    private final Channel republish;
    private final String queue;
    private final EventHandler handler;
    private final DeliveryProcessor processor;
    private final RetryPolicy policy;
    private final ScheduledExecutorService retries;

    QueueConsumer(Channel channel, Channel republish, String queue, EventHandler handler,
                  DeliveryProcessor processor, RetryPolicy policy, ScheduledExecutorService retries) {
        super(channel);
        this.republish = republish;
        this.queue = queue;
        this.handler = handler;
        this.processor = processor;
        this.policy = policy;
        this.retries = retries;
    }

    @Override
    public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
        int attempt = attemptOf(properties);
        RequestContext.begin(properties.getMessageId(),
                RequestContext.traceIdOf(header(properties, Topology.TRACEPARENT_HEADER)));
        try {
            IncomingEvent event = parse(properties, body, attempt);
            Callers.set(event.actor());
            processor.process(queue, handler, event);
            getChannel().basicAck(envelope.getDeliveryTag(), false);
        } catch (Exception | LinkageError e) {
            fail(envelope, properties, body, attempt, e);
        } finally {
            Callers.clear();
            RequestContext.end();
        }
    }

    private void fail(Envelope envelope, AMQP.BasicProperties properties, byte[] body, int attempt, Throwable error) {
        String reason = error.getClass().getSimpleName() + ": " + error.getMessage();
        if (error instanceof PoisonMessageException || policy.exhausted(attempt)) {
            LOG.log(Level.WARNING, "Message " + properties.getMessageId() + " on " + queue + " failed " + attempt
                    + " time(s), moving it to the dead-letter queue: " + reason, error);
            forward(envelope, Topology.DEAD_LETTER_EXCHANGE, queue, properties, body, attempt, reason, true);
        } else {
            long delay = policy.delayAfter(attempt).toMillis();
            LOG.log(Level.INFO, "Message " + properties.getMessageId() + " on " + queue + " failed (attempt " + attempt
                    + "), retrying in " + delay + " ms: " + reason);
            retries.schedule(() -> forward(envelope, "", queue, properties, body, attempt + 1, reason, false),
                    delay, TimeUnit.MILLISECONDS);
        }
    }

    /** Publishes a copy (confirmed by the broker) and only then acknowledges the original delivery. */
    private void forward(Envelope envelope, String exchange, String routingKey, AMQP.BasicProperties properties,
                         byte[] body, int attempt, String reason, boolean deadLetter) {
        Map<String, Object> headers = new HashMap<>(properties.getHeaders() == null ? Map.of() : properties.getHeaders());
        headers.put(Topology.ATTEMPT_HEADER, attempt);
        headers.put(Topology.ERROR_HEADER, reason.length() > 500 ? reason.substring(0, 500) : reason);
        AMQP.BasicProperties copy = properties.builder().headers(headers).deliveryMode(2).build();
        try {
            synchronized (republish) {
                republish.basicPublish(exchange, routingKey, copy, body);
                republish.waitForConfirmsOrDie(10_000);
            }
            getChannel().basicAck(envelope.getDeliveryTag(), false);
            if (deadLetter) {
                processor.metrics.deadLettered(queue);
            } else {
                processor.metrics.retried(queue);
            }
        } catch (Exception e) {
            // Not acknowledged: the broker redelivers the original when the channel recovers.
            LOG.log(Level.WARNING, "Could not re-queue message " + properties.getMessageId() + " on " + queue, e);
        }
    }

    private static IncomingEvent parse(AMQP.BasicProperties properties, byte[] body, int attempt) {
        if (properties.getMessageId() == null || properties.getMessageId().isBlank()) {
            throw new PoisonMessageException("message has no message id");
        }
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            JsonObject envelope = reader.readObject();
            return new IncomingEvent(properties.getMessageId(), envelope.getString("type"),
                    envelope.getString("source"), envelope.getString("time"), envelope.getJsonObject("data"), attempt,
                    EventActor.fromJson(envelope));
        } catch (RuntimeException e) {
            throw new PoisonMessageException("message body is not a Plinth event envelope: " + e.getMessage());
        }
    }

    private static int attemptOf(AMQP.BasicProperties properties) {
        Object value = properties.getHeaders() == null ? null : properties.getHeaders().get(Topology.ATTEMPT_HEADER);
        return value instanceof Number n ? Math.max(1, n.intValue()) : 1;
    }

    private static String header(AMQP.BasicProperties properties, String name) {
        Object value = properties.getHeaders() == null ? null : properties.getHeaders().get(name);
        return value == null ? null : value.toString();
    }

    void close() {
        try {
            if (getChannel().isOpen()) {
                getChannel().close();
            }
            if (republish.isOpen()) {
                republish.close();
            }
        } catch (Exception ignored) {
            // Closing on shutdown; the broker requeues anything unacknowledged.
        }
    }
}
