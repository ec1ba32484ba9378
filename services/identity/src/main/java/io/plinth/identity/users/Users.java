package io.plinth.identity.users;

import io.plinth.identity.audit.AdminChanges;
import io.plinth.kernel.db.Persistence;
import io.plinth.kernel.problem.Problem;
import io.plinth.kernel.problem.ProblemException;
import io.plinth.kernel.rest.Page;
import io.plinth.kernel.rest.PageRequest;
import io.plinth.kernel.security.Callers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The platform's users: create, change and find them, and move them between statuses. Every change
 * is an audit entry and an {@code identity.user.*} event in the transaction that makes it.
 */
@ApplicationScoped
public class Users {

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    AdminChanges changes;

    /**
     * Creates the user, its audit entry and its {@code identity.user.created} event in one
     * transaction. The login is stored lower-case, so a login taken in any case fails at the flush
     * and everything rolls back.
     */
    @Transactional
    public PlatformUser create(NewUser request) {
        PlatformUser user = new PlatformUser(normalLogin(request.login()), request.displayName().strip(),
                request.email().strip(), Locale.forLanguageTag(request.locale()).toLanguageTag(),
                ZoneId.of(request.timeZone()).getId());
        em.persist(user);
        Persistence.flushOrConflict(em, "login-taken", "A user with login '" + user.login() + "' already exists");
        changes.record("user.created", "user", user.login(), Json.createObjectBuilder()
                .add("id", user.id().toString())
                .add("login", user.login())
                .build());
        return user;
    }

    /**
     * Applies the fields {@code request} holds. {@code ifMatch} (from the {@code If-Match} header)
     * that is not the current version answers 412, a stale {@code version} in the body 409. A change
     * that changes nothing writes nothing.
     */
    @Transactional
    public PlatformUser update(String login, UserChanges request, Long ifMatch) {
        PlatformUser user = get(login);
        if (ifMatch != null && ifMatch != user.version()) {
            throw new ProblemException(Problem.of(412, "precondition-failed", "Precondition failed",
                    "User '" + user.login() + "' is at version " + user.version() + ", not " + ifMatch
                            + "; read it again and retry"));
        }
        if (request.version() != null && request.version() != user.version()) {
            throw stale(user);
        }
        JsonObjectBuilder changed = Json.createObjectBuilder();
        if (request.displayName() != null && !request.displayName().strip().equals(user.displayName())) {
            user.displayName(request.displayName().strip());
            changed.add("displayName", user.displayName());
        }
        if (request.email() != null && !request.email().strip().equals(user.email())) {
            user.email(request.email().strip());
            changed.add("email", user.email());
        }
        if (request.locale() != null) {
            String locale = Locale.forLanguageTag(request.locale()).toLanguageTag();
            if (!locale.equals(user.locale())) {
                user.locale(locale);
                changed.add("locale", locale);
            }
        }
        if (request.timeZone() != null) {
            String zone = ZoneId.of(request.timeZone()).getId();
            if (!zone.equals(user.timeZone())) {
                user.timeZone(zone);
                changed.add("timeZone", zone);
            }
        }
        var fields = changed.build();
        if (fields.isEmpty()) {
            return user;
        }
        flush(user);
        changes.record("user.updated", "user", user.login(), Json.createObjectBuilder()
                .add("id", user.id().toString())
                .add("login", user.login())
                .add("changed", fields)
                .build());
        return user;
    }

    /** Moves the user to another status; nobody disables or locks their own account. */
    @Transactional
    public PlatformUser changeStatus(String login, UserStatusChange change) {
        PlatformUser user = get(login);
        UserStatus next = change.apply(user.status());
        if (next == user.status()) {
            return user;
        }
        String caller = Callers.current().map(c -> c.login()).orElse(null);
        if (next != UserStatus.ACTIVE && user.login().equals(caller)) {
            throw ProblemException.conflict("own-account", "You cannot make your own account " + next.code()
                    + "; ask another administrator");
        }
        String previous = user.status().code();
        user.status(next);
        flush(user);
        changes.record(change.action(), "user", user.login(), Json.createObjectBuilder()
                .add("id", user.id().toString())
                .add("login", user.login())
                .add("status", next.code())
                .add("previousStatus", previous)
                .build());
        return user;
    }

    public PlatformUser get(String login) {
        return Persistence.single(em.createQuery("SELECT u FROM PlatformUser u WHERE u.login = :login",
                        PlatformUser.class)
                .setParameter("login", normalLogin(login)), "User", login);
    }

    public PlatformUser get(UUID id) {
        PlatformUser user = em.find(PlatformUser.class, id);
        if (user == null) {
            throw ProblemException.notFound("User", id.toString());
        }
        return user;
    }

    /**
     * Users whose login or display name contains {@code search} (all when it is blank), with the
     * status when given, direct members of the group with key {@code group} when given; by login.
     */
    public Page<UserView> list(String search, UserStatus status, String group, PageRequest page) {
        List<String> conditions = new ArrayList<>(List.of(
                "(u.login LIKE :p ESCAPE '!' OR LOWER(u.displayName) LIKE :p ESCAPE '!')"));
        if (status != null) {
            conditions.add("u.status = :status");
        }
        if (group != null) {
            conditions.add("EXISTS (SELECT m FROM GroupMember m, UserGroup g"
                    + " WHERE m.userId = u.id AND m.groupId = g.id AND g.key = :group)");
        }
        String where = " WHERE " + String.join(" AND ", conditions);
        List<UserView> items = bind(em.createQuery("SELECT u FROM PlatformUser u" + where + " ORDER BY u.login",
                PlatformUser.class), search, status, group)
                .setFirstResult(page.offset())
                .setMaxResults(page.limit())
                .getResultStream()
                .map(UserView::of)
                .toList();
        long total = bind(em.createQuery("SELECT COUNT(u) FROM PlatformUser u" + where, Long.class),
                search, status, group).getSingleResult();
        return new Page<>(items, page.offset(), page.limit(), total);
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, String search, UserStatus status, String group) {
        query.setParameter("p", containing(search));
        if (status != null) {
            query.setParameter("status", status);
        }
        if (group != null) {
            query.setParameter("group", group);
        }
        return query;
    }

    /** A concurrent change of the same user makes this one's version stale at the flush. */
    private void flush(PlatformUser user) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw ProblemException.conflict("version-conflict", "User '" + user.login()
                    + "' was changed meanwhile; read it again and retry");
        }
    }

    private static ProblemException stale(PlatformUser user) {
        return ProblemException.conflict("version-conflict", "User '" + user.login()
                + "' was changed meanwhile (it is at version " + user.version() + "); read it again and retry");
    }

    public static String normalLogin(String login) {
        return login == null ? null : login.strip().toLowerCase(Locale.ROOT);
    }

    /** A case-insensitive LIKE pattern matching {@code search} literally (escape character {@code !}). */
    public static String containing(String search) {
        if (search == null || search.isBlank()) {
            return "%";
        }
        String literal = search.strip().toLowerCase(Locale.ROOT)
                .replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + literal + "%";
    }
}
