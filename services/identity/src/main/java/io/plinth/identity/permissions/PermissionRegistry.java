package io.plinth.identity.permissions;

import io.plinth.identity.audit.AdminChanges;
import io.plinth.identity.users.Users;
import io.plinth.kernel.db.Persistence;
import io.plinth.kernel.db.ServiceSchemas;
import io.plinth.kernel.rest.Page;
import io.plinth.kernel.rest.PageRequest;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The permission names services and published apps check, registered by them (idempotently: the
 * same definition again changes nothing, also when several replicas register at once). Each new or
 * changed registration is audited and announced as {@code identity.permission.registered} or
 * {@code identity.permission.updated}.
 */
@ApplicationScoped
public class PermissionRegistry {

    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    AdminChanges changes;

    @Inject
    ServiceSchemas schemas;

    private String upsert;

    @PostConstruct
    void prepare() {
        // One statement decides create, update or nothing, so concurrent registrations never collide.
        upsert = "INSERT INTO " + schemas.table("permission") + " AS p"
                + " (name, service, description, registered_at, updated_at) VALUES (?, ?, ?, now(), now())"
                + " ON CONFLICT (name) DO UPDATE SET service = EXCLUDED.service, description = EXCLUDED.description,"
                + " updated_at = now()"
                + " WHERE p.service <> EXCLUDED.service OR p.description <> EXCLUDED.description"
                + " RETURNING (xmax = 0)";
    }

    @Transactional
    public Outcome register(PermissionDefinition definition) {
        List<?> written = em.createNativeQuery(upsert)
                .setParameter(1, definition.name())
                .setParameter(2, definition.service())
                .setParameter(3, definition.description())
                .getResultList();
        if (written.isEmpty()) {
            return Outcome.UNCHANGED;
        }
        Outcome outcome = Boolean.TRUE.equals(written.get(0)) ? Outcome.CREATED : Outcome.UPDATED;
        changes.record(outcome == Outcome.CREATED ? "permission.registered" : "permission.updated", "permission",
                definition.name(), Json.createObjectBuilder()
                        .add("name", definition.name())
                        .add("service", definition.service())
                        .add("description", definition.description())
                        .build());
        return outcome;
    }

    /** Registers every definition in one transaction; how many were created, updated and left unchanged. */
    @Transactional
    public Map<Outcome, Integer> registerAll(List<PermissionDefinition> definitions) {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome, 0);
        }
        for (PermissionDefinition definition : definitions) {
            counts.merge(register(definition), 1, Integer::sum);
        }
        return counts;
    }

    @Transactional
    public void delete(String name) {
        RegisteredPermission permission = get(name);
        em.remove(permission);
        em.flush();
        changes.record("permission.deleted", "permission", name, Json.createObjectBuilder()
                .add("name", name)
                .add("service", permission.service())
                .build());
    }

    public RegisteredPermission get(String name) {
        return Persistence.single(em.createQuery("SELECT p FROM RegisteredPermission p WHERE p.name = :name",
                RegisteredPermission.class).setParameter("name", name), "Permission", name);
    }

    /** Permissions whose name or description contains {@code search}, of {@code service} when given; by name. */
    public Page<PermissionView> list(String search, String service, PageRequest page) {
        String where = " WHERE (p.name LIKE :p ESCAPE '!' OR LOWER(p.description) LIKE :p ESCAPE '!')"
                + (service == null ? "" : " AND p.service = :service");
        List<PermissionView> items = bind(em.createQuery("SELECT p FROM RegisteredPermission p" + where
                + " ORDER BY p.name", RegisteredPermission.class), search, service)
                .setFirstResult(page.offset())
                .setMaxResults(page.limit())
                .getResultStream()
                .map(PermissionView::of)
                .toList();
        long total = bind(em.createQuery("SELECT COUNT(p) FROM RegisteredPermission p" + where, Long.class),
                search, service).getSingleResult();
        return new Page<>(items, page.offset(), page.limit(), total);
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, String search, String service) {
        query.setParameter("p", Users.containing(search));
        if (service != null) {
            query.setParameter("service", service);
        }
        return query;
    }
}
