package io.plinth.identity.roles;

import io.plinth.identity.audit.AdminChanges;
import io.plinth.identity.groups.GroupView;
import io.plinth.identity.groups.Groups;
import io.plinth.identity.groups.UserGroup;
import io.plinth.identity.users.PlatformUser;
import io.plinth.identity.users.UserView;
import io.plinth.identity.users.Users;
import io.plinth.kernel.db.Persistence;
import io.plinth.kernel.db.ServiceSchemas;
import io.plinth.kernel.problem.ProblemException;
import io.plinth.kernel.rest.Page;
import io.plinth.kernel.rest.PageRequest;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Roles, the permission patterns they grant, and their assignment to users and groups. Every change
 * is audited and announced as {@code identity.role.*}; assigning twice or removing what is not
 * assigned changes nothing. Built-in roles cannot be changed or deleted.
 */
@ApplicationScoped
public class Roles {

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    AdminChanges changes;

    @Inject
    Users users;

    @Inject
    Groups groups;

    @Inject
    ServiceSchemas schemas;

    private String userRoles;
    private String groupRoles;

    @PostConstruct
    void prepare() {
        userRoles = schemas.table("user_role");
        groupRoles = schemas.table("group_role");
    }

    @Transactional
    public Role create(NewRole request) {
        Set<String> permissions = RolePermissions.check(request.permissions());
        Role role = new Role(request.key(), request.name().strip(), blankToNull(request.description()), permissions);
        em.persist(role);
        Persistence.flushOrConflict(em, "role-key-taken", "A role with key '" + role.key() + "' already exists");
        changes.record("role.created", "role", role.key(), describe(role));
        return role;
    }

    @Transactional
    public Role update(String key, RoleChanges request) {
        Set<String> permissions = RolePermissions.check(request.permissions());
        Role role = changeable(key);
        if (request.version() != null && request.version() != role.version()) {
            throw ProblemException.conflict("version-conflict", "Role '" + key + "' is at version " + role.version()
                    + ", not " + request.version() + "; read it again and retry");
        }
        String name = request.name().strip();
        String description = blankToNull(request.description());
        if (name.equals(role.name()) && Objects.equals(description, role.description())
                && permissions.equals(role.permissions())) {
            return role;
        }
        role.change(name, description, permissions);
        // A change of the patterns alone must still move the version on.
        em.lock(role, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw ProblemException.conflict("version-conflict", "Role '" + key + "' was changed meanwhile; retry");
        }
        changes.record("role.updated", "role", role.key(), describe(role));
        return role;
    }

    /** Deletes the role; its assignments go with it. */
    @Transactional
    public void delete(String key) {
        Role role = changeable(key);
        em.remove(role);
        em.flush();
        changes.record("role.deleted", "role", role.key(), Json.createObjectBuilder()
                .add("id", role.id().toString())
                .add("key", role.key())
                .build());
    }

    @Transactional
    public void assignToUser(String key, String login) {
        Role role = get(key);
        PlatformUser user = users.get(login);
        if (write("INSERT INTO " + userRoles + " (role_id, user_id, assigned_at) VALUES (?, ?, now())"
                + " ON CONFLICT DO NOTHING", role, user.id())) {
            changes.record("role.assigned", "role", role.key(), toUser(role, user));
        }
    }

    @Transactional
    public void unassignFromUser(String key, String login) {
        Role role = get(key);
        PlatformUser user = users.get(login);
        if (write("DELETE FROM " + userRoles + " WHERE role_id = ? AND user_id = ?", role, user.id())) {
            changes.record("role.unassigned", "role", role.key(), toUser(role, user));
        }
    }

    @Transactional
    public void assignToGroup(String key, String groupKey) {
        Role role = get(key);
        UserGroup group = groups.get(groupKey);
        if (write("INSERT INTO " + groupRoles + " (role_id, group_id, assigned_at) VALUES (?, ?, now())"
                + " ON CONFLICT DO NOTHING", role, group.id())) {
            changes.record("role.assigned", "role", role.key(), toGroup(role, group));
        }
    }

