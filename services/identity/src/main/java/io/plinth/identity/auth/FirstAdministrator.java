package io.plinth.identity.auth;

import io.plinth.identity.roles.Roles;
import io.plinth.identity.users.NewUser;
import io.plinth.identity.users.PlatformUser;
import io.plinth.identity.users.Users;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** The first administrator's user, password and role, created together or not at all. */
@ApplicationScoped
public class FirstAdministrator {

    static final String PLATFORM_ADMIN = "platform-admin";

    @Inject
    Users users;

    @Inject
    Passwords passwords;

    @Inject
    Roles roles;

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    /** Answers false when the user already exists (another instance, or an earlier start, made it). */
    @Transactional
    public boolean create(String login, String password) {
        if (!em.createQuery("SELECT u.id FROM PlatformUser u WHERE u.login = LOWER(:login)")
                .setParameter("login", login.strip()).getResultList().isEmpty()) {
            return false;
        }
        PlatformUser admin = users.create(new NewUser(login, "Administrator", login + "@localhost", null, null));
        passwords.set(admin, password);
        roles.assignToUser(PLATFORM_ADMIN, admin.login());
        return true;
    }
}
