package io.plinth.viewservice.apps;

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

/**
 * catalogs' part of a publication: the DDL plan of the new version's types, applying it, and
 * going back to the base version when a later step fails.
 *
 * <p>Versions on catalogs' side: catalogs keeps, per app, one applied {@code version} number with
 * its types ({@code catalogs.app_schema}) and plans from those. Publishing applies the types of
 * version N under N, the number the freeze step will give (the app's latest version + 1, or the
 * imported version). Applying the applied version again with the same types does nothing, so a
 * retried publication never applies twice; with other types catalogs refuses
 * ({@code schema-version-conflict}). Any other number is applied from whatever is applied, so going
 * back is applying the base version's types under the base version's number, and going back to no
 * version (undoing an app's first publication) is removing version N's tables.
 *
 * <p>catalogs gets the whole model (it reads {@code types}, and {@code access} to secure the
 * tables), each type with its {@code fields} list, and {@code access: []} when the model has no rules.
 */
@ApplicationScoped
public class CatalogsParticipant {

    static final String VERSION_CONFLICT = "schema-version-conflict";

    @Inject
    CatalogsSchema catalogs;

    CatalogsParticipant() {
    }

    CatalogsParticipant(CatalogsSchema catalogs) {
        this.catalogs = catalogs;
    }

    /**
     * What one publication asks of catalogs: the app's {@code model} as its {@code version}, over the
     * active {@code baseVersion} (null when none) whose model is {@code baseModel}.
     */
    record Target(String app, int version, Integer baseVersion, JsonObject baseModel, JsonObject model,
                  boolean confirmDataLoss, Credentials credentials) {
    }

    /** catalogs' plan and, for the step's record, what it says. */
    record Planned(JsonObject plan, String detail) {
    }

    /** catalogs' acknowledgement; {@code replanned} when the plan had to be made again first. */
    record Applied(JsonObject replanned, String detail) {
    }

    /** The plan alone, as a dry run shows it: nothing is changed, not even a leftover version. */
    JsonObject dryRun(Target target) {
        return catalogs.plan(target.app(), request(target.model(), types(target.model()), target.version()).build(),
                target.credentials());
    }

    /**
     * catalogs' plan for the target. When catalogs holds the target's very version with other types
     * (left by a publication that stopped between applying and freezing), the base version is
     * restored there first: the target version could not be applied over it.
     */
    Planned plan(Target target) {
        JsonObject plan = dryRun(target);
        if (holdsTargetVersion(plan, target) && !steps(plan).isEmpty()) {
            String restored = restoreLeftover(target);
            plan = dryRun(target);
            return new Planned(plan, describe(plan) + "; " + restored);
        }
        return new Planned(plan, describe(plan));
    }

    /**
     * Applies the planned version: from the version planned from ({@code fromVersion}, so catalogs
     * refuses if someone applied meanwhile), confirming data loss only when the publication does.
     */
    Applied apply(Target target, Planned planned) {
        try {
            return new Applied(null, acknowledged(applyPlanned(target, planned.plan())));
        } catch (ParticipantException e) {
            // A leftover of the target version whose types differ only for display (names): same plan, other types.
            if (!e.code().equals(VERSION_CONFLICT) || !holdsTargetVersion(planned.plan(), target)) {
                throw e;
            }
            String restored = restoreLeftover(target);
            JsonObject plan = dryRun(target);
            return new Applied(plan, acknowledged(applyPlanned(target, plan)) + "; " + restored);
        }
    }

    /**
     * Brings catalogs back to the base version after the target version was (or may have been)
     * applied: the base version's types under its number, with data loss confirmed, since what goes
     * is what this publication added. Renames the target made are undone as renames. Without a base
     * version the target version's tables are removed. Answers what was done.
     */
    String undo(Target target) {
        if (target.baseVersion() == null) {
            JsonObject ran = catalogs.remove(target.app(), target.version(), true, target.credentials());
            if (ran.get("fromVersion") instanceof JsonNumber) {
                return "catalogs removed version " + target.version() + " in " + count(steps(ran).size());
            }
            return "catalogs held no version: nothing to undo";
        }
        JsonObject request = request(target.baseModel(), restoring(target.baseModel(), target.model()),
                target.baseVersion()).add("confirmDataLoss", true).build();
        JsonObject ran = catalogs.apply(target.app(), request, target.credentials());
        if (ran.get("fromVersion") instanceof JsonNumber from && from.longValue() == target.baseVersion()) {
            return "catalogs held version " + target.baseVersion() + ": nothing to undo";
        }
        return "catalogs went back to version " + target.baseVersion() + " in " + count(steps(ran).size());
    }

    private JsonObject applyPlanned(Target target, JsonObject plan) {
        JsonObjectBuilder request = request(target.model(), types(target.model()), target.version());
        if (plan.get("fromVersion") instanceof JsonNumber from) {
            request.add("fromVersion", from.longValue());
        }
        if (target.confirmDataLoss()) {
            request.add("confirmDataLoss", true);
        }
        return catalogs.apply(target.app(), request.build(), target.credentials());
    }

