package io.plinth.scheduler.schedules;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A schedule as the REST API shows it. {@code nextFireTime} (UTC) is when it would fire next;
 * absent when the schedule is disabled or its expression never comes due again.
 */
public record ScheduleView(UUID id, String key, String cron, String routingKey, boolean enabled,
                           OffsetDateTime nextFireTime, OffsetDateTime createdAt) {

    static ScheduleView of(Schedule schedule, OffsetDateTime now) {
        OffsetDateTime next = schedule.enabled()
                ? CronExpressions.nextFireTime(schedule.cron(), now).orElse(null)
                : null;
        return new ScheduleView(schedule.id(), schedule.key(), schedule.cron(), schedule.routingKey(),
                schedule.enabled(), next, schedule.createdAt());
    }
}
