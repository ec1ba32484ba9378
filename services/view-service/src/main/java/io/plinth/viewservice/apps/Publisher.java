package io.plinth.viewservice.apps;

import io.plinth.kernel.concurrency.ManagedThreads;
import io.plinth.kernel.logging.RequestContext;
import io.plinth.kernel.problem.Problem;
import io.plinth.kernel.problem.ProblemException;
import io.plinth.viewservice.apps.model.ModelDiff;
import io.plinth.viewservice.apps.model.ModelValidator;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Runs publications. Each runs on a worker thread that first takes the app's PostgreSQL advisory
 * lock ({@code pg_try_advisory_lock(LOCK_CLASS, app.lock_id)}) on a connection it keeps until the
 * publication ends: a second publish of the app meanwhile is refused (409), and an instance that
 * dies releases the lock with its connection, so nothing stays locked. The worker then goes
 * through the steps of {@link Publications} and {@link CatalogsParticipant}; a step that fails
 * ends the publication as failed with the step and the reason, and the active version stays as it
 * was. When catalogs applied (or may have applied) the new version before the failure, catalogs
 * is taken back to the active version first (step {@code catalogs.undo}).
 */
@ApplicationScoped
public class Publisher {

    /** The first key of the app publication locks (the second is {@code app.lock_id}). */
    public static final int LOCK_CLASS = 1_986_134_017;
    static final int MAX_RUNNING = 8;
    private static final long OPEN_TIMEOUT_SECONDS = 30;
    private static final Logger LOG = Logger.getLogger(Publisher.class.getName());

    @Inject
    DataSource dataSource;

    @Inject
    ManagedThreads threads;

    @Inject
    Apps apps;

    @Inject
    Publications publications;

    @Inject
    CatalogsParticipant catalogs;

    private ThreadPoolExecutor workers;

    @PostConstruct
    void start() {
        workers = threads.pool("publisher", 0, MAX_RUNNING, Duration.ofSeconds(60), new SynchronousQueue<>());
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    /** Starts a publication and answers it once recorded; 409 when one of the app is running. */
    public Publication start(PublicationRequest request) {
        App app = apps.get(request.appKey());
        CompletableFuture<UUID> opened = new CompletableFuture<>();
        try {
            workers.execute(() -> run(app.lockId(), request, opened));
        } catch (RejectedExecutionException e) {
            throw busy();
        }
        return publications.get(app, await(opened));
    }

    /** The publication of {@code app}; one marked running whose instance is gone is failed first. */
    public Publication find(String appKey, UUID id) {
        return publications.current(apps.get(appKey), id);
    }

    /**
     * Validation and plan of publishing the draft now, without publishing: view-service's changes
     * and catalogs' DDL plan, or the problem catalogs has with the change ({@code publishable: false}).
     */
    public JsonObject dryRun(String appKey, Credentials credentials) {
        App app = apps.get(appKey);
        JsonObject active = apps.activeModel(app);
        JsonObject draft = app.draft();
        Apps.requireValid(ModelValidator.validate(draft, ModelValidator.Context.draft(app.key(), active)));
        List<ModelDiff.Change> changes = ModelDiff.between(active, draft);
        boolean unchanged = changes.isEmpty() && active != null;
        JsonObject plan = Publications.plan(app.activeVersion(), changes);
        boolean publishable = true;
        if (!unchanged) {
            try {
                plan = Publications.withParticipant(plan, Publication.CATALOGS, "plan", catalogs.dryRun(
                        new CatalogsParticipant.Target(app.key(), Publications.nextVersion(app), app.activeVersion(),
                                active, draft, false, credentials)));
            } catch (ParticipantException e) {
                plan = Publications.withParticipant(plan, Publication.CATALOGS, "problem", problem(e));
                publishable = false;
            }
        }
        return Json.createObjectBuilder()
                .add("dryRun", true)
                .add("app", app.key())
                .add("draftRevision", app.draftRevision())
                .add("valid", true)
                .add("publishable", publishable)
                .add("unchanged", unchanged)
                .add("plan", plan)
                .build();
    }

    private static JsonObject problem(ParticipantException e) {
        JsonArrayBuilder errors = Json.createArrayBuilder();
        e.errors().forEach(error -> errors.add(Json.createObjectBuilder().add("field", error.field())
                .add("message", error.message())));
        return Json.createObjectBuilder()
                .add("status", e.status())
                .add("code", e.code())
                .add("detail", e.detail())
                .add("reason", e.reason())
                .add("errors", errors)
                .build();
    }

    private void run(int lockId, PublicationRequest request, CompletableFuture<UUID> opened) {
        RequestContext.begin(request.requestId(), null);
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(true);
            if (!advisoryLock(lock, "SELECT pg_try_advisory_lock(?, ?)", lockId)) {
                opened.completeExceptionally(ProblemException.conflict("publication-in-progress",
                        "App '" + request.appKey() + "' is being published; wait for that publication to end"));
                return;
            }
            try {
                UUID id = publications.open(request);
                opened.complete(id);
                drive(id, request.credentials());
            } finally {
                advisoryLock(lock, "SELECT pg_advisory_unlock(?, ?)", lockId);
            }
        } catch (SQLException | RuntimeException e) {
            if (!opened.completeExceptionally(e)) {
                LOG.log(Level.SEVERE, "Publication of app " + request.appKey() + " broke off", e);
            }
        } finally {
            RequestContext.end();
        }
    }

