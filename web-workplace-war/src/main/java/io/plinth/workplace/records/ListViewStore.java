package io.plinth.workplace.records;

import io.plinth.kernel.problem.ProblemException;
import io.plinth.workplace.preferences.PreferenceValue;
import io.plinth.workplace.preferences.Preferences;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * Users' saved list views in the workplace's preference store ({@code workplace-host}), one
 * preference per user and list: the login is always the signed-in user's, so a user only ever
 * reads and writes their own views.
 */
@ApplicationScoped
public class ListViewStore {

    @Inject
    Preferences preferences;

    /** The user's views of the list; none when nothing is saved yet. */
    public ListViews read(String login, String key) {
        try {
            return ListViews.fromJson(preferences.get(login, key).value());
        } catch (ProblemException e) {
            if (e.problem().status() == 404) {
                return ListViews.none();
            }
            throw e;
        }
    }

    /** Stores {@code views} (none left: the preference is removed), checked by the store's own size rule. */
    public void write(String login, String key, ListViews views) throws ListViews.InvalidViewException {
        if (views.views().isEmpty()) {
            try {
                preferences.delete(login, key);
            } catch (ProblemException e) {
                if (e.problem().status() != 404) {
                    throw e;
                }
            }
            return;
        }
        PreferenceValue value;
        try {
            value = PreferenceValue.read(new ByteArrayInputStream(views.toJson().getBytes(StandardCharsets.UTF_8)));
        } catch (ProblemException e) {
            throw new ListViews.InvalidViewException("views.invalid.tooLarge");
        }
        preferences.save(login, key, value);
    }
}
