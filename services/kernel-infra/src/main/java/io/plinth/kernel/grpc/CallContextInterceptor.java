package io.plinth.kernel.grpc;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Deadline;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.plinth.kernel.logging.RequestContext;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Applies the platform rules to every incoming call: a call without a deadline gets the default
 * one (no call runs forever), and the caller's request id and trace id reach the logs.
 */
final class CallContextInterceptor implements ServerInterceptor {

    static final Metadata.Key<String> REQUEST_ID = Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> TRACEPARENT = Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER);
    private static final ScheduledExecutorService DEADLINE_TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "grpc-deadline-timer");
        thread.setDaemon(true);
        return thread;
    });

    private final Duration defaultDeadline;

    CallContextInterceptor(Duration defaultDeadline) {
        this.defaultDeadline = defaultDeadline;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                       ServerCallHandler<Q, R> next) {
        Context context = Context.current();
        if (context.getDeadline() == null) {
            context = context.withDeadline(Deadline.after(defaultDeadline.toMillis(), TimeUnit.MILLISECONDS),
                    DEADLINE_TIMER);
        }
        String requestId = headers.get(REQUEST_ID);
        String traceId = RequestContext.traceIdOf(headers.get(TRACEPARENT));
        SocketAddress remote = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
        String client = remote instanceof InetSocketAddress address ? address.getAddress().getHostAddress() : null;
        ServerCall.Listener<Q> listener = Contexts.interceptCall(context, call, headers, next);
        return new ServerCall.Listener<>() {
            @Override
            public void onMessage(Q message) {
                within(() -> listener.onMessage(message));
            }

            @Override
            public void onHalfClose() {
                within(listener::onHalfClose);
            }

            @Override
            public void onCancel() {
                listener.onCancel();
            }

            @Override
            public void onComplete() {
                listener.onComplete();
            }

            @Override
            public void onReady() {
                listener.onReady();
            }

            private void within(Runnable step) {
                RequestContext.begin(requestId, traceId);
                RequestContext.client(client);
                try {
                    step.run();
                } finally {
                    RequestContext.end();
                }
            }
        };
    }
}
