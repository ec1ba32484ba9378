package io.plinth.viewservice.apps;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One step of a publication, done by one participant: view-service's own steps and catalogs'
 * (planning and applying its DDL, and undoing it after a later failure) in one list.
 */
@Embeddable
public class PublicationStep {

    public static final String PENDING = "pending";
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";
    public static final String SKIPPED = "skipped";

    @Column(nullable = false, length = 63)
    private String name;

    @Column(nullable = false, length = 63)
    private String participant;

    @Column(nullable = false, length = 20)
    private String status;

    @Column(name = "started_at")
    private OffsetDateTime startedAt;

    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    @Column(length = 2000)
    private String detail;

    protected PublicationStep() {
    }

    PublicationStep(String name, String participant) {
        this.name = name;
        this.participant = participant;
        this.status = PENDING;
    }

    void start() {
        status = RUNNING;
        startedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    void finish(String outcome, String detail) {
        status = outcome;
        finishedAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.detail = Publication.clip(detail);
    }

    public String name() {
        return name;
    }

    public String participant() {
        return participant;
    }

    public String status() {
        return status;
    }

    public OffsetDateTime startedAt() {
        return startedAt;
    }

    public OffsetDateTime finishedAt() {
        return finishedAt;
    }

    public String detail() {
        return detail;
    }
}
