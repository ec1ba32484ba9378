package io.plinth.scheduler.schedules;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** A timed event: when its cron expression comes due, an event with its routing key goes out on the bus. */
@Entity
@Table(name = "schedule")
public class Schedule {

    @Id
    private UUID id;

    @Column(name = "schedule_key", nullable = false, unique = true, length = 63)
    private String key;

    @Column(nullable = false, length = 200)
    private String cron;

    @Column(name = "routing_key", nullable = false, length = 255)
    private String routingKey;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Version
    private long version;

    protected Schedule() {
    }

    public Schedule(String key, String cron, String routingKey, boolean enabled) {
        this.id = UUID.randomUUID();
        this.key = key;
        this.cron = cron;
        this.routingKey = routingKey;
        this.enabled = enabled;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public UUID id() {
        return id;
    }

    public String key() {
        return key;
    }

    public String cron() {
        return cron;
    }

    public String routingKey() {
        return routingKey;
    }

    public boolean enabled() {
        return enabled;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
