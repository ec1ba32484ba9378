package io.plinth.identity.keys;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One RS256 key pair of the platform. At most one is active (not retired); tokens name it by {@link #kid()}. */
@Entity
@Table(name = "signing_key")
public class SigningKey {

    @Id
    @Column(length = 64)
    private String kid;

    @Column(name = "public_jwk", nullable = false)
    private String publicJwk;

    @Column(name = "private_jwk", nullable = false)
    private String privateJwk;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "retired_at")
    private OffsetDateTime retiredAt;

    protected SigningKey() {
    }

    SigningKey(String kid, String publicJwk, String privateJwk, OffsetDateTime createdAt) {
        this.kid = kid;
        this.publicJwk = publicJwk;
        this.privateJwk = privateJwk;
        this.createdAt = createdAt;
    }

    public String kid() {
        return kid;
    }

    String publicJwk() {
        return publicJwk;
    }

    String privateJwk() {
        return privateJwk;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime retiredAt() {
        return retiredAt;
    }

    void retire(OffsetDateTime at) {
        this.retiredAt = at;
    }
}
