package io.plinth.identity.users;

import io.grpc.stub.StreamObserver;
import io.plinth.contracts.identity.v1.GetUserRequest;
import io.plinth.contracts.identity.v1.User;
import io.plinth.contracts.identity.v1.UserServiceGrpc;
import io.plinth.kernel.grpc.GrpcCalls;
import io.plinth.kernel.security.RequiresPermission;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** The private gRPC face of the user directory. */
@Dependent
public class UserGrpcService extends UserServiceGrpc.UserServiceImplBase {

    @Inject
    Users users;

    @Override
    @RequiresPermission("identity:users:read")
    public void getUser(GetUserRequest request, StreamObserver<User> response) {
        GrpcCalls.unary(response, () -> {
            PlatformUser user = users.get(request.getLogin());
            return User.newBuilder()
                    .setId(user.id().toString())
                    .setLogin(user.login())
                    .setDisplayName(user.displayName())
                    .setEmail(user.email())
                    .setStatus(user.status().code())
                    .build();
        });
    }
}
