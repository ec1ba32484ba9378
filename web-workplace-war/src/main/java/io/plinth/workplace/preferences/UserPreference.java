package io.plinth.workplace.preferences;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One setting of one user's workplace, for example a list's column layout. Read through JPA;
 * written only by the atomic upsert in {@link Preferences}, which also advances {@code version}.
 */
@Entity
@Table(name = "user_preference")
@IdClass(UserPreferenceId.class)
public class UserPreference {

    @Id
    @Column(name = "user_login", length = 64)
    private String userLogin;

    @Id
    @Column(name = "pref_key", length = 100)
    private String key;

    /** The JSON text as PostgreSQL's jsonb gives it back. */
    @Column(name = "value", nullable = false, columnDefinition = "jsonb")
    private String value;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(nullable = false)
    private long version;

    protected UserPreference() {
    }

    public String userLogin() {
        return userLogin;
    }

    public String key() {
        return key;
    }

    public String value() {
        return value;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
