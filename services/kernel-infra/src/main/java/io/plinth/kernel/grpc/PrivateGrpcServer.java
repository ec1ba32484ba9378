package io.plinth.kernel.grpc;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.plinth.kernel.concurrency.ManagedThreads;
import io.plinth.kernel.config.InvalidConfigurationException;
import io.plinth.kernel.config.ServiceIdentity;
import io.plinth.kernel.config.Settings;
import io.plinth.kernel.security.AccessTokens;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Shutdown;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The service's private API: a grpc-java server on Netty (HTTP/2) on {@code plinth.grpc.port},
 * serving every CDI bean that implements {@link BindableService}, plus {@code grpc.health.v1}
 * and server reflection. It starts after the application is up and drains on shutdown.
 */
@ApplicationScoped
public class PrivateGrpcServer {

    /** Startup order: after schema migrations (10) and the bus (50). */
    public static final int STARTUP_PRIORITY = 100;

    private static final Logger LOG = Logger.getLogger(PrivateGrpcServer.class.getName());

    @Inject
    @Any
    Instance<BindableService> services;

    @Inject
    Settings settings;

    @Inject
    ServiceIdentity identity;

    @Inject
    ManagedThreads threads;

    @Inject
    AccessTokens tokens;

    private final HealthStatusManager health = new HealthStatusManager();
    private Server server;
    private ExecutorService executor;
    private int port;

    void start(@Observes @Priority(STARTUP_PRIORITY) Startup startup) {
        port = settings.port("plinth.grpc.port");
        String host = settings.optionalText("plinth.grpc.host").orElse("0.0.0.0");
        Duration defaultDeadline = settings.duration("plinth.grpc.default-deadline");
        int maxMessageBytes = settings.integer("plinth.grpc.max-message-bytes", 1024, 64 * 1024 * 1024);

        executor = threads.pool(identity.name() + "-grpc", settings.integer("plinth.grpc.threads", 1, 256));
        NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(host, port))
                .executor(executor)
                .maxInboundMessageSize(maxMessageBytes)
                .addService(health.getHealthService())
                .addService(ProtoReflectionServiceV1.newInstance());
        List<String> names = new ArrayList<>();
        for (BindableService service : services) {
            var definition = service.bindService();
            names.add(definition.getServiceDescriptor().getName());
            builder.addService(secured(service, definition, tokens, defaultDeadline));
        }
        try {
            server = builder.build().start();
        } catch (IOException e) {
            throw new InvalidConfigurationException("plinth.grpc.port", "could not be bound on " + host + ":" + port
                    + " (" + e.getMessage() + ")");
        }
        health.setStatus("", ServingStatus.SERVING);
        names.forEach(name -> health.setStatus(name, ServingStatus.SERVING));
        LOG.info(() -> "Private gRPC API listening on " + host + ":" + port + " serving " + names);
    }

    /**
     * {@code service} as this server serves it: the request context and default deadline, then the
     * caller's token and the method's permission. Public so a service's tests can serve it the same way.
     */
    public static ServerServiceDefinition secured(BindableService service, AccessTokens tokens,
                                                  Duration defaultDeadline) {
        return secured(service, service.bindService(), tokens, defaultDeadline);
    }

    private static ServerServiceDefinition secured(BindableService service, ServerServiceDefinition definition,
                                                   AccessTokens tokens, Duration defaultDeadline) {
        // The last interceptor runs first: request context, then the caller's token and permission.
        return ServerInterceptors.intercept(definition, CallerInterceptor.of(service, definition, tokens),
                new CallContextInterceptor(defaultDeadline));
    }

    void stop(@Observes Shutdown shutdown) {
        if (server == null) {
            return;
        }
        health.enterTerminalState();
        server.shutdown();
        try {
            if (!server.awaitTermination(settings.duration("plinth.grpc.shutdown-grace").toMillis(), TimeUnit.MILLISECONDS)) {
                server.shutdownNow();
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            executor.shutdownNow();
            server = null;
        }
    }

    public boolean running() {
        return server != null && !server.isShutdown();
    }

    public int port() {
        return port;
    }
}
