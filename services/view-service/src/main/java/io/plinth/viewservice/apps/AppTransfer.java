package io.plinth.viewservice.apps;

import io.plinth.kernel.db.Persistence;
import io.plinth.kernel.problem.FieldError;
import io.plinth.kernel.problem.Problem;
import io.plinth.kernel.problem.ProblemException;
import io.plinth.viewservice.apps.model.Keys;
import io.plinth.viewservice.apps.model.ModelDiff;
import io.plinth.viewservice.apps.model.ModelDocuments;
import io.plinth.viewservice.apps.model.ModelValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Moves apps between installations as one JSON file (see docs/app-model.md, "Export and import"):
 * the app, its draft and its versions, or only the active version. Importing creates the app with
 * its versions (and activates the exported active version through a publication), or, for an app
 * that exists, makes the file's model the new draft.
 */
@ApplicationScoped
public class AppTransfer {

    public static final String FORMAT = "plinth-app-export";
    public static final int FORMAT_VERSION = 1;
    /** An export holds many versions of at most 2 MiB each; reading one is bounded all the same. */
    public static final int MAX_IMPORT_BYTES = 16 * 1024 * 1024;

    @PersistenceContext(unitName = "view-service")
    EntityManager em;

    @Inject
    Apps apps;

    /** What an import did: the app, whether it is new, the version to activate, and what was left out. */
    public record Imported(App app, boolean created, Integer activeVersion, List<Integer> ignoredVersions,
                           JsonObject changes) {
    }

    /** One version of an import file, checked. */
    private record FileVersion(int number, JsonObject model, Integer sourceVersion,
                               OffsetDateTime publishedAt, String publishedBy) {
    }

    /** The export file: everything, or ({@code activeOnly}) the active version alone. */
    public JsonObject export(String appKey, boolean activeOnly, String exportedBy) {
        App app = apps.get(appKey);
        if (activeOnly && app.activeVersion() == null) {
            throw ProblemException.conflict("no-active-version", "App '" + appKey + "' has no active version to export");
        }
        JsonObjectBuilder file = Json.createObjectBuilder()
                .add("format", FORMAT)
                .add("formatVersion", FORMAT_VERSION)
                .add("exportedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        if (exportedBy != null) {
            file.add("exportedBy", exportedBy);
        }
        JsonObjectBuilder about = Json.createObjectBuilder().add("key", app.key()).add("name", app.name());
        if (app.description() != null) {
            about.add("description", app.description());
        }
        file.add("app", about.add("createdAt", app.createdAt().toString()));
        if (app.activeVersion() != null) {
            file.add("activeVersion", app.activeVersion());
        }
        if (!activeOnly) {
            file.add("draft", app.draft());
        }
        JsonArrayBuilder versions = Json.createArrayBuilder();
        var query = em.createQuery("SELECT v FROM AppVersion v WHERE v.appId = :app"
                + (activeOnly ? " AND v.number = :active" : "") + " ORDER BY v.number", AppVersion.class);
        if (activeOnly) {
            query.setParameter("active", app.activeVersion());
        }
        query.setParameter("app", app.id())
                .getResultStream()
                .forEach(v -> versions.add(AppVersions.summary(app, v).remove("app").remove("active")
                        .remove("publicationId").add("model", v.model())));
        return file.add("versions", versions).build();
    }

    /**
     * Imports {@code file} as app {@code key} (the file's app key when null). A new app gets the
     * file's versions and draft; an existing one only a new draft, refused (409) when its own draft
     * has unpublished changes unless {@code overwriteDraft}.
     */
    @Transactional
    public Imported importApp(JsonObject file, String key, boolean overwriteDraft) {
        List<FieldError> errors = new ArrayList<>();
        String appKey = key != null ? key : appKeyOf(file, errors);
        if (appKey != null && Keys.appKeyProblem(appKey) != null) {
            // Every model would be reported under a key that cannot be: the key alone says it.
            errors.add(new FieldError(key != null ? "key" : "app.key", Keys.appKeyProblem(appKey)));
            appKey = null;
        }
        header(file, errors);
        List<FileVersion> versions = versions(file, appKey, errors);
        Integer active = activeVersion(file, versions, errors);
        Apps.requireValid(errors);
        App existing = em.createQuery("SELECT a FROM App a WHERE a.key = :key", App.class)
                .setParameter("key", appKey)
                .getResultStream().findFirst().orElse(null);
        return existing == null
                ? create(file, appKey, versions, active)
                : newDraft(file, apps.locked(appKey), versions, active, overwriteDraft);
    }

    private Imported create(JsonObject file, String appKey, List<FileVersion> versions, Integer active) {
        JsonObject activeModel = active == null ? null : find(versions, active).model();
        JsonObject draft = draftOf(file, appKey, versions, active);
        Apps.requireValid(ModelValidator.validate(draft, ModelValidator.Context.draft(appKey, activeModel), "draft"));
        App app = new App(draft, Apps.caller());
        em.persist(app);
        for (FileVersion version : versions) {
            em.persist(new AppVersion(app.id(), version.number(), version.model(), AppVersion.FROM_IMPORT,
                    version.sourceVersion(), null, version.publishedAt(), version.publishedBy()));
            app.versionFrozen(version.number());
        }
        apps.announceCreated(app);
        Persistence.flushOrConflict(em, "app-key-taken",
                "An app with key '" + appKey + "' already exists");
        return new Imported(app, true, active, List.of(), null);
    }

