package io.plinth.systemtests.support;

import io.grpc.ClientInterceptor;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;

/** Sends a platform access token with gRPC calls, as the services expect it. */
public final class GrpcAuth {

    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private GrpcAuth() {
    }

    public static ClientInterceptor bearer(String token) {
        Metadata headers = new Metadata();
        headers.put(AUTHORIZATION, "Bearer " + token);
        return MetadataUtils.newAttachHeadersInterceptor(headers);
    }

    public static ClientInterceptor admin() {
        return bearer(Platform.adminToken());
    }
}
