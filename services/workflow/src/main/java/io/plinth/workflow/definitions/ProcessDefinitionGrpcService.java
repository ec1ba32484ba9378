package io.plinth.workflow.definitions;

import io.grpc.stub.StreamObserver;
import io.plinth.contracts.workflow.v1.GetProcessDefinitionRequest;
import io.plinth.contracts.workflow.v1.ProcessDefinitionServiceGrpc;
import io.plinth.kernel.grpc.GrpcCalls;
import io.plinth.kernel.security.RequiresPermission;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** The private gRPC face of the process definitions: the current version of a key. */
@Dependent
public class ProcessDefinitionGrpcService extends ProcessDefinitionServiceGrpc.ProcessDefinitionServiceImplBase {

    @Inject
    ProcessDefinitions definitions;

    @RequiresPermission("workflow:definitions:read")
    @Override
    public void getProcessDefinition(GetProcessDefinitionRequest request,
                                     StreamObserver<io.plinth.contracts.workflow.v1.ProcessDefinition> response) {
        GrpcCalls.unary(response, () -> {
            ProcessDefinition definition = definitions.latest(request.getKey());
            return io.plinth.contracts.workflow.v1.ProcessDefinition.newBuilder()
                    .setId(definition.id().toString())
                    .setKey(definition.key())
                    .setName(definition.name())
                    .setDefinitionJson(definition.definition().toString())
                    .setVersion(definition.version())
                    .build();
        });
    }
}
