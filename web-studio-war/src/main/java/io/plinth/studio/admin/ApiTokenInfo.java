package io.plinth.studio.admin;

import io.plinth.studio.web.Answers;
import jakarta.json.JsonObject;
import java.io.Serializable;
import java.time.OffsetDateTime;

/** A personal API token without its secret: name, prefix, dates; revoked ones stay listed. */
public record ApiTokenInfo(String id, String name, String prefix, OffsetDateTime createdAt, OffsetDateTime expiresAt,
                           OffsetDateTime lastUsedAt, OffsetDateTime revokedAt) implements Serializable {

    static ApiTokenInfo of(JsonObject json) {
        if (Answers.text(json, "id") == null) {
            throw new IllegalArgumentException("an API token without an id");
        }
        return new ApiTokenInfo(Answers.text(json, "id"), Answers.text(json, "name"), Answers.text(json, "prefix"),
                Answers.time(json, "createdAt"), Answers.time(json, "expiresAt"), Answers.time(json, "lastUsedAt"),
                Answers.time(json, "revokedAt"));
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
