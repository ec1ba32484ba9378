package io.plinth.viewservice.maintenance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The stored log levels of one service. {@code loggers} is a JSON object of logger name to
 * level; {@code version} grows by one with every change, so instances can tell old from new.
 */
@Entity
@Table(name = "log_level", schema = "maintenance")
public class LogLevelSetting {

    @Id
    @Column(length = 40)
    private String service;

    @Column(length = 7)
    private String level;

    @Column(nullable = false, columnDefinition = "jsonb")
    private String loggers;

    @Column(nullable = false)
    private long version;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(name = "updated_by", length = 300)
    private String updatedBy;

    protected LogLevelSetting() {
    }

    public LogLevelSetting(String service) {
        this.service = service;
        this.loggers = "{}";
    }

    void change(String level, String loggers, String by) {
        this.level = level;
        this.loggers = loggers;
        this.version++;
        this.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.updatedBy = by;
    }

    public String service() {
        return service;
    }

    public String level() {
        return level;
    }

    public String loggers() {
        return loggers;
    }

    public long version() {
        return version;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public String updatedBy() {
        return updatedBy;
    }
}
