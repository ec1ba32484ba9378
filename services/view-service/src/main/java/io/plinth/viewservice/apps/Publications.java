package io.plinth.viewservice.apps;

import io.plinth.kernel.bus.EventPublisher;
import io.plinth.kernel.db.Persistence;
import io.plinth.kernel.problem.FieldError;
import io.plinth.kernel.rest.Page;
import io.plinth.kernel.rest.PageRequest;
import io.plinth.viewservice.apps.model.ModelDiff;
import io.plinth.viewservice.apps.model.ModelDocuments;
import io.plinth.viewservice.apps.model.ModelValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The steps of a publication, each in a transaction of its own so that its state is visible while
 * it runs: open, validate, diff (the plan), catalogs' plan and acknowledgement (their calls run
 * between these transactions, see {@link CatalogsParticipant}), freeze (the new immutable version
 * and {@code view-service.app.published}), activate ({@code view-service.app.activated}). Only the
 * holder of the app's publication lock ({@link Publisher}) runs them.
 */
@ApplicationScoped
public class Publications {

    public static final String PUBLISHED = "view-service.app.published";
    public static final String ACTIVATED = "view-service.app.activated";
    static final String INTERRUPTED = "interrupted: the instance running it stopped before it finished";

    @PersistenceContext(unitName = "view-service")
    EntityManager em;

    @Inject
    Apps apps;

    @Inject
    EventPublisher events;

    /** Records a new publication of what {@code request} names; the caller holds the app's publication lock. */
    @Transactional
    UUID open(PublicationRequest request) {
        App app = apps.locked(request.appKey());
        // With the lock held, a publication still marked running lost its instance: it is over.
        failRunning(app.id());
        em.flush();
        Publication publication = switch (request.kind()) {
            case Publication.PUBLISH -> {
                if (request.expectedDraftRevision() != null && request.expectedDraftRevision() != app.draftRevision()) {
                    throw Apps.draftChanged(app, true);
                }
                yield new Publication(app.id(), Publication.PUBLISH, app.activeVersion(), app.draftRevision(), null,
                        null, app.draft(), request.confirmDataLoss(), request.requestedBy());
            }
            case Publication.ROLLBACK -> new Publication(app.id(), Publication.ROLLBACK, app.activeVersion(), null,
                    request.sourceVersion(), null, republished(app, request.sourceVersion()), request.confirmDataLoss(),
                    request.requestedBy());
            case Publication.IMPORT -> new Publication(app.id(), Publication.IMPORT, app.activeVersion(), null,
                    request.sourceVersion(), request.sourceVersion(), republished(app, request.sourceVersion()),
                    request.confirmDataLoss(), request.requestedBy());
            default -> throw new IllegalArgumentException("unknown publication kind " + request.kind());
        };
        em.persist(publication);
        return publication.id();
    }

    /** Earlier content published again: its renames referred to its own predecessor and no longer apply. */
    private JsonObject republished(App app, int version) {
        return ModelDocuments.withoutRenames(apps.version(app, version).model(), null);
    }

    /** Checks the model against the active version; a model with problems ends the publication. */
    @Transactional
    boolean validate(UUID id) {
        Publication publication = running(id);
        App app = em.find(App.class, publication.appId());
        List<FieldError> errors = ModelValidator.validate(publication.model(),
                ModelValidator.Context.draft(app.key(), apps.activeModel(app)));
        if (!errors.isEmpty()) {
            publication.fail(Publication.VALIDATE, "The model has " + errors.size()
                    + (errors.size() == 1 ? " problem" : " problems") + " (see errors)", errors);
            return false;
        }
        publication.stepDone(Publication.VALIDATE, PublicationStep.DONE, null);
        return true;
    }

    /**
     * Records the plan so far: the changes against the active version (the participants add their
     * parts). With none, the publication ends there.
     */
    @Transactional
    boolean diff(UUID id) {
        Publication publication = running(id);
        App app = em.find(App.class, publication.appId());
        requireBase(app, publication);
        List<ModelDiff.Change> changes = ModelDiff.between(apps.activeModel(app), publication.model());
        publication.stepDone(Publication.DIFF, PublicationStep.DONE, changes.size() + " changes");
        publication.planned(plan(publication.baseVersion(), changes));
        if (changes.isEmpty() && publication.baseVersion() != null) {
            publication.unchanged();
            return false;
        }
        return true;
    }

