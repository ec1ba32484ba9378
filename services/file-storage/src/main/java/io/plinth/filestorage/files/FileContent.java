package io.plinth.filestorage.files;

/** A stored file's bytes with the facts a download needs. */
public record FileContent(FileInfo info, byte[] bytes) {
}
