package io.plinth.viewservice.apps;

import io.grpc.stub.StreamObserver;
import io.plinth.contracts.viewservice.v1.AppServiceGrpc;
import io.plinth.contracts.viewservice.v1.GetAppRequest;
import io.plinth.kernel.grpc.GrpcCalls;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** The private gRPC face of the app registry. */
@Dependent
public class AppGrpcService extends AppServiceGrpc.AppServiceImplBase {

    @Inject
    Apps apps;

    @Override
    public void getApp(GetAppRequest request, StreamObserver<io.plinth.contracts.viewservice.v1.App> response) {
        GrpcCalls.unary(response, () -> {
            App app = apps.get(request.getKey());
            return io.plinth.contracts.viewservice.v1.App.newBuilder()
                    .setId(app.id().toString())
                    .setKey(app.key())
                    .setName(app.name())
                    .setDescription(app.description() == null ? "" : app.description())
                    .setCreatedAt(app.createdAt().toString())
                    .build();
        });
    }
}
