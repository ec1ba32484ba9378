package io.plinth.workplace.preferences;

import io.grpc.stub.StreamObserver;
import io.plinth.contracts.workplace.v1.GetPreferenceRequest;
import io.plinth.contracts.workplace.v1.Preference;
import io.plinth.contracts.workplace.v1.PreferenceServiceGrpc;
import io.plinth.kernel.grpc.GrpcCalls;
import io.plinth.kernel.security.RequiresPermission;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** The private gRPC face of users' preferences. */
@Dependent
public class PreferenceGrpcService extends PreferenceServiceGrpc.PreferenceServiceImplBase {

    @Inject
    Preferences preferences;

    /** Other services read a user's preference on the platform's behalf, so this needs a permission. */
    @Override
    @RequiresPermission("web-workplace:preferences:read")
    public void getPreference(GetPreferenceRequest request, StreamObserver<Preference> response) {
        GrpcCalls.unary(response, () -> {
            UserPreference preference = preferences.get(request.getUserLogin(), request.getKey());
            return Preference.newBuilder()
                    .setUserLogin(preference.userLogin())
                    .setKey(preference.key())
                    .setValueJson(preference.value())
                    .setUpdatedAt(preference.updatedAt().toInstant().toString())
                    .build();
        });
    }
}
