package io.plinth.workplace.preferences;

import java.io.Serializable;
import java.util.Objects;

/** The primary key of a {@link UserPreference}: the user and the preference key. */
public class UserPreferenceId implements Serializable {

    private static final long serialVersionUID = 1L;

    private String userLogin;
    private String key;

    protected UserPreferenceId() {
    }

    public UserPreferenceId(String userLogin, String key) {
        this.userLogin = userLogin;
        this.key = key;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UserPreferenceId id && Objects.equals(userLogin, id.userLogin)
                && Objects.equals(key, id.key);
    }

    @Override
    public int hashCode() {
        return Objects.hash(userLogin, key);
    }
}
