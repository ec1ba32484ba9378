package io.plinth.filestorage.files;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The facts about a stored file, as the REST and gRPC APIs show them. */
public record FileInfo(UUID id, String name, String contentType, long size, String sha256, OffsetDateTime createdAt) {
}
