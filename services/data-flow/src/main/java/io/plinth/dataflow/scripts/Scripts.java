package io.plinth.dataflow.scripts;

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
import java.util.List;
import java.util.Locale;

/** The stored data scripts: create and find them; every creation is announced on the bus. */
@ApplicationScoped
public class Scripts {

    public static final String CREATED = "data-flow.script.created";
    public static final int MAX_SOURCE_CHARS = 65536;

    @PersistenceContext(unitName = "data-flow")
    EntityManager em;

    @Inject
    EventPublisher events;

    /**
     * Stores the script and its {@code data-flow.script.created} event in one transaction. A key
     * that is taken fails at the flush: the transaction, event included, rolls back.
     */
    @Transactional
    public Script create(NewScript request) {
        Script script = new Script(request.key(), request.language(), request.source());
        em.persist(script);
        events.publish(CREATED, Json.createObjectBuilder()
                .add("id", script.id().toString())
                .add("key", script.key())
                .add("language", script.language())
                .build());
        Persistence.flushOrConflict(em, "script-key-taken", "A script with key '" + request.key() + "' already exists");
        return script;
    }

    public Script get(String key) {
        return Persistence.single(em.createQuery("SELECT s FROM Script s WHERE s.key = :key", Script.class)
                .setParameter("key", key), "Script", key);
    }

    /** Scripts whose key contains {@code search} (all when it is blank), by key, without their sources. */
    public Page<ScriptSummary> list(String search, PageRequest page) {
        String pattern = containing(search);
        List<ScriptSummary> items = em.createQuery("SELECT NEW io.plinth.dataflow.scripts.ScriptSummary("
                        + "s.id, s.key, s.language, s.createdAt) FROM Script s WHERE s.key LIKE :p ESCAPE '!'"
                        + " ORDER BY s.key", ScriptSummary.class)
                .setParameter("p", pattern)
                .setFirstResult(page.offset())
                .setMaxResults(page.limit())
                .getResultList();
        long total = em.createQuery("SELECT COUNT(s) FROM Script s WHERE s.key LIKE :p ESCAPE '!'", Long.class)
                .setParameter("p", pattern)
                .getSingleResult();
        return new Page<>(items, page.offset(), page.limit(), total);
    }

    /** A LIKE pattern matching {@code search} literally (keys are lower-case, so the search is too). */
    private static String containing(String search) {
        if (search == null || search.isBlank()) {
            return "%";
        }
        String literal = search.strip().toLowerCase(Locale.ROOT)
                .replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + literal + "%";
    }
}
