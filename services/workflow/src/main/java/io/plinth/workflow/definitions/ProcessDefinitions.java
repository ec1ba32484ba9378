package io.plinth.workflow.definitions;

import io.plinth.kernel.bus.EventPublisher;
import io.plinth.kernel.db.Persistence;
import io.plinth.kernel.problem.FieldError;
import io.plinth.kernel.problem.ProblemException;
import io.plinth.kernel.rest.Page;
import io.plinth.kernel.rest.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/** The versioned process definitions: every save is a new version, announced on the bus. */
@ApplicationScoped
public class ProcessDefinitions {

    public static final String CREATED = "workflow.process-definition.created";

    @PersistenceContext(unitName = "workflow")
    EntityManager em;

    @Inject
    EventPublisher events;

    /**
     * Saves the definition as the next version of its key (1 for a new key) together with its
     * {@code workflow.process-definition.created} event. A transaction-scoped advisory lock on the
     * key makes concurrent saves of one key take turns, so each gets its own version number.
     */
    @Transactional
    public ProcessDefinition create(NewProcessDefinition request) {
        List<FieldError> errors = StateMachineRules.check(request.definition());
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, CREATED + ":" + request.key())
                .getSingleResult();
        Integer latest = em.createQuery("SELECT MAX(d.version) FROM ProcessDefinition d WHERE d.key = :key",
                        Integer.class)
                .setParameter("key", request.key())
                .getSingleResult();
        ProcessDefinition definition = new ProcessDefinition(request.key(), request.name().strip(),
                request.definition().asJsonObject(), latest == null ? 1 : latest + 1);
        em.persist(definition);
        events.publish(CREATED, Json.createObjectBuilder()
                .add("id", definition.id().toString())
                .add("key", definition.key())
                .add("version", definition.version())
                .build());
        return definition;
    }

    public ProcessDefinition latest(String key) {
        return Persistence.single(em.createQuery(
                        "SELECT d FROM ProcessDefinition d WHERE d.key = :key ORDER BY d.version DESC",
                        ProcessDefinition.class)
                .setParameter("key", key), "Process definition", key);
    }

    public ProcessDefinition version(String key, int version) {
        return Persistence.single(em.createQuery(
                        "SELECT d FROM ProcessDefinition d WHERE d.key = :key AND d.version = :version",
                        ProcessDefinition.class)
                .setParameter("key", key)
                .setParameter("version", version), "Version " + version + " of process definition", key);
    }

    /** The current (highest) version of each key, by key. */
    public Page<ProcessDefinitionSummary> list(PageRequest page) {
        List<ProcessDefinitionSummary> items = em.createQuery("SELECT NEW " + ProcessDefinitionSummary.class.getName()
                        + "(d.id, d.key, d.name, d.version, d.createdAt) FROM ProcessDefinition d"
                        + " WHERE d.version = (SELECT MAX(e.version) FROM ProcessDefinition e WHERE e.key = d.key)"
                        + " ORDER BY d.key", ProcessDefinitionSummary.class)
                .setFirstResult(page.offset())
                .setMaxResults(page.limit())
                .getResultList();
        long total = em.createQuery("SELECT COUNT(DISTINCT d.key) FROM ProcessDefinition d", Long.class)
                .getSingleResult();
        return new Page<>(items, page.offset(), page.limit(), total);
    }
}
