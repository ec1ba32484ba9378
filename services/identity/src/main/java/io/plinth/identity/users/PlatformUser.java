package io.plinth.identity.users;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A person who works with the platform. Holds who the user is, not how they prove it: password
 * and external credentials live in tables of their own keyed by {@link #id()}.
 */
@Entity
@Table(name = "platform_user")
public class PlatformUser {

    @Id
    private UUID id;

    /** Always lower-case, so logins are unique regardless of case. */
    @Column(nullable = false, unique = true, length = 64)
    private String login;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(nullable = false, length = 254)
    private String email;

    /** A BCP 47 language tag. */
    @Column(nullable = false, length = 64)
    private String locale;

    /** A {@link java.time.ZoneId} id. */
    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @Convert(converter = UserStatus.Column.class)
    @Column(nullable = false, length = 16)
    private UserStatus status;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Version
    private long version;

    protected PlatformUser() {
    }

    public PlatformUser(String login, String displayName, String email, String locale, String timeZone) {
        this.id = UUID.randomUUID();
        this.login = login;
        this.displayName = displayName;
        this.email = email;
        this.locale = locale;
        this.timeZone = timeZone;
        this.status = UserStatus.ACTIVE;
        // PostgreSQL keeps microseconds: the answer to the create shows what a later read will.
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    public UUID id() {
        return id;
    }

    public String login() {
        return login;
    }

    public String displayName() {
        return displayName;
    }

    public String email() {
        return email;
    }

    public String locale() {
        return locale;
    }

    public String timeZone() {
        return timeZone;
    }

    public UserStatus status() {
        return status;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }

    void displayName(String displayName) {
        this.displayName = displayName;
    }

    void email(String email) {
        this.email = email;
    }

    void locale(String locale) {
        this.locale = locale;
    }

    void timeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    void status(UserStatus status) {
        this.status = status;
    }
}
