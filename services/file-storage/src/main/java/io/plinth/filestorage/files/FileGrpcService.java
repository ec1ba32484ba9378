package io.plinth.filestorage.files;

import io.grpc.stub.StreamObserver;
import io.plinth.contracts.filestorage.v1.FileServiceGrpc;
import io.plinth.contracts.filestorage.v1.GetFileInfoRequest;
import io.plinth.kernel.grpc.GrpcCalls;
import io.plinth.kernel.security.RequiresPermission;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** The private gRPC face of the file store: facts about files (the bytes travel over REST). */
@Dependent
public class FileGrpcService extends FileServiceGrpc.FileServiceImplBase {

    @Inject
    StoredFiles files;

    @RequiresPermission("file-storage:files:read")
    @Override
    public void getFileInfo(GetFileInfoRequest request,
                            StreamObserver<io.plinth.contracts.filestorage.v1.FileInfo> response) {
        GrpcCalls.unary(response, () -> {
            FileInfo info = files.info(request.getId());
            return io.plinth.contracts.filestorage.v1.FileInfo.newBuilder()
                    .setId(info.id().toString())
                    .setName(info.name())
                    .setContentType(info.contentType())
                    .setSize(info.size())
                    .setSha256(info.sha256())
                    .setCreatedAt(info.createdAt().toString())
                    .build();
        });
    }
}
