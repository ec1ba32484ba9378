package io.plinth.viewservice.apps;

import io.grpc.stub.StreamObserver;
import io.plinth.contracts.viewservice.v1.AppModel;
import io.plinth.contracts.viewservice.v1.AppServiceGrpc;
import io.plinth.contracts.viewservice.v1.GetActiveModelRequest;
import io.plinth.contracts.viewservice.v1.GetAppRequest;
import io.plinth.contracts.viewservice.v1.GetModelVersionRequest;
import io.plinth.kernel.grpc.GrpcCalls;
import io.plinth.kernel.problem.Problem;
import io.plinth.kernel.problem.ProblemException;
import io.plinth.kernel.security.RequiresPermission;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** The private gRPC face of the app registry: apps, and the published models other services build on. */
@Dependent
public class AppGrpcService extends AppServiceGrpc.AppServiceImplBase {

    @Inject
    Apps apps;

    @Override
    @RequiresPermission(AppPermissions.READ)
    public void getApp(GetAppRequest request, StreamObserver<io.plinth.contracts.viewservice.v1.App> response) {
        GrpcCalls.unary(response, () -> {
            App app = apps.get(request.getKey());
            return io.plinth.contracts.viewservice.v1.App.newBuilder()
                    .setId(app.id().toString())
                    .setKey(app.key())
                    .setName(app.name())
                    .setDescription(app.description() == null ? "" : app.description())
                    .setCreatedAt(app.createdAt().toString())
                    .setActiveVersion(app.activeVersion() == null ? 0 : app.activeVersion())
                    .build();
        });
    }

    @Override
    @RequiresPermission(AppPermissions.READ)
    public void getActiveModel(GetActiveModelRequest request, StreamObserver<AppModel> response) {
        GrpcCalls.unary(response, () -> {
            App app = apps.get(request.getApp());
            if (app.activeVersion() == null) {
                throw new ProblemException(Problem.of(404, "no-active-version", "No active version",
                        "App '" + app.key() + "' has no active version"));
            }
            return model(app, apps.version(app, app.activeVersion()));
        });
    }

    @Override
    @RequiresPermission(AppPermissions.READ)
    public void getModelVersion(GetModelVersionRequest request, StreamObserver<AppModel> response) {
        GrpcCalls.unary(response, () -> {
            App app = apps.get(request.getApp());
            return model(app, apps.version(app, request.getVersion()));
        });
    }

    private static AppModel model(App app, AppVersion version) {
        return AppModel.newBuilder()
                .setApp(app.key())
                .setVersion(version.number())
                .setModelJson(version.modelJson())
                .setChecksum(version.checksum())
                .setPublishedAt(version.publishedAt().toString())
                .setActive(Integer.valueOf(version.number()).equals(app.activeVersion()))
                .build();
    }
}
