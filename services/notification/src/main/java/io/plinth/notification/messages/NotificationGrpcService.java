package io.plinth.notification.messages;

import io.grpc.stub.StreamObserver;
import io.plinth.contracts.notification.v1.NotificationServiceGrpc;
import io.plinth.contracts.notification.v1.SendRequest;
import io.plinth.kernel.grpc.GrpcCalls;
import io.plinth.kernel.security.RequiresPermission;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** The private gRPC face of the notification queue: other services queue notifications for users. */
@Dependent
public class NotificationGrpcService extends NotificationServiceGrpc.NotificationServiceImplBase {

    @Inject
    Notifications notifications;

    @RequiresPermission("notification:notifications:write")
    @Override
    public void send(SendRequest request,
                     StreamObserver<io.plinth.contracts.notification.v1.Notification> response) {
        GrpcCalls.unary(response, () -> {
            Notification notification = notifications.queue(
                    new NewNotification(request.getRecipient(), request.getSubject(), request.getBody()));
            return io.plinth.contracts.notification.v1.Notification.newBuilder()
                    .setId(notification.id().toString())
                    .setRecipient(notification.recipient())
                    .setSubject(notification.subject())
                    .setBody(notification.body())
                    .setStatus(notification.status().code())
                    .setCreatedAt(notification.createdAt().toString())
                    .build();
        });
    }
}
