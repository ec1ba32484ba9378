package io.plinth.viewservice.apps;

import io.plinth.kernel.problem.FieldError;
import io.plinth.viewservice.apps.model.ModelDocuments;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One run of publishing an app: what it publishes ({@code model}: the draft at the request, or an
 * earlier version's content), its state ({@code validating → applying → active | failed}), the step
 * it is at or failed in and why, and the version it produced. At most one publication of an app
 * runs at a time (the index {@code publication_one_running} and the lock of {@link Publisher}).
 */
@Entity
@Table(name = "publication")
public class Publication {

    public static final String PUBLISH = "publish";
    public static final String ROLLBACK = "rollback";
    public static final String IMPORT = "import";

    public static final String VALIDATING = "validating";
    public static final String APPLYING = "applying";
    public static final String ACTIVE = "active";
    public static final String FAILED = "failed";

    public static final String PARTICIPANT = "view-service";
    public static final String VALIDATE = "validate";
    public static final String DIFF = "diff";
    public static final String FREEZE = "freeze";
    public static final String ACTIVATE = "activate";
    /** View-service's steps, in order. */
    public static final List<String> STEPS = List.of(VALIDATE, DIFF, FREEZE, ACTIVATE);

    public static final String CATALOGS = "catalogs";
    public static final String CATALOGS_PLAN = "catalogs.plan";
    public static final String CATALOGS_APPLY = "catalogs.apply";
    /** Added only when a failure after catalogs.apply makes catalogs go back to the base version. */
    public static final String CATALOGS_UNDO = "catalogs.undo";
    /** catalogs' steps, in order; they go between diff and freeze. */
    public static final List<String> CATALOGS_STEPS = List.of(CATALOGS_PLAN, CATALOGS_APPLY);

    @Id
    private UUID id;

    @Column(name = "app_id", nullable = false, updatable = false)
    private UUID appId;

    @Column(nullable = false, length = 20, updatable = false)
    private String kind;

    @Column(nullable = false, length = 20)
    private String status;

    @Column(length = 63)
    private String step;

    @Column(length = 2000)
    private String reason;

    @Column(columnDefinition = "text")
    private String errors;

    @Column(name = "base_version", updatable = false)
    private Integer baseVersion;

    @Column(name = "version")
    private Integer version;

    @Column(name = "source_version", updatable = false)
    private Integer sourceVersion;

    @Column(name = "draft_revision", updatable = false)
    private Long draftRevision;

    @Column(nullable = false)
    private boolean unchanged;

    /** Whether the request accepted that catalogs destroys stored data ({@code ?confirmDataLoss=true}). */
    @Column(name = "confirm_data_loss", nullable = false, updatable = false)
    private boolean confirmDataLoss;

    @Column(nullable = false, updatable = false, columnDefinition = "text")
    private String model;

    @Column(columnDefinition = "text")
    private String plan;

    @Column(name = "requested_by", length = 200, updatable = false)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private OffsetDateTime requestedAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "publication_step", joinColumns = @JoinColumn(name = "publication_id"))
    @OrderColumn(name = "position")
    private List<PublicationStep> steps = new ArrayList<>();

    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected Publication() {
    }

    /**
     * @param version the version it activates when that exists already (an import), else null: it
     *                freezes a new one
     */
    Publication(UUID appId, String kind, Integer baseVersion, Long draftRevision, Integer sourceVersion,
                Integer version, JsonObject model, boolean confirmDataLoss, String requestedBy) {
        this.id = UUID.randomUUID();
        this.appId = appId;
        this.kind = kind;
        this.status = VALIDATING;
        this.baseVersion = baseVersion;
        this.draftRevision = draftRevision;
        this.sourceVersion = sourceVersion;
        this.version = version;
        this.model = model.toString();
        this.confirmDataLoss = confirmDataLoss;
        this.requestedBy = requestedBy;
        this.requestedAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.updatedAt = requestedAt;
        steps.add(new PublicationStep(VALIDATE, PARTICIPANT));
        steps.add(new PublicationStep(DIFF, PARTICIPANT));
        for (String name : CATALOGS_STEPS) {
            steps.add(new PublicationStep(name, CATALOGS));
        }
        steps.add(new PublicationStep(FREEZE, PARTICIPANT));
        steps.add(new PublicationStep(ACTIVATE, PARTICIPANT));
        this.step = VALIDATE;
        steps.get(0).start();
    }

    boolean running() {
        return status.equals(VALIDATING) || status.equals(APPLYING);
    }

    /** Ends the current step with {@code outcome} and starts the next one, if any. */
    void stepDone(String name, String outcome, String detail) {
        int index = indexOf(name);
        steps.get(index).finish(outcome, detail);
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        if (index + 1 < steps.size()) {
            step = steps.get(index + 1).name();
            steps.get(index + 1).start();
        }
    }

    /** Starts a step that is not part of every publication (catalogs.undo), after the others. */
    void stepAdded(String name, String participant) {
        PublicationStep added = new PublicationStep(name, participant);
        steps.add(added);
        added.start();
        step = name;
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** Ends a step added by {@link #stepAdded}; the publication's own step stays where it is. */
    void addedStepDone(String name, String outcome, String detail) {
        steps.get(indexOf(name)).finish(outcome, detail);
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    private int indexOf(String name) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("publication " + id + " has no step " + name);
    }

    /** What publishing does, as the steps so far know it; still validating. */
    void planned(JsonObject plan) {
        this.plan = plan.toString();
    }

    /** Every participant prepared its part: from now on the publication changes things. */
    void applying(JsonObject plan) {
        this.plan = plan.toString();
        this.status = APPLYING;
    }

    void frozen(int number) {
        this.version = number;
    }

    /** Nothing differs from the active version: the publication ends with it, no new version. */
    void unchanged() {
        this.unchanged = true;
        this.version = baseVersion;
        for (PublicationStep remaining : steps) {
            if (!remaining.status().equals(PublicationStep.DONE)) {
                remaining.finish(PublicationStep.SKIPPED, "nothing changed");
            }
        }
        finish(ACTIVE);
    }

    void activated() {
        finish(ACTIVE);
    }

    /** Ends the publication as failed in {@code failedStep}; the steps after it are skipped. */
    void fail(String failedStep, String reason, List<FieldError> problems) {
        step = failedStep;
        for (PublicationStep each : steps) {
            if (each.name().equals(failedStep)) {
                each.finish(PublicationStep.FAILED, reason);
            } else if (each.status().equals(PublicationStep.PENDING) || each.status().equals(PublicationStep.RUNNING)) {
                each.finish(PublicationStep.SKIPPED, null);
            }
        }
        this.reason = clip(reason);
        if (problems != null && !problems.isEmpty()) {
            JsonArrayBuilder list = Json.createArrayBuilder();
            problems.forEach(e -> list.add(Json.createObjectBuilder().add("field", e.field()).add("message", e.message())));
            this.errors = list.build().toString();
        }
        finish(FAILED);
    }

    private void finish(String outcome) {
        status = outcome;
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        finishedAt = updatedAt;
    }

    static String clip(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
    }

    public UUID id() {
        return id;
    }

    public UUID appId() {
        return appId;
    }

    public String kind() {
        return kind;
    }

    public String status() {
        return status;
    }

    public String step() {
        return step;
    }

    public String reason() {
        return reason;
    }

    public String errors() {
        return errors;
    }

    public Integer baseVersion() {
        return baseVersion;
    }

    public Integer version() {
        return version;
    }

    public Integer sourceVersion() {
        return sourceVersion;
    }

    public Long draftRevision() {
        return draftRevision;
    }

    public boolean isUnchanged() {
        return unchanged;
    }

    public boolean confirmDataLoss() {
        return confirmDataLoss;
    }

    public JsonObject model() {
        return ModelDocuments.parse(model);
    }

    public String plan() {
        return plan;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public OffsetDateTime requestedAt() {
        return requestedAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public OffsetDateTime finishedAt() {
        return finishedAt;
    }

    public List<PublicationStep> steps() {
        return List.copyOf(steps);
    }
}
