package io.plinth.studio.admin;

import io.plinth.studio.web.Answers;
import jakarta.json.JsonObject;
import java.io.Serializable;

/** A platform user as identity lists it; {@code status} is active, disabled or locked. */
public record UserInfo(String login, String displayName, String email, String status) implements Serializable {

    static UserInfo of(JsonObject json) {
        if (Answers.text(json, "login") == null) {
            throw new IllegalArgumentException("a user without a login");
        }
        return new UserInfo(Answers.text(json, "login"), Answers.text(json, "displayName"), Answers.text(json, "email"),
                Answers.text(json, "status"));
    }

    public boolean isActive() {
        return "active".equals(status);
    }

    public boolean isDisabled() {
        return "disabled".equals(status);
    }
}
