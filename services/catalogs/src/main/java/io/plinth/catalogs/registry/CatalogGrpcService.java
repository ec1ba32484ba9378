package io.plinth.catalogs.registry;

import io.grpc.stub.StreamObserver;
import io.plinth.contracts.catalogs.v1.Catalog;
import io.plinth.contracts.catalogs.v1.CatalogServiceGrpc;
import io.plinth.contracts.catalogs.v1.GetCatalogRequest;
import io.plinth.kernel.grpc.GrpcCalls;
import io.plinth.kernel.security.RequiresPermission;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** The private gRPC face of the catalog registry. */
@Dependent
public class CatalogGrpcService extends CatalogServiceGrpc.CatalogServiceImplBase {

    @Inject
    Catalogs catalogs;

    @RequiresPermission("catalogs:registry:read")
    @Override
    public void getCatalog(GetCatalogRequest request, StreamObserver<Catalog> response) {
        GrpcCalls.unary(response, () -> {
            AppCatalog catalog = catalogs.get(request.getAppKey());
            return Catalog.newBuilder()
                    .setAppKey(catalog.appKey())
                    .setAppName(catalog.appName())
                    .setRegisteredAt(catalog.registeredAt().toInstant().toString())
                    .build();
        });
    }
}
