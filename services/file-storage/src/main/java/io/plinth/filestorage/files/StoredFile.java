package io.plinth.filestorage.files;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A stored file: its bytes and the facts about them. Files are immutable once stored; reads go
 * through {@link FileInfo} projections so that listing never loads the bytes.
 */
@Entity
@Table(name = "stored_file")
public class StoredFile {

    @Id
    private UUID id;

    @Column(nullable = false, length = 255)
    private String name;

    @Column(name = "content_type", nullable = false, length = 255)
    private String contentType;

    @Column(nullable = false)
    private long size;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] content;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected StoredFile() {
    }

    public StoredFile(String name, String contentType, Upload upload) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.contentType = contentType;
        this.size = upload.bytes().length;
        this.sha256 = upload.sha256();
        this.content = upload.bytes();
        // PostgreSQL keeps microseconds: the answer to the upload shows what a later read will.
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    public FileInfo info() {
        return new FileInfo(id, name, contentType, size, sha256, createdAt);
    }
}
