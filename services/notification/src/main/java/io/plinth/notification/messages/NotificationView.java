package io.plinth.notification.messages;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A notification as the REST API shows it. */
public record NotificationView(UUID id, String recipient, String subject, String body, String status,
                               OffsetDateTime createdAt) {

    static NotificationView of(Notification notification) {
        return new NotificationView(notification.id(), notification.recipient(), notification.subject(),
                notification.body(), notification.status().code(), notification.createdAt());
    }
}
