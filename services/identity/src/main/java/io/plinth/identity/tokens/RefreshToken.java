package io.plinth.identity.tokens;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One refresh token of a sign-in. All tokens of one sign-in form a family: each refresh uses up
 * the presented token and issues the next; presenting a used one again revokes the whole family.
 */
@Entity
@Table(name = "refresh_token")
public class RefreshToken {

    @Id
    private UUID id;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "family_id", nullable = false)
    private UUID familyId;

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    /** active, used or revoked. */
    @Column(nullable = false, length = 16)
    private String status;

    @Column(name = "issued_at", nullable = false)
    private OffsetDateTime issuedAt;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "family_expires_at", nullable = false)
    private OffsetDateTime familyExpiresAt;

    @Column(name = "client_address", length = 64)
    private String clientAddress;

    protected RefreshToken() {
    }

    RefreshToken(String tokenHash, UUID familyId, UUID userId, OffsetDateTime issuedAt, OffsetDateTime expiresAt,
                 OffsetDateTime familyExpiresAt, String clientAddress) {
        this.id = UUID.randomUUID();
        this.tokenHash = tokenHash;
        this.familyId = familyId;
        this.userId = userId;
        this.status = "active";
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
        this.familyExpiresAt = familyExpiresAt;
        this.clientAddress = clientAddress;
    }

    UUID familyId() {
        return familyId;
    }

    UUID userId() {
        return userId;
    }

    String status() {
        return status;
    }

    OffsetDateTime expiresAt() {
        return expiresAt;
    }

    OffsetDateTime familyExpiresAt() {
        return familyExpiresAt;
    }
}
