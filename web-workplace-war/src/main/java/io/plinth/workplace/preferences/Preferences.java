package io.plinth.workplace.preferences;

import io.plinth.kernel.bus.EventPublisher;
import io.plinth.kernel.db.ServiceSchemas;
import io.plinth.kernel.problem.ProblemException;
import io.plinth.kernel.rest.Page;
import io.plinth.kernel.rest.PageRequest;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/** Users' workplace preferences: save, read, list and remove; every save is announced on the bus. */
@ApplicationScoped
public class Preferences {

    public static final String SAVED = "web-workplace.preference.saved";

    @PersistenceContext(unitName = "web-workplace")
    EntityManager em;

    @Inject
    EventPublisher events;

    @Inject
    ServiceSchemas schemas;

    private String upsert;

    @PostConstruct
    void prepare() {
        upsert = "INSERT INTO " + schemas.table("user_preference") + " AS p"
                + " (user_login, pref_key, value, updated_at, version) VALUES (?, ?, CAST(? AS jsonb), now(), 0)"
                + " ON CONFLICT (user_login, pref_key) DO UPDATE"
                + " SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at, version = p.version + 1";
    }

    /**
     * Creates or replaces a preference and its {@code web-workplace.preference.saved} event in one
     * transaction. A single upsert statement, so two first saves of the same key cannot collide.
     */
    @Transactional
    public UserPreference save(String user, String key, PreferenceValue value) {
        PreferenceNames.check(user, key);
        em.createNativeQuery(upsert)
                .setParameter(1, user)
                .setParameter(2, key)
                .setParameter(3, value.json())
                .executeUpdate();
        events.publish(SAVED, Json.createObjectBuilder().add("user", user).add("key", key).build());
        return find(user, key);
    }

    public UserPreference get(String user, String key) {
        PreferenceNames.check(user, key);
        return find(user, key);
    }

    @Transactional
    public void delete(String user, String key) {
        PreferenceNames.check(user, key);
        int deleted = em.createQuery("DELETE FROM UserPreference p WHERE p.userLogin = :user AND p.key = :key")
                .setParameter("user", user)
                .setParameter("key", key)
                .executeUpdate();
        if (deleted == 0) {
            throw notFound(user, key);
        }
    }

    public Page<PreferenceView> list(String user, PageRequest page) {
        PreferenceNames.checkUser(user);
        List<PreferenceView> items = em.createQuery("SELECT p FROM UserPreference p WHERE p.userLogin = :user"
                        + " ORDER BY p.key", UserPreference.class)
                .setParameter("user", user)
                .setFirstResult(page.offset())
                .setMaxResults(page.limit())
                .getResultStream()
                .map(PreferenceView::of)
                .toList();
        long total = em.createQuery("SELECT COUNT(p) FROM UserPreference p WHERE p.userLogin = :user", Long.class)
                .setParameter("user", user)
                .getSingleResult();
        return new Page<>(items, page.offset(), page.limit(), total);
    }

    private UserPreference find(String user, String key) {
        UserPreference preference = em.find(UserPreference.class, new UserPreferenceId(user, key));
        if (preference == null) {
            throw notFound(user, key);
        }
        return preference;
    }

    private static ProblemException notFound(String user, String key) {
        return ProblemException.notFound("Preference", user + "/" + key);
    }
}
