package io.plinth.scheduler.schedules;

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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The schedule registry: create and find schedules; every creation is announced on the bus. */
@ApplicationScoped
public class Schedules {

    public static final String CREATED = "scheduler.schedule.created";

    @PersistenceContext(unitName = "scheduler")
    EntityManager em;

    @Inject
    EventPublisher events;

    /**
     * Creates the schedule and its {@code scheduler.schedule.created} event in one transaction,
     * after checking that its cron expression parses and comes due. A key that is taken fails at the flush: the
     * transaction, event included, rolls back.
     */
    @Transactional
    public Schedule create(NewSchedule request) {
        String cron = request.cron().strip();
        CronExpressions.checkUpcoming(cron, OffsetDateTime.now(ZoneOffset.UTC));
        Schedule schedule = new Schedule(request.key(), cron, request.routingKey(),
                request.enabled() == null || request.enabled());
        em.persist(schedule);
        events.publish(CREATED, Json.createObjectBuilder()
                .add("id", schedule.id().toString())
                .add("key", schedule.key())
                .add("cron", schedule.cron())
                .add("routingKey", schedule.routingKey())
                .add("enabled", schedule.enabled())
                .build());
        Persistence.flushOrConflict(em, "schedule-key-taken",
                "A schedule with key '" + request.key() + "' already exists");
        return schedule;
    }

    public Schedule get(String key) {
        return Persistence.single(em.createQuery("SELECT s FROM Schedule s WHERE s.key = :key", Schedule.class)
                .setParameter("key", key), "Schedule", key);
    }

    public Page<ScheduleView> list(PageRequest page) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<ScheduleView> items = em.createQuery("SELECT s FROM Schedule s ORDER BY s.key", Schedule.class)
                .setFirstResult(page.offset())
                .setMaxResults(page.limit())
                .getResultStream()
                .map(schedule -> ScheduleView.of(schedule, now))
                .toList();
        long total = em.createQuery("SELECT COUNT(s) FROM Schedule s", Long.class).getSingleResult();
        return new Page<>(items, page.offset(), page.limit(), total);
    }
}
