package io.plinth.identity.permissions;

import io.grpc.stub.StreamObserver;
import io.plinth.contracts.identity.v1.PermissionRegistryGrpc;
import io.plinth.contracts.identity.v1.RegisterPermissionsRequest;
import io.plinth.contracts.identity.v1.RegisterPermissionsResponse;
import io.plinth.kernel.grpc.GrpcCalls;
import io.plinth.kernel.problem.FieldError;
import io.plinth.kernel.problem.ProblemException;
import io.plinth.kernel.security.RequiresPermission;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The private gRPC face of the permission registry: services register what they check, in batches. */
@Dependent
public class PermissionGrpcService extends PermissionRegistryGrpc.PermissionRegistryImplBase {

    static final int MAX_BATCH = 1000;

    @Inject
    PermissionRegistry registry;

    @Override
    @RequiresPermission("identity:permissions:write")
    public void registerPermissions(RegisterPermissionsRequest request,
                                    StreamObserver<RegisterPermissionsResponse> response) {
        GrpcCalls.unary(response, () -> {
            Map<PermissionRegistry.Outcome, Integer> counts = registry.registerAll(definitions(request));
            return RegisterPermissionsResponse.newBuilder()
                    .setCreated(counts.get(PermissionRegistry.Outcome.CREATED))
                    .setUpdated(counts.get(PermissionRegistry.Outcome.UPDATED))
                    .setUnchanged(counts.get(PermissionRegistry.Outcome.UNCHANGED))
                    .build();
        });
    }

    /** Every definition checked before any is written: one bad entry registers none. */
    static List<PermissionDefinition> definitions(RegisterPermissionsRequest request) {
        if (request.getPermissionsCount() > MAX_BATCH) {
            throw ProblemException.invalid("permissions", "must hold at most " + MAX_BATCH + " definitions");
        }
        List<FieldError> errors = new ArrayList<>();
        List<PermissionDefinition> definitions = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < request.getPermissionsCount(); i++) {
            var given = request.getPermissions(i);
            String path = "permissions[" + i + "].";
            PermissionDefinition definition = PermissionDefinition.checked(path, given.getName(),
                    given.getDescription(), given.getService(), errors);
            if (definition != null && !names.add(definition.name())) {
                errors.add(new FieldError(path + "name", "is given more than once"));
            } else if (definition != null) {
                definitions.add(definition);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return definitions;
    }
}
