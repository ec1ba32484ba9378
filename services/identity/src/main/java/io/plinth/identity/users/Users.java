package io.plinth.identity.users;

import io.plinth.kernel.bus.EventPublisher;
import io.plinth.kernel.db.Persistence;
import io.plinth.kernel.rest.Page;
import io.plinth.kernel.rest.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** The platform's users: create and find them; every creation is announced on the bus. */
@ApplicationScoped
public class Users {

    public static final String CREATED = "identity.user.created";

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    EventPublisher events;

    /**
     * Creates the user and its {@code identity.user.created} event in one transaction. The login
     * is stored lower-case, so a login taken in any case fails at the flush and everything rolls back.
     */
    @Transactional
    public PlatformUser create(NewUser request) {
        PlatformUser user = new PlatformUser(normalLogin(request.login()), request.displayName().strip(),
                request.email().strip(), Locale.forLanguageTag(request.locale()).toLanguageTag(),
                ZoneId.of(request.timeZone()).getId());
        em.persist(user);
        events.publish(CREATED, Json.createObjectBuilder()
                .add("id", user.id().toString())
                .add("login", user.login())
                .build());
        Persistence.flushOrConflict(em, "login-taken", "A user with login '" + user.login() + "' already exists");
        return user;
    }

    public PlatformUser get(String login) {
        return Persistence.single(em.createQuery("SELECT u FROM PlatformUser u WHERE u.login = :login",
                        PlatformUser.class)
                .setParameter("login", normalLogin(login)), "User", login);
    }

    /** Users whose login or display name contains {@code search} (all when it is blank), by login. */
    public Page<UserView> list(String search, PageRequest page) {
        String pattern = containing(search);
        String matching = " WHERE u.login LIKE :p ESCAPE '!' OR LOWER(u.displayName) LIKE :p ESCAPE '!'";
        List<UserView> items = em.createQuery("SELECT u FROM PlatformUser u" + matching + " ORDER BY u.login",
                        PlatformUser.class)
                .setParameter("p", pattern)
                .setFirstResult(page.offset())
                .setMaxResults(page.limit())
                .getResultStream()
                .map(UserView::of)
                .toList();
        long total = em.createQuery("SELECT COUNT(u) FROM PlatformUser u" + matching, Long.class)
                .setParameter("p", pattern)
                .getSingleResult();
        return new Page<>(items, page.offset(), page.limit(), total);
    }

    private static String normalLogin(String login) {
        return login == null ? null : login.strip().toLowerCase(Locale.ROOT);
    }

    /** A case-insensitive LIKE pattern matching {@code search} literally. */
    private static String containing(String search) {
        if (search == null || search.isBlank()) {
            return "%";
        }
        String literal = search.strip().toLowerCase(Locale.ROOT)
                .replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + literal + "%";
    }
}
