package io.plinth.kernel.bus;

import io.plinth.kernel.db.ServiceSchemas;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Handles one delivery exactly once per consumer: in one transaction it records the message id
 * in the inbox and runs the handler. A message id already in the inbox is a duplicate and is
 * skipped; a handler failure rolls back the inbox entry too, so the retry runs the handler again.
 */
@ApplicationScoped
public class DeliveryProcessor {

    @Inject
    UserTransaction transaction;

    @Inject
    DataSource dataSource;

    @Inject
    ServiceSchemas schemas;

    @Inject
    BusMetrics metrics;

    /** @return false when the message was a duplicate and the handler did not run */
    public boolean process(String consumer, EventHandler handler, IncomingEvent event) throws Exception {
        transaction.begin();
        try {
            boolean fresh = claim(consumer, event.id());
            if (fresh) {
                handler.handle(event);
            }
            transaction.commit();
            if (fresh) {
                metrics.consumed(consumer);
            } else {
                metrics.duplicate(consumer);
            }
            return fresh;
        } catch (Exception | Error e) {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
            throw e;
        }
    }

    private boolean claim(String consumer, String messageId) throws SQLException {
        String sql = "INSERT INTO " + schemas.table("inbox_message")
                + " (consumer, message_id) VALUES (?, ?) ON CONFLICT DO NOTHING";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, consumer);
            statement.setString(2, messageId);
            return statement.executeUpdate() == 1;
        }
    }
}
