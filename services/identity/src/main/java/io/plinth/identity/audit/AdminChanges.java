package io.plinth.identity.audit;

import io.plinth.kernel.bus.EventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;

/**
 * Makes an administrative change known twice, in the transaction that makes it: as an audit entry
 * and as the event {@code identity.<action>} on the bus, both carrying {@code details}.
 */
@ApplicationScoped
public class AdminChanges {

    @Inject
    AuditLog audit;

    @Inject
    EventPublisher events;

    /**
     * @param action {@code <entity>.<verb>}, e.g. {@code group.member-added}
     * @param targetType the kind of thing changed: {@code user}, {@code group}, {@code role}, {@code permission}
     * @param targetId its login, key or name
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String targetType, String targetId, JsonObject details) {
        audit.record(action, targetType, targetId, details);
        events.publish("identity." + action, details);
    }
}