    @Transactional
    public void unassignFromGroup(String key, String groupKey) {
        Role role = get(key);
        UserGroup group = groups.get(groupKey);
        if (write("DELETE FROM " + groupRoles + " WHERE role_id = ? AND group_id = ?", role, group.id())) {
            changes.record("role.unassigned", "role", role.key(), toGroup(role, group));
        }
    }

    public Role get(String key) {
        return Persistence.single(em.createQuery("SELECT r FROM Role r WHERE r.key = :key", Role.class)
                .setParameter("key", key), "Role", key);
    }

    /** Roles whose key or name contains {@code search}, by key. */
    public Page<RoleView> list(String search, PageRequest page) {
        String where = " WHERE r.key LIKE :p ESCAPE '!' OR LOWER(r.name) LIKE :p ESCAPE '!'";
        List<RoleView> items = em.createQuery("SELECT r FROM Role r" + where + " ORDER BY r.key", Role.class)
                .setParameter("p", Users.containing(search))
                // The patterns of the whole page in one more query, not one per role.
                .setHint("eclipselink.batch", "r.permissions")
                .setHint("eclipselink.batch.type", "IN")
                .setFirstResult(page.offset())
                .setMaxResults(page.limit())
                .getResultStream()
                .map(RoleView::of)
                .toList();
        long total = em.createQuery("SELECT COUNT(r) FROM Role r" + where, Long.class)
                .setParameter("p", Users.containing(search))
                .getSingleResult();
        return new Page<>(items, page.offset(), page.limit(), total);
    }

    /** The users the role is assigned to directly, by login. */
    public Page<UserView> users(String key, PageRequest page) {
        Role role = get(key);
        List<UserView> items = em.createQuery("SELECT u FROM PlatformUser u, UserRole a"
                        + " WHERE a.userId = u.id AND a.roleId = :role ORDER BY u.login", PlatformUser.class)
                .setParameter("role", role.id())
                .setFirstResult(page.offset())
                .setMaxResults(page.limit())
                .getResultStream()
                .map(UserView::of)
                .toList();
        long total = em.createQuery("SELECT COUNT(a) FROM UserRole a WHERE a.roleId = :role", Long.class)
                .setParameter("role", role.id())
                .getSingleResult();
        return new Page<>(items, page.offset(), page.limit(), total);
    }

    /** The groups the role is assigned to, by key. */
    public Page<GroupView> groups(String key, PageRequest page) {
        Role role = get(key);
        List<GroupView> items = em.createQuery("SELECT g FROM UserGroup g, GroupRole a"
                        + " WHERE a.groupId = g.id AND a.roleId = :role ORDER BY g.key", UserGroup.class)
                .setParameter("role", role.id())
                .setFirstResult(page.offset())
                .setMaxResults(page.limit())
                .getResultStream()
                .map(groups::view)
                .toList();
        long total = em.createQuery("SELECT COUNT(a) FROM GroupRole a WHERE a.roleId = :role", Long.class)
                .setParameter("role", role.id())
                .getSingleResult();
        return new Page<>(items, page.offset(), page.limit(), total);
    }

    private Role changeable(String key) {
        Role role = get(key);
        if (role.builtIn()) {
            throw ProblemException.conflict("role-built-in", "Role '" + key
                    + "' comes with the platform and cannot be changed or deleted; create a role of your own instead");
        }
        return role;
    }

    /** Runs an assignment statement; whether it changed a row. */
    private boolean write(String sql, Role role, Object assignee) {
        return em.createNativeQuery(sql)
                .setParameter(1, role.id())
                .setParameter(2, assignee)
                .executeUpdate() > 0;
    }

    private static JsonObject describe(Role role) {
        return Json.createObjectBuilder()
                .add("id", role.id().toString())
                .add("key", role.key())
                .add("name", role.name())
                .add("permissions", Json.createArrayBuilder(role.permissions().stream().sorted().toList()))
                .build();
    }

    private static JsonObject toUser(Role role, PlatformUser user) {
        return assignment(role).add("userId", user.id().toString()).add("login", user.login()).build();
    }

    private static JsonObject toGroup(Role role, UserGroup group) {
        return assignment(role).add("groupId", group.id().toString()).add("group", group.key()).build();
    }

    private static JsonObjectBuilder assignment(Role role) {
        return Json.createObjectBuilder().add("roleId", role.id().toString()).add("role", role.key());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