    /**
     * What catalogs is asked for: the model as the version the freeze step will give it (the app's
     * next number, or the imported version), over the active version.
     */
    @Transactional
    CatalogsParticipant.Target catalogsTarget(UUID id, Credentials credentials) {
        Publication publication = running(id);
        App app = em.find(App.class, publication.appId());
        requireBase(app, publication);
        int version = publication.version() != null ? publication.version() : nextVersion(app);
        return new CatalogsParticipant.Target(app.key(), version, publication.baseVersion(), apps.activeModel(app),
                publication.model(), publication.confirmDataLoss(), credentials);
    }

    /** catalogs' plan is part of the publication's plan; from here on the publication changes things. */
    @Transactional
    void catalogsPlanned(UUID id, CatalogsParticipant.Planned planned) {
        Publication publication = running(id);
        publication.applying(withParticipant(ModelDocuments.parse(publication.plan()), Publication.CATALOGS, "plan",
                planned.plan()));
        publication.stepDone(Publication.CATALOGS_PLAN, PublicationStep.DONE, planned.detail());
    }

    /** catalogs acknowledged the version: its tables are in place. */
    @Transactional
    void catalogsApplied(UUID id, CatalogsParticipant.Applied applied) {
        Publication publication = running(id);
        if (applied.replanned() != null) {
            publication.applying(withParticipant(ModelDocuments.parse(publication.plan()), Publication.CATALOGS,
                    "plan", applied.replanned()));
        }
        publication.stepDone(Publication.CATALOGS_APPLY, PublicationStep.DONE, applied.detail());
    }

    /** Freezes the model as the app's next version, unless the publication activates an existing one. */
    @Transactional
    boolean freeze(UUID id) {
        Publication publication = running(id);
        if (publication.version() != null) {
            publication.stepDone(Publication.FREEZE, PublicationStep.SKIPPED,
                    "version " + publication.version() + " exists already");
            return true;
        }
        App app = lockedApp(publication);
        int number = nextVersion(app);
        AppVersion version = new AppVersion(app.id(), number, publication.model(),
                publication.kind().equals(Publication.ROLLBACK) ? AppVersion.FROM_ROLLBACK : AppVersion.FROM_DRAFT,
                publication.sourceVersion(), publication.id(), OffsetDateTime.now(ZoneOffset.UTC),
                publication.requestedBy());
        em.persist(version);
        app.versionFrozen(number);
        publication.frozen(number);
        publication.stepDone(Publication.FREEZE, PublicationStep.DONE, "version " + number);
        events.publish(PUBLISHED, Json.createObjectBuilder()
                .add("app", app.key())
                .add("appId", app.id().toString())
                .add("version", number)
                .add("publicationId", publication.id().toString())
                .add("checksum", version.checksum())
                .add("origin", version.origin())
                .build());
        return true;
    }

    /** Makes the version active. Renames the draft declared and this version applied are then done. */
    @Transactional
    void activate(UUID id) {
        Publication publication = running(id);
        App app = lockedApp(publication);
        requireBase(app, publication);
        AppVersion version = apps.version(app, publication.version());
        app.activate(version.number());
        if (publication.kind().equals(Publication.PUBLISH)) {
            JsonObject draft = app.draft();
            JsonObject done = ModelDocuments.withoutRenames(draft, version.model());
            if (!done.equals(draft)) {
                app.saveDraft(done, publication.requestedBy());
            }
        }
        publication.stepDone(Publication.ACTIVATE, PublicationStep.DONE, "version " + version.number() + " is active");
        publication.activated();
        JsonObjectBuilder event = Json.createObjectBuilder()
                .add("app", app.key())
                .add("appId", app.id().toString())
                .add("version", version.number())
                .add("publicationId", publication.id().toString())
                .add("checksum", version.checksum());
        if (publication.baseVersion() == null) {
            event.add("previousVersion", JsonValue.NULL);
        } else {
            event.add("previousVersion", publication.baseVersion());
        }
        events.publish(ACTIVATED, event.build());
    }

