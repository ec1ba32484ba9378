package io.plinth.identity.access;

import io.grpc.stub.StreamObserver;
import io.plinth.contracts.identity.v1.AccessServiceGrpc;
import io.plinth.contracts.identity.v1.ResolveAccessRequest;
import io.plinth.contracts.identity.v1.ResolvedAccess;
import io.plinth.contracts.identity.v1.User;
import io.plinth.identity.users.PlatformUser;
import io.plinth.identity.users.Users;
import io.plinth.kernel.grpc.GrpcCalls;
import io.plinth.kernel.problem.ProblemException;
import io.plinth.kernel.security.RequiresPermission;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.UUID;

/** The private gRPC face of effective access: other services resolve a user's groups, roles and permissions. */
@Dependent
public class AccessGrpcService extends AccessServiceGrpc.AccessServiceImplBase {

    @Inject
    Users users;

    @Inject
    EffectiveAccess access;

    @Override
    @RequiresPermission("identity:users:read")
    public void resolveAccess(ResolveAccessRequest request, StreamObserver<ResolvedAccess> response) {
        GrpcCalls.unary(response, () -> {
            PlatformUser user = switch (request.getUserCase()) {
                case USER_ID -> users.get(userId(request.getUserId()));
                case LOGIN -> users.get(request.getLogin());
                case USER_NOT_SET -> throw ProblemException.invalid("user", "must be set: give user_id or login");
            };
            AccessView resolved = AccessView.of(user.id(), user.login(), access.of(user.id()));
            return ResolvedAccess.newBuilder()
                    .setUser(User.newBuilder()
                            .setId(user.id().toString())
                            .setLogin(user.login())
                            .setDisplayName(user.displayName())
                            .setEmail(user.email())
                            .setStatus(user.status().code()))
                    .addAllGroups(resolved.groups())
                    .addAllRoles(resolved.roles())
                    .addAllPermissions(resolved.permissions())
                    .build();
        });
    }

    private static UUID userId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("user_id", "must be a UUID");
        }
    }
}