    private String restoreLeftover(Target target) {
        String leftover = "catalogs held version " + target.version() + " with other types, left by a publication"
                + " that did not finish";
        String restoring = target.baseVersion() == null ? "removing it" : "restoring version " + target.baseVersion();
        JsonObject ran;
        try {
            if (target.baseVersion() == null) {
                ran = catalogs.remove(target.app(), target.version(), target.confirmDataLoss(), target.credentials());
            } else {
                JsonObjectBuilder request = request(target.baseModel(), restoring(target.baseModel(), null),
                        target.baseVersion());
                if (target.confirmDataLoss()) {
                    request.add("confirmDataLoss", true);
                }
                ran = catalogs.apply(target.app(), request.build(), target.credentials());
            }
        } catch (ParticipantException e) {
            throw new ParticipantException(e.participant(), e.status(), e.code(), leftover + "; " + restoring
                    + " there first failed: " + e.detail(), e.errors());
        }
        return leftover + ": " + (target.baseVersion() == null ? "it was removed" : "version " + target.baseVersion()
                + " was restored") + " first (" + count(steps(ran).size()) + ")";
    }

    private static boolean holdsTargetVersion(JsonObject plan, Target target) {
        return plan.get("fromVersion") instanceof JsonNumber from && from.longValue() == target.version();
    }

    /**
     * The body catalogs reads: the model (its access rules secure the tables; a model without them
     * has none) with {@code types} as given, as {@code version}.
     */
    private static JsonObjectBuilder request(JsonObject model, JsonArray types, int version) {
        JsonObjectBuilder request = Json.createObjectBuilder(model).add("types", types).add("version", version);
        if (!model.containsKey("access")) {
            request.add("access", JsonValue.EMPTY_JSON_ARRAY);
        }
        return request;
    }

    /** The model's types as catalogs reads them: a type without fields has an empty list of them. */
    static JsonArray types(JsonObject model) {
        JsonArrayBuilder types = Json.createArrayBuilder();
        if (model != null && model.get("types") instanceof JsonArray list) {
            for (JsonValue type : list) {
                if (type instanceof JsonObject object && !object.containsKey("fields")) {
                    types.add(Json.createObjectBuilder(object).add("fields", JsonValue.EMPTY_JSON_ARRAY));
                } else {
                    types.add(type);
                }
            }
        }
        return types.build();
    }

    /**
     * The base model's types for going back from {@code applied}'s: the base's own renames are
     * history (they named its predecessor's keys), and each rename {@code applied} made is declared
     * the other way round, so catalogs renames the column back instead of dropping it.
     */
    static JsonArray restoring(JsonObject base, JsonObject applied) {
        JsonArrayBuilder result = Json.createArrayBuilder();
        for (JsonValue value : types(base)) {
            JsonObject type = (JsonObject) value;
            JsonObject appliedType = byKey(types(applied), type.getString("key"));
            JsonArrayBuilder fields = Json.createArrayBuilder();
            for (JsonValue field : type.getJsonArray("fields")) {
                JsonObjectBuilder restored = Json.createObjectBuilder((JsonObject) field).remove("previousKey");
                String renamedTo = renamedTo(appliedType, ((JsonObject) field).getString("key"));
                if (renamedTo != null) {
                    restored.add("previousKey", renamedTo);
                }
                fields.add(restored);
            }
            result.add(Json.createObjectBuilder(type).add("fields", fields));
        }
        return result.build();
    }

    private static String renamedTo(JsonObject appliedType, String key) {
        if (appliedType == null || !(appliedType.get("fields") instanceof JsonArray fields)) {
            return null;
        }
        for (JsonValue field : fields) {
            if (field instanceof JsonObject object && object.get("previousKey") instanceof JsonString previous
                    && previous.getString().equals(key)) {
                return object.getString("key");
            }
        }
        return null;
    }

    private static JsonObject byKey(JsonArray list, String key) {
        for (JsonValue item : list) {
            if (item instanceof JsonObject object && key.equals(object.getString("key", null))) {
                return object;
            }
        }
        return null;
    }

    static JsonArray steps(JsonObject plan) {
        return plan.get("steps") instanceof JsonArray steps ? steps : JsonValue.EMPTY_JSON_ARRAY;
    }

    /** "3 steps from version 1 to version 2, some of which may destroy data". */
    static String describe(JsonObject plan) {
        String from = plan.get("fromVersion") instanceof JsonNumber n ? "version " + n.longValue() : "no version";
        String to = plan.get("toVersion") instanceof JsonNumber n ? "version " + n.longValue() : "the new version";
        return count(steps(plan).size()) + " from " + from + " to " + to
                + (plan.getBoolean("dataLoss", false) ? ", some of which may destroy stored data" : "");
    }

    private static String acknowledged(JsonObject ran) {
        String version = ran.get("toVersion") instanceof JsonNumber n ? Long.toString(n.longValue()) : "?";
        int count = steps(ran).size();
        if (count == 0 && ran.get("fromVersion") instanceof JsonNumber from
                && version.equals(Long.toString(from.longValue()))) {
            return "catalogs had version " + version + " already: nothing to apply";
        }
        return "catalogs applied version " + version + " in " + count(count);
    }

    private static String count(int steps) {
        return steps + (steps == 1 ? " step" : " steps");
    }
}
