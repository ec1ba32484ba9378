package io.plinth.identity.groups;

import io.plinth.identity.audit.AdminChanges;
import io.plinth.identity.users.PlatformUser;
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
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Nested groups of users. Changes to the tree (create, move, delete) run one at a time, so two
 * concurrent moves can never close a loop; every change is audited and announced as
 * {@code identity.group.*}. A group with sub-groups cannot be deleted; its memberships and role
 * assignments go with it.
 */
@ApplicationScoped
public class Groups {

    /** The advisory lock that serialises changes to the group tree. */
    private static final long TREE_LOCK = 0x1d3e_6709_0001L;

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    AdminChanges changes;

    @Inject
    Users users;

    @Inject
    ServiceSchemas schemas;

    private String members;

    @PostConstruct
    void prepare() {
        members = schemas.table("group_member");
    }

    @Transactional
    public UserGroup create(NewGroup request) {
        lockTree();
        UserGroup parent = parent(request.parent());
        UserGroup group = new UserGroup(request.key(), request.name().strip(), blankToNull(request.description()),
                parent == null ? null : parent.id());
        em.persist(group);
        Persistence.flushOrConflict(em, "group-key-taken", "A group with key '" + group.key() + "' already exists");
        changes.record("group.created", "group", group.key(), describe(group, parent).build());
        return group;
    }

