package io.plinth.viewservice.maintenance;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.plinth.kernel.bus.PoisonMessageException;
import io.plinth.kernel.logs.LogTopology;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Consumes one of the maintenance queues with manual acks: a message is acknowledged once handled
 * (or found unreadable: {@link PoisonMessageException}). When handling fails otherwise (the
 * database is away, say) the subscription stops, its channel is dropped so the broker keeps the
 * unacknowledged messages, and it subscribes again after a growing pause: no message is lost and
 * none is retried in a tight loop. Failures are logged when they start and end, never per message,
 * because what this service logs is itself shipped to these queues.
 */
final class QueueSubscription {

    /** Handles one message; {@code channel} may publish a reply. */
    interface Handler {
        void handle(AMQP.BasicProperties properties, byte[] body, Channel channel) throws Exception;
    }

    private static final Logger LOG = Logger.getLogger(QueueSubscription.class.getName());
    private static final long MAX_PAUSE_MS = 30_000;

    private final String queue;
    private final int prefetch;
    private final Handler handler;
    private final ScheduledExecutorService retries;
    private volatile Connection connection;
    private volatile Channel channel;
    private volatile boolean suspended;
    private volatile boolean closed;
    private volatile long pause = 1000;

    QueueSubscription(String queue, int prefetch, Handler handler, ScheduledExecutorService retries) {
        this.queue = queue;
        this.prefetch = prefetch;
        this.handler = handler;
        this.retries = retries;
    }

    /** Subscribes on {@code established}; the client's recovery keeps the subscription across reconnects. */
    synchronized void subscribe(Connection established) {
        connection = established;
        if (closed) {
            return;
        }
        Channel opened = null;
        try {
            opened = established.createChannel();
            LogTopology.declare(opened);
            opened.basicQos(prefetch);
            Channel consuming = opened;
            suspended = false;
            opened.basicConsume(queue, false, new DefaultConsumer(opened) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                    deliver(consuming, envelope, properties, body);
                }
            });
            channel = opened;
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Cannot consume queue " + queue + ", retrying: " + e);
            suspended = true;
            Channel failed = opened;
            retryLater(() -> abort(failed));
        }
    }

    private void deliver(Channel from, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
        if (suspended) {
            return; // redelivered once the channel is dropped
        }
        try {
            handler.handle(properties, body, from);
            from.basicAck(envelope.getDeliveryTag(), false);
            if (pause > 1000) {
                pause = 1000;
                LOG.info(() -> "Queue " + queue + " is consumed again");
            }
        } catch (PoisonMessageException e) {
            LOG.warning(() -> "Dropped an unreadable message from " + queue + ": " + e.getMessage());
            ack(from, envelope);
        } catch (Exception e) {
            if (pause == 1000) {
                LOG.log(Level.WARNING, "Cannot handle messages of " + queue + ", pausing and retrying: " + e);
            }
            suspendAndRetry();
        }
    }

    private synchronized void suspendAndRetry() {
        if (suspended || closed) {
            return;
        }
        suspended = true;
        Channel current = channel;
        channel = null;
        // Dropped from another thread: closing a channel from its own delivery would wait for itself.
        retryLater(() -> abort(current));
    }

    private void retryLater(Runnable first) {
        long wait = pause;
        pause = Math.min(pause * 2, MAX_PAUSE_MS);
        retries.schedule(() -> {
            first.run();
            Connection established = connection;
            if (established != null && established.isOpen()) {
                subscribe(established);
            } else if (!closed) {
                retryLater(() -> { });
            }
        }, wait, TimeUnit.MILLISECONDS);
    }

    private static void ack(Channel from, Envelope envelope) {
        try {
            from.basicAck(envelope.getDeliveryTag(), false);
        } catch (Exception e) {
            // Redelivered and dropped again later.
        }
    }

    private static void abort(Channel current) {
        try {
            if (current != null && current.isOpen()) {
                current.abort();
            }
        } catch (Exception ignored) {
            // Gone already.
        }
    }

    synchronized void close() {
        closed = true;
        abort(channel);
        channel = null;
    }
}
