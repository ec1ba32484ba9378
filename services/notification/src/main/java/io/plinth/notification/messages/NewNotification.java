package io.plinth.notification.messages;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What a caller asks to send: the body of {@code POST /api/notifications} and of the gRPC {@code Send}. */
public record NewNotification(
        @NotBlank @Size(max = 254) String recipient,
        @NotBlank @Size(max = 300) String subject,
        @NotNull @Size(max = 20000) String body) {
}