    /** Renames, redescribes or moves the group; a move that would put it inside itself is refused. */
    @Transactional
    public UserGroup update(String key, GroupChanges request) {
        lockTree();
        UserGroup group = get(key);
        if (request.version() != null && request.version() != group.version()) {
            throw ProblemException.conflict("version-conflict", "Group '" + key + "' is at version " + group.version()
                    + ", not " + request.version() + "; read it again and retry");
        }
        UserGroup parent = parent(request.parent());
        if (parent != null) {
            refuseLoop(group, parent);
        }
        UUID parentId = parent == null ? null : parent.id();
        String name = request.name().strip();
        String description = blankToNull(request.description());
        if (name.equals(group.name()) && Objects.equals(description, group.description())
                && Objects.equals(parentId, group.parentId())) {
            return group;
        }
        UUID previousParent = group.parentId();
        group.change(name, description, parentId);
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw ProblemException.conflict("version-conflict", "Group '" + key + "' was changed meanwhile; retry");
        }
        JsonObjectBuilder details = describe(group, parent);
        if (!Objects.equals(previousParent, parentId)) {
            if (previousParent == null) {
                details.addNull("previousParent");
            } else {
                details.add("previousParent", em.find(UserGroup.class, previousParent).key());
            }
        }
        changes.record("group.updated", "group", group.key(), details.build());
        return group;
    }

    @Transactional
    public void delete(String key) {
        lockTree();
        UserGroup group = get(key);
        List<String> children = em.createQuery("SELECT g.key FROM UserGroup g WHERE g.parentId = :id ORDER BY g.key",
                        String.class)
                .setParameter("id", group.id())
                .setMaxResults(5)
                .getResultList();
        if (!children.isEmpty()) {
            throw ProblemException.conflict("group-has-children", "Group '" + key + "' still has sub-groups ("
                    + String.join(", ", children) + "); move or delete them first");
        }
        em.remove(group);
        em.flush();
        changes.record("group.deleted", "group", group.key(), Json.createObjectBuilder()
                .add("id", group.id().toString())
                .add("key", group.key())
                .build());
    }

    /** Adds the user to the group; adding a member again changes nothing. */
    @Transactional
    public void addMember(String key, String login) {
        UserGroup group = get(key);
        PlatformUser user = users.get(login);
        int added = em.createNativeQuery("INSERT INTO " + members + " (group_id, user_id, added_at)"
                        + " VALUES (?, ?, now()) ON CONFLICT DO NOTHING")
                .setParameter(1, group.id())
                .setParameter(2, user.id())
                .executeUpdate();
        if (added > 0) {
            changes.record("group.member-added", "group", group.key(), membership(group, user));
        }
    }

    /** Removes the user from the group; removing a non-member changes nothing. */
    @Transactional
    public void removeMember(String key, String login) {
        UserGroup group = get(key);
        PlatformUser user = users.get(login);
        int removed = em.createNativeQuery("DELETE FROM " + members + " WHERE group_id = ? AND user_id = ?")
                .setParameter(1, group.id())
                .setParameter(2, user.id())
                .executeUpdate();
        if (removed > 0) {
            changes.record("group.member-removed", "group", group.key(), membership(group, user));
        }
    }

    public UserGroup get(String key) {
        return Persistence.single(em.createQuery("SELECT g FROM UserGroup g WHERE g.key = :key", UserGroup.class)
                .setParameter("key", key), "Group", key);
    }

    public GroupView view(UserGroup group) {
        return GroupView.of(group, group.parentId() == null ? null : em.find(UserGroup.class, group.parentId()).key());
    }

    /** Groups whose key or name contains {@code search}, the children of {@code parent} when given; by key. */
    public Page<GroupView> list(String search, String parent, PageRequest page) {
        String where = " WHERE (g.key LIKE :p ESCAPE '!' OR LOWER(g.name) LIKE :p ESCAPE '!')"
                + (parent == null ? "" : " AND p.key = :parent");
        List<GroupView> items = bind(em.createQuery("SELECT g, p.key FROM UserGroup g"
                        + " LEFT JOIN UserGroup p ON p.id = g.parentId" + where + " ORDER BY g.key", Object[].class),
                search, parent)
                .setFirstResult(page.offset())
                .setMaxResults(page.limit())
                .getResultStream()
                .map(row -> GroupView.of((UserGroup) row[0], (String) row[1]))
                .toList();
        long total = bind(em.createQuery("SELECT COUNT(g) FROM UserGroup g LEFT JOIN UserGroup p ON p.id = g.parentId"
                + where, Long.class), search, parent).getSingleResult();
        return new Page<>(items, page.offset(), page.limit(), total);
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, String search, String parent) {
        query.setParameter("p", Users.containing(search));
        if (parent != null) {
            query.setParameter("parent", parent);
        }
        return query;
    }

    private void refuseLoop(UserGroup group, UserGroup parent) {
        if (parent.id().equals(group.id())) {
            throw ProblemException.invalid("parent", "must not be the group itself");
        }
        List<UUID> loop = GroupTree.loop(group.id(), parent.id(), id -> em.find(UserGroup.class, id).parentId());
        if (!loop.isEmpty()) {
            String path = loop.stream().map(id -> em.find(UserGroup.class, id).key()).collect(Collectors.joining(" < "));
            throw ProblemException.conflict("group-cycle", "Group '" + group.key() + "' cannot go under '"
                    + parent.key() + "', which is inside it (" + path + "): groups cannot contain themselves");
        }
    }

    private UserGroup parent(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        List<UserGroup> found = em.createQuery("SELECT g FROM UserGroup g WHERE g.key = :key", UserGroup.class)
                .setParameter("key", key.strip())
                .getResultList();
        if (found.isEmpty()) {
            throw ProblemException.invalid("parent", "no group has the key '" + key.strip() + "'");
        }
        return found.get(0);
    }

    private void lockTree() {
        em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(?)").setParameter(1, TREE_LOCK).getResultList();
    }

    private static JsonObjectBuilder describe(UserGroup group, UserGroup parent) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", group.id().toString())
                .add("key", group.key())
                .add("name", group.name());
        return parent == null ? json.addNull("parent") : json.add("parent", parent.key());
    }

    private static JsonObject membership(UserGroup group, PlatformUser user) {
        return Json.createObjectBuilder()
                .add("groupId", group.id().toString())
                .add("group", group.key())
                .add("userId", user.id().toString())
                .add("login", user.login())
                .build();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
