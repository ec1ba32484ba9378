package io.plinth.kernel.bus;

import java.util.List;

/**
 * A consumer of bus events. Implement it in a CDI bean and the kernel gives it a durable queue
 * {@code <service>.<name>} bound to {@link #bindings()}. {@link #handle} runs inside a transaction
 * together with the inbox entry that makes delivery idempotent: a message id is handled at most
 * once per consumer, and a failure rolls both back and retries. After
 * {@code plinth.bus.max-attempts} failures the message goes to the consumer's dead-letter queue.
 */
public interface EventHandler {

    /** Stable consumer name, part of the queue name: lower case, digits and dashes. */
    String name();

    /** Routing-key patterns of the topic exchange, such as {@code view-service.app.*}. */
    List<String> bindings();

    void handle(IncomingEvent event) throws Exception;
}
