package io.plinth.template.templates;

import io.grpc.stub.StreamObserver;
import io.plinth.contracts.template.v1.GetTemplateRequest;
import io.plinth.contracts.template.v1.TemplateServiceGrpc;
import io.plinth.kernel.grpc.GrpcCalls;
import io.plinth.kernel.security.RequiresPermission;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** The private gRPC face of the template library. */
@Dependent
public class TemplateGrpcService extends TemplateServiceGrpc.TemplateServiceImplBase {

    @Inject
    Templates templates;

    @RequiresPermission("template-service:templates:read")
    @Override
    public void getTemplate(GetTemplateRequest request,
                            StreamObserver<io.plinth.contracts.template.v1.Template> response) {
        GrpcCalls.unary(response, () -> {
            Template template = templates.get(request.getKey());
            return io.plinth.contracts.template.v1.Template.newBuilder()
                    .setId(template.id().toString())
                    .setKey(template.key())
                    .setMediaType(template.mediaType())
                    .setBody(template.body())
                    .build();
        });
    }
}