    private Imported newDraft(JsonObject file, App app, List<FileVersion> versions, Integer active,
                              boolean overwriteDraft) {
        JsonObject current = apps.activeModel(app);
        boolean unpublished = current == null ? app.draftRevision() > 1 : !ModelDocuments.sameContent(app.draft(), current);
        if (unpublished && !overwriteDraft) {
            throw new ProblemException(new Problem(409, "import-conflict", "The import conflicts with the app",
                    "App '" + app.key() + "' exists and its draft has unpublished changes", List.of(new FieldError("draft",
                    "revision " + app.draftRevision() + " (saved by " + app.draftUpdatedBy() + " at "
                            + app.draftUpdatedAt() + ") is not published; pass overwriteDraft=true to replace it"))));
        }
        JsonObject draft = draftOf(file, app.key(), versions, active);
        Apps.requireValid(ModelValidator.validate(draft, ModelValidator.Context.draft(app.key(), current), "draft"));
        app.saveDraft(draft, Apps.caller());
        List<Integer> ignored = versions.stream().map(FileVersion::number).toList();
        return new Imported(app, false, null, ignored, ModelDiff.describe(ModelDiff.between(current, draft)));
    }

    /** The file's draft, else its active version, else its latest one; under {@code appKey}. */
    private static JsonObject draftOf(JsonObject file, String appKey, List<FileVersion> versions, Integer active) {
        if (file.get("draft") instanceof JsonObject draft) {
            return ModelDocuments.normalized(ModelDocuments.withKey(draft, appKey));
        }
        FileVersion source = active != null ? find(versions, active) : versions.get(versions.size() - 1);
        return ModelDocuments.withoutRenames(source.model(), null);
    }

    private static String appKeyOf(JsonObject file, List<FieldError> errors) {
        if (file.get("app") instanceof JsonObject app && app.get("key") instanceof JsonString key) {
            return key.getString();
        }
        errors.add(new FieldError("app.key", "is required (or pass the key to import under)"));
        return null;
    }

    private static void header(JsonObject file, List<FieldError> errors) {
        if (!(file.get("format") instanceof JsonString format) || !format.getString().equals(FORMAT)) {
            errors.add(new FieldError("format", "must be '" + FORMAT + "': this is not an app export"));
        }
        if (!(file.get("formatVersion") instanceof JsonNumber number) || !number.isIntegral()
                || number.longValue() != FORMAT_VERSION) {
            errors.add(new FieldError("formatVersion", "must be " + FORMAT_VERSION));
        }
        if (file.containsKey("draft") && !(file.get("draft") instanceof JsonObject)) {
            errors.add(new FieldError("draft", "must be a model object"));
        }
    }

    /** The versions, by increasing number, each a valid model of at most 2 MiB under {@code appKey}. */
    private static List<FileVersion> versions(JsonObject file, String appKey, List<FieldError> errors) {
        TreeMap<Integer, FileVersion> byNumber = new TreeMap<>();
        JsonValue value = file.get("versions");
        if (value == null && file.get("draft") instanceof JsonObject) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            errors.add(new FieldError("versions", "must be an array of versions"));
            return List.of();
        }
        for (int i = 0; i < array.size(); i++) {
            String path = "versions[" + i + "]";
            if (!(array.get(i) instanceof JsonObject version)) {
                errors.add(new FieldError(path, "must be an object {version, model}"));
                continue;
            }
            Integer number = version.get("version") instanceof JsonNumber n && n.isIntegral() && n.longValue() > 0
                    && n.longValue() < Integer.MAX_VALUE ? n.intValue() : null;
            if (number == null) {
                errors.add(new FieldError(path + ".version", "must be a positive whole number"));
                continue;
            }
            if (byNumber.containsKey(number)) {
                errors.add(new FieldError(path + ".version", "duplicates version " + number));
                continue;
            }
            if (!(version.get("model") instanceof JsonObject model)) {
                errors.add(new FieldError(path + ".model", "must be a model object"));
                continue;
            }
            if (appKey == null) {
                continue;
            }
            JsonObject renamed = ModelDocuments.normalized(ModelDocuments.withKey(model, appKey));
            if (ModelDocuments.sizeInBytes(renamed) > ModelDocuments.MAX_MODEL_BYTES) {
                errors.add(new FieldError(path + ".model", "must be at most " + ModelDocuments.MAX_MODEL_BYTES
                        + " bytes of JSON"));
                continue;
            }
            // Renames in a published version referred to its predecessor, which may not be in the file.
            errors.addAll(ModelValidator.validate(renamed, ModelValidator.Context.republished(appKey), path + ".model"));
            byNumber.put(number, new FileVersion(number, renamed,
                    version.get("sourceVersion") instanceof JsonNumber s && s.isIntegral() ? s.intValue() : null,
                    time(version, path, errors), version.get("publishedBy") instanceof JsonString by
                    && by.getString().length() <= 200 ? by.getString() : null));
        }
        if (byNumber.isEmpty() && errors.isEmpty() && !(file.get("draft") instanceof JsonObject)) {
            errors.add(new FieldError("versions", "the file holds neither a draft nor a version"));
        }
        return List.copyOf(byNumber.values());
    }

    private static OffsetDateTime time(JsonObject version, String path, List<FieldError> errors) {
        if (version.get("publishedAt") instanceof JsonString text) {
            try {
                return OffsetDateTime.parse(text.getString());
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(path + ".publishedAt", "must be a timestamp such as 2026-01-31T09:30:00Z"));
                return null;
            }
        }
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static Integer activeVersion(JsonObject file, List<FileVersion> versions, List<FieldError> errors) {
        JsonValue value = file.get("activeVersion");
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonNumber n && n.isIntegral()
                && versions.stream().anyMatch(v -> v.number() == n.longValue())) {
            return n.intValue();
        }
        errors.add(new FieldError("activeVersion", "must be the number of one of the file's versions"));
        return null;
    }

    private static FileVersion find(List<FileVersion> versions, int number) {
        return versions.stream().filter(v -> v.number() == number).findFirst().orElseThrow();
    }
}
