package io.plinth.kernel.bus;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * The bus layout on the broker. Events go to the topic exchange {@code plinth.events} with
 * routing keys {@code <service>.<entity>.<verb>}. Each consumer has a durable queue
 * {@code <service>.<consumer>} and a dead-letter queue {@code <service>.<consumer>.dlq}, bound
 * to the direct exchange {@code plinth.events.dlx}. Queues carry no broker-specific arguments:
 * retries and dead-lettering are done by the bus itself, so any AMQP 0-9-1 broker will do.
 */
public final class Topology {

    public static final String EXCHANGE = "plinth.events";
    public static final String DEAD_LETTER_EXCHANGE = "plinth.events.dlx";
    public static final String ATTEMPT_HEADER = "x-plinth-attempt";
    public static final String ERROR_HEADER = "x-plinth-error";
    public static final String TRACEPARENT_HEADER = "traceparent";
    private static final Pattern ROUTING_KEY = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*");

    private Topology() {
    }

    public static void declareExchanges(Channel channel) throws IOException {
        channel.exchangeDeclare(EXCHANGE, BuiltinExchangeType.TOPIC, true);
        channel.exchangeDeclare(DEAD_LETTER_EXCHANGE, BuiltinExchangeType.DIRECT, true);
    }

    public static String deadLetterQueue(String queue) {
        return queue + ".dlq";
    }

    public static boolean validRoutingKey(String routingKey) {
        return routingKey != null && ROUTING_KEY.matcher(routingKey).matches();
    }
}
