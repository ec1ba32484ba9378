package io.plinth.notification.messages;

import io.plinth.kernel.bus.EventPublisher;
import io.plinth.kernel.problem.FieldError;
import io.plinth.kernel.problem.ProblemException;
import io.plinth.kernel.rest.Page;
import io.plinth.kernel.rest.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** The notification queue: queue and find notifications; every queued one is announced on the bus. */
@ApplicationScoped
public class Notifications {

    public static final String QUEUED = "notification.notification.queued";

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @PersistenceContext(unitName = "notification")
    EntityManager em;

    @Inject
    EventPublisher events;

    @Inject
    Validator validator;

    /**
     * Queues the notification and its {@code notification.notification.queued} event in one
     * transaction. The request is validated here, not only at the REST boundary, so gRPC callers
     * get the same checks and messages.
     */
    @Transactional
    public Notification queue(NewNotification request) {
        validate(request);
        Notification notification = new Notification(request.recipient().strip(), request.subject().strip(),
                request.body());
        em.persist(notification);
        events.publish(QUEUED, Json.createObjectBuilder()
                .add("id", notification.id().toString())
                .add("recipient", notification.recipient())
                .build());
        return notification;
    }

    /** An id that is not a UUID names no notification: 404 like any unknown id. */
    public Notification get(String id) {
        Notification notification = id != null && CANONICAL_UUID.matcher(id).matches()
                ? em.find(Notification.class, UUID.fromString(id))
                : null;
        if (notification == null) {
            throw ProblemException.notFound("Notification", id);
        }
        return notification;
    }

    /** Newest first, optionally only those for one recipient. */
    public Page<NotificationView> list(String recipient, PageRequest page) {
        boolean filtered = recipient != null;
        String where = filtered ? " WHERE n.recipient = :recipient" : "";
        TypedQuery<Notification> items = em.createQuery("SELECT n FROM Notification n" + where
                + " ORDER BY n.createdAt DESC, n.id", Notification.class);
        TypedQuery<Long> total = em.createQuery("SELECT COUNT(n) FROM Notification n" + where, Long.class);
        if (filtered) {
            items.setParameter("recipient", recipient);
            total.setParameter("recipient", recipient);
        }
        List<NotificationView> views = items.setFirstResult(page.offset())
                .setMaxResults(page.limit())
                .getResultStream()
                .map(NotificationView::of)
                .toList();
        return new Page<>(views, page.offset(), page.limit(), total.getSingleResult());
    }

    private void validate(NewNotification request) {
        List<FieldError> errors = validator.validate(request).stream()
                .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
