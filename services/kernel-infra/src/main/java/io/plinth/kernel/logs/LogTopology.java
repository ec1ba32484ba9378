package io.plinth.kernel.logs;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import java.io.IOException;

/**
 * The broker layout of log shipping, beside the event bus and not through its outbox: logs are
 * not business events and must not load the services' databases. Records go in batches to the
 * durable topic exchange {@code plinth.logs} (routing key: the service) and its durable queue
 * {@code plinth.logs}, which view-service consumes. Instances ask view-service for their current
 * levels through the durable queue {@code plinth.logs.level-requests}. Both sides declare
 * everything, so nothing shipped before view-service first starts is lost.
 */
public final class LogTopology {

    public static final String EXCHANGE = "plinth.logs";
    public static final String QUEUE = "plinth.logs";
    public static final String LEVEL_REQUESTS = "plinth.logs.level-requests";
    /** The event view-service publishes (through its outbox) when a service's levels change. */
    public static final String LEVEL_CHANGED = "view-service.log-level.changed";

    private LogTopology() {
    }

    public static void declare(Channel channel) throws IOException {
        channel.exchangeDeclare(EXCHANGE, BuiltinExchangeType.TOPIC, true);
        channel.queueDeclare(QUEUE, true, false, false, null);
        channel.queueBind(QUEUE, EXCHANGE, "#");
        channel.queueDeclare(LEVEL_REQUESTS, true, false, false, null);
    }
}
