package io.plinth.kernel.grpc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness of the private API: the gRPC server is bound and serving. */
@Readiness
@ApplicationScoped
public class GrpcServerHealthCheck implements HealthCheck {

    @Inject
    PrivateGrpcServer server;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("grpc")
                .status(server.running())
                .withData("port", server.port())
                .build();
    }
}
