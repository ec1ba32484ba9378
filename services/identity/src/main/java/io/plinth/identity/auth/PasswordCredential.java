package io.plinth.identity.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A user's password, as an Argon2id hash. */
@Entity
@Table(name = "password_credential")
public class PasswordCredential {

    @Id
    @Column(name = "user_id")
    private UUID userId;

    @Column(nullable = false, length = 512)
    private String hash;

    @Column(name = "changed_at", nullable = false)
    private OffsetDateTime changedAt;

    protected PasswordCredential() {
    }

    PasswordCredential(UUID userId, String hash, OffsetDateTime changedAt) {
        this.userId = userId;
        this.hash = hash;
        this.changedAt = changedAt;
    }

    String hash() {
        return hash;
    }

    void change(String hash, OffsetDateTime at) {
        this.hash = hash;
        this.changedAt = at;
    }
}
