package io.plinth.kernel.bus;

import io.plinth.kernel.config.ServiceIdentity;
import io.plinth.kernel.db.ServiceSchemas;
import io.plinth.kernel.logging.Tracing;
import io.plinth.kernel.security.Callers;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Publishes an event as part of the caller's transaction: the event is written to the service's
 * outbox table with the caller's data, so it exists if and only if that transaction commits.
 * The {@link OutboxRelay} sends it to the broker right after the commit.
 */
@ApplicationScoped
public class EventPublisher {

    @Inject
    DataSource dataSource;

    @Inject
    ServiceSchemas schemas;

    @Inject
    ServiceIdentity identity;

    @Inject
    OutboxRelay relay;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * @param routingKey {@code <service>.<entity>.<verb>}, the service being this one
     * @param data the event's payload
     * @return the event id, which is also the AMQP message id consumers deduplicate on
     */
    public UUID publish(String routingKey, JsonObject data) {
        if (!Topology.validRoutingKey(routingKey) || !routingKey.startsWith(identity.name() + ".")) {
            throw new IllegalArgumentException("Routing key '" + routingKey + "' is not <" + identity.name()
                    + ">.<entity>.<verb>");
        }
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("Events are published inside a transaction (use @Transactional)");
        }
        UUID id = UUID.randomUUID();
        JsonObjectBuilder envelopeBuilder = Json.createObjectBuilder()
                .add("id", id.toString())
                .add("type", routingKey)
                .add("source", identity.name())
                .add("time", Instant.now().toString())
                .add("data", data);
        Callers.current().ifPresent(actor -> envelopeBuilder.add("actor", EventActor.toJson(actor)));
        JsonObject envelope = envelopeBuilder.build();
        String sql = "INSERT INTO " + schemas.table("outbox_event")
                + " (id, routing_key, payload, traceparent) VALUES (?, ?, ?::jsonb, ?)";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            statement.setString(2, routingKey);
            statement.setString(3, envelope.toString());
            statement.setString(4, Tracing.currentTraceparent());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write event " + routingKey + " to the outbox", e);
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // Nothing to do before the commit: the row is already part of it.
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
        return id;
    }
}