    /** Runs the steps in order until one ends the publication. */
    private void drive(UUID id, Credentials credentials) {
        String step = Publication.VALIDATE;
        CatalogsParticipant.Target target = null;
        try {
            if (!publications.validate(id)) {
                return;
            }
            step = Publication.DIFF;
            if (!publications.diff(id)) {
                return;
            }
            step = Publication.CATALOGS_PLAN;
            target = publications.catalogsTarget(id, credentials);
            CatalogsParticipant.Planned planned = catalogs.plan(target);
            publications.catalogsPlanned(id, planned);
            step = Publication.CATALOGS_APPLY;
            publications.catalogsApplied(id, catalogs.apply(target, planned));
            step = Publication.FREEZE;
            publications.freeze(id);
            step = Publication.ACTIVATE;
            publications.activate(id);
            LOG.info(() -> "Publication " + id + " activated a new version");
        } catch (RuntimeException e) {
            String reason = reason(id, step, e);
            if (target != null && catalogsMayHoldTarget(step, e)) {
                reason = reason + "; " + undo(id, target);
            }
            LOG.warning("Publication " + id + " failed in step " + step + ": " + reason);
            publications.fail(id, step, reason, e instanceof ParticipantException p ? p.errors() : null);
        }
    }

    /**
     * Whether catalogs may hold the new version after a failure in {@code step}: it acknowledged it
     * before, or its answer to applying is not a refusal (no answer, a server error, or a failure
     * recording its acknowledgement). A refusal rolled catalogs' transaction back.
     */
    static boolean catalogsMayHoldTarget(String step, RuntimeException e) {
        return switch (step) {
            case Publication.FREEZE, Publication.ACTIVATE -> true;
            case Publication.CATALOGS_APPLY -> !(e instanceof PublicationFailure)
                    && !(e instanceof ParticipantException p && p.refused());
            default -> false;
        };
    }

    /** Takes catalogs back to the base version, recording it as the step catalogs.undo; answers what happened. */
    private String undo(UUID id, CatalogsParticipant.Target target) {
        boolean recorded = recorded(() -> publications.undoStarted(id));
        String outcome;
        String status;
        try {
            outcome = catalogs.undo(target);
            status = PublicationStep.DONE;
        } catch (RuntimeException e) {
            String why = e instanceof ParticipantException p ? p.reason() : e.getMessage();
            outcome = (target.baseVersion() == null ? "catalogs could not remove version " + target.version()
                    : "catalogs could not go back to version " + target.baseVersion()) + ": " + why
                    + "; until the app is published again, catalogs may hold version " + target.version()
                    + "'s tables" + (target.baseVersion() == null ? "" : " while version " + target.baseVersion()
                    + " is active") + " (the next publication sets catalogs right)";
            status = PublicationStep.FAILED;
            LOG.log(Level.SEVERE, "Publication " + id + ": " + outcome, e);
        }
        if (recorded) {
            String detail = outcome;
            String ended = status;
            recorded(() -> publications.undoEnded(id, ended, detail));
        }
        return outcome;
    }

    /** Runs a record-keeping step whose failure must not stop the undo (the database may be what failed). */
    private static boolean recorded(Runnable step) {
        try {
            step.run();
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not record the undo of a publication", e);
            return false;
        }
    }

    private static String reason(UUID id, String step, RuntimeException e) {
        if (e instanceof PublicationFailure) {
            return e.getMessage();
        }
        if (e instanceof ParticipantException participant) {
            return participant.reason();
        }
        if (e instanceof ProblemException problem) {
            return problem.problem().detail();
        }
        String reference = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Publication " + id + " failed in step " + step + ", reference " + reference, e);
        return "unexpected error; quote reference " + reference + " to an administrator";
    }

    private static boolean advisoryLock(Connection connection, String sql, int lockId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, LOCK_CLASS);
            statement.setInt(2, lockId);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static UUID await(CompletableFuture<UUID> opened) {
        try {
            return opened.get(OPEN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException("Could not start the publication", e.getCause());
        } catch (TimeoutException e) {
            throw busy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
    }

    private static ProblemException busy() {
        return new ProblemException(Problem.of(503, "publishing-busy", "Publishing is busy",
                "Too many publications are running on this instance; try again shortly"));
    }
}
