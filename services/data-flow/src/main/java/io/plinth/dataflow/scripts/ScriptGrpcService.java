package io.plinth.dataflow.scripts;

import io.grpc.stub.StreamObserver;
import io.plinth.contracts.dataflow.v1.GetScriptRequest;
import io.plinth.contracts.dataflow.v1.ScriptServiceGrpc;
import io.plinth.kernel.grpc.GrpcCalls;
import io.plinth.kernel.security.RequiresPermission;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** The private gRPC face of the script store. */
@Dependent
public class ScriptGrpcService extends ScriptServiceGrpc.ScriptServiceImplBase {

    @Inject
    Scripts scripts;

    @RequiresPermission("data-flow:scripts:read")
    @Override
    public void getScript(GetScriptRequest request, StreamObserver<io.plinth.contracts.dataflow.v1.Script> response) {
        GrpcCalls.unary(response, () -> {
            Script script = scripts.get(request.getKey());
            return io.plinth.contracts.dataflow.v1.Script.newBuilder()
                    .setId(script.id().toString())
                    .setKey(script.key())
                    .setLanguage(script.language())
                    .setSource(script.source())
                    .setCreatedAt(script.createdAt().toString())
                    .build();
        });
    }
}
