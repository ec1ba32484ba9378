package io.plinth.kernel.logs;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.plinth.kernel.bus.BrokerConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ships the buffered records: batches of up to {@code plinth.logs.batch-size} records or one
 * {@code plinth.logs.batch-wait}, each one persistent message confirmed by the broker. A batch
 * keeps its id until it is confirmed, so a batch sent again after a lost confirm is stored once.
 * While the broker is away the batch waits and the buffer fills, dropping its oldest records.
 */
final class LogSender implements Runnable {

    static final int MAX_BATCH_BYTES = 1 << 20;
    private static final Logger LOG = Logger.getLogger(LogSender.class.getName());

    private final LogBuffer buffer;
    private final BrokerConnection broker;
    private final LogMetrics metrics;
    private final String service;
    private final String instance;
    private final int batchSize;
    private final Duration batchWait;
    private volatile boolean running = true;
    private Batch pending;
    private Channel channel;
    private boolean failing;

    LogSender(LogBuffer buffer, BrokerConnection broker, LogMetrics metrics, String service, String instance,
              int batchSize, Duration batchWait) {
        this.buffer = buffer;
        this.broker = broker;
        this.metrics = metrics;
        this.service = service;
        this.instance = instance;
        this.batchSize = batchSize;
        this.batchWait = batchWait;
    }

    private record Batch(UUID id, List<LogEntry> entries) {
    }

    @Override
    public void run() {
        long backoff = 500;
        while (running) {
            try {
                metrics.dropped(buffer.takeDropped());
                if (pending == null) {
                    List<LogEntry> entries = buffer.nextBatch(batchSize, MAX_BATCH_BYTES, batchWait);
                    if (entries.isEmpty()) {
                        continue;
                    }
                    pending = new Batch(UUID.randomUUID(), entries);
                }
                if (!broker.connected()) {
                    Thread.sleep(backoff);
                    backoff = Math.min(backoff * 2, 10_000);
                    continue;
                }
                send(pending, Duration.ofSeconds(10));
                pending = null;
                backoff = 500;
                if (failing) {
                    failing = false;
                    LOG.info("Log shipping recovered");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!failing) {
                    failing = true;
                    LOG.log(Level.WARNING, "Cannot ship log records to the message broker, keeps retrying: " + e);
                }
                closeChannel();
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }

    void stop() {
        running = false;
    }

    /** Ships what is left after the loop stopped, within {@code grace}; what cannot go is lost. */
    void flush(Duration grace) {
        List<LogEntry> rest = new ArrayList<>();
        if (pending != null) {
            try {
                sendIfConnected(pending, grace);
            } catch (Exception e) {
                LOG.fine(() -> "Last log batch not shipped: " + e);
            }
            pending = null;
        }
        rest.addAll(buffer.drain());
        for (int from = 0; from < rest.size(); from += batchSize) {
            try {
                sendIfConnected(new Batch(UUID.randomUUID(), rest.subList(from, Math.min(rest.size(), from + batchSize))),
                        grace);
            } catch (Exception e) {
                LOG.fine(() -> (rest.size()) + " log records not shipped at shutdown: " + e);
                break;
            }
        }
        closeChannel();
    }

    private void sendIfConnected(Batch batch, Duration confirmWait) throws Exception {
        if (broker.connected()) {
            send(batch, confirmWait);
        }
    }

    private void send(Batch batch, Duration confirmWait) throws Exception {
        if (channel == null || !channel.isOpen()) {
            channel = broker.openChannel();
            LogTopology.declare(channel);
            channel.confirmSelect();
        }
        byte[] body = new LogBatch(service, instance, batch.entries(), 0).toBytes();
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .messageId(batch.id().toString())
                .appId(service)
                .contentType("application/json")
                .deliveryMode(2)
                .timestamp(new Date())
                .build();
        channel.basicPublish(LogTopology.EXCHANGE, service, properties, body);
        channel.waitForConfirmsOrDie(confirmWait.toMillis());
        metrics.shipped(batch.entries().size());
    }

    private void closeChannel() {
        try {
            if (channel != null && channel.isOpen()) {
                channel.abort();
            }
        } catch (Exception ignored) {
            // The channel went with the connection; the next batch opens a new one.
        }
        channel = null;
    }
}