    /** Records that catalogs is being taken back to the base version (step catalogs.undo). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void undoStarted(UUID id) {
        running(id).stepAdded(Publication.CATALOGS_UNDO, Publication.CATALOGS);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void undoEnded(UUID id, String outcome, String detail) {
        running(id).addedStepDone(Publication.CATALOGS_UNDO, outcome, detail);
    }

    /** Ends a publication that could not go on; one already over stays as it is. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void fail(UUID id, String step, String reason, List<FieldError> errors) {
        Publication publication = em.find(Publication.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (publication != null && publication.running()) {
            publication.fail(step, reason, errors);
        }
    }

    /**
     * The publication; one marked running is failed first when nobody holds the app's publication
     * lock, that is when the instance running it is gone. The transaction-scoped try-lock keeps a
     * new publication from starting meanwhile.
     */
    @Transactional
    Publication current(App app, UUID id) {
        Publication publication = get(app, id);
        if (publication.running()) {
            Object free = em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1, ?2)")
                    .setParameter(1, Publisher.LOCK_CLASS)
                    .setParameter(2, app.lockId())
                    .getSingleResult();
            if (Boolean.TRUE.equals(free)) {
                failRunning(app.id());
            }
        }
        return publication;
    }

    private void failRunning(UUID appId) {
        em.createQuery("SELECT p FROM Publication p WHERE p.appId = :app AND p.status IN :running", Publication.class)
                .setParameter("app", appId)
                .setParameter("running", List.of(Publication.VALIDATING, Publication.APPLYING))
                .getResultStream()
                .forEach(p -> p.fail(p.step(), INTERRUPTED, null));
    }

    public Publication get(App app, UUID id) {
        return Persistence.single(em.createQuery("SELECT p FROM Publication p WHERE p.id = :id AND p.appId = :app",
                        Publication.class)
                .setParameter("id", id)
                .setParameter("app", app.id()), "Publication of app " + app.key(), id.toString());
    }

    public Page<Publication> list(App app, PageRequest page) {
        List<Publication> items = em.createQuery("SELECT p FROM Publication p WHERE p.appId = :app"
                        + " ORDER BY p.requestedAt DESC", Publication.class)
                .setParameter("app", app.id())
                .setFirstResult(page.offset())
                .setMaxResults(page.limit())
                .getResultList();
        long total = em.createQuery("SELECT COUNT(p) FROM Publication p WHERE p.appId = :app", Long.class)
                .setParameter("app", app.id())
                .getSingleResult();
        return new Page<>(items, page.offset(), page.limit(), total);
    }

    static int nextVersion(App app) {
        return app.latestVersion() == null ? 1 : app.latestVersion() + 1;
    }

    /**
     * What publishing does: the participants and their steps, and the changes against the base
     * version. Each participant adds its own part later ({@link #withParticipant}).
     */
    static JsonObject plan(Integer baseVersion, List<ModelDiff.Change> changes) {
        JsonObjectBuilder plan = Json.createObjectBuilder()
                .add("participants", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder()
                                .add("service", Publication.PARTICIPANT)
                                .add("steps", Json.createArrayBuilder(Publication.STEPS)))
                        .add(Json.createObjectBuilder()
                                .add("service", Publication.CATALOGS)
                                .add("steps", Json.createArrayBuilder(Publication.CATALOGS_STEPS))));
        if (baseVersion == null) {
            plan.add("baseVersion", JsonValue.NULL);
        } else {
            plan.add("baseVersion", baseVersion);
        }
        ModelDiff.describe(changes).forEach(plan::add);
        return plan.build();
    }

    /** The plan with {@code member} set on the participant {@code service}: its plan, or its problem. */
    static JsonObject withParticipant(JsonObject plan, String service, String member, JsonValue value) {
        JsonArrayBuilder participants = Json.createArrayBuilder();
        for (JsonObject participant : plan.getJsonArray("participants").getValuesAs(JsonObject.class)) {
            participants.add(participant.getString("service").equals(service)
                    ? Json.createObjectBuilder(participant).add(member, value).build() : participant);
        }
        return Json.createObjectBuilder(plan).add("participants", participants).build();
    }

    private Publication running(UUID id) {
        Publication publication = em.find(Publication.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (publication == null || !publication.running()) {
            throw new PublicationFailure("publication " + id + " is no longer running");
        }
        return publication;
    }

    private App lockedApp(Publication publication) {
        return em.find(App.class, publication.appId(), LockModeType.PESSIMISTIC_WRITE);
    }

    private static void requireBase(App app, Publication publication) {
        if (!Objects.equals(app.activeVersion(), publication.baseVersion())) {
            throw new PublicationFailure("the active version changed from " + publication.baseVersion() + " to "
                    + app.activeVersion() + " while publishing");
        }
    }
}
