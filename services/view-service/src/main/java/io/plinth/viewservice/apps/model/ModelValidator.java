package io.plinth.viewservice.apps.model;

import io.plinth.kernel.problem.FieldError;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks an app model (model version 1, see docs/app-model.md) and reports every problem with its
 * path, e.g. {@code types[1].fields[3].reference.type}. Absent sections count as empty.
 */
public final class ModelValidator {

    public static final int MODEL_VERSION = 1;
    static final int MAX_ICON = 100;
    static final int MAX_OWNERS = 50;
    static final int MAX_SLOT_ENTRIES = 500;
    /** What later services own: opaque objects here, each with a key. */
    public static final List<String> SLOTS = List.of("workflows", "scripts", "templates", "schedules");

    private static final Set<String> PROPERTIES = Set.of("modelVersion", "key", "name", "description", "icon",
            "owners", "types", "forms", "lists", "navigation", "roles", "access", "workflows", "scripts", "templates",
            "schedules");

    /**
     * What a model is checked against. {@code appKey}: the key the model must have (null for a new
     * app). {@code active}: the model of the active version, which {@code previousKey} renames
     * refer to. {@code checkRenames}: false for content published before (a rollback, an import),
     * whose renames referred to its own predecessor.
     */
    public record Context(String appKey, JsonObject active, boolean checkRenames) {

        public static Context newApp() {
            return new Context(null, null, true);
        }

        public static Context draft(String appKey, JsonObject active) {
            return new Context(appKey, active, true);
        }

        public static Context republished(String appKey) {
            return new Context(appKey, null, false);
        }
    }

    private ModelValidator() {
    }

    /** The problems of {@code model}; empty when it is valid. */
    public static List<FieldError> validate(JsonValue model, Context context) {
        return validate(model, context, "");
    }

    /** As {@link #validate(JsonValue, Context)}, with every path under {@code root} (e.g. {@code draft}). */
    public static List<FieldError> validate(JsonValue model, Context context, String root) {
        Findings findings = new Findings();
        JsonObject document = findings.object(model, root.isEmpty() ? "model" : root, "a JSON object");
        if (document != null) {
            check(document, context, root, findings);
        }
        return findings.errors();
    }

    private static void check(JsonObject model, Context context, String root, Findings findings) {
        findings.onlyKnown(model, root, PROPERTIES, "an app model");
        modelVersion(model, root, findings);
        String key = findings.key(model, "key", root, Keys.APP, Keys.APP_RULE);
        if (key != null && Keys.RESERVED_APPS.contains(key)) {
            findings.error(Findings.at(root, "key"), "'" + key + "' is reserved");
        } else if (key != null && context.appKey() != null && !key.equals(context.appKey())) {
            findings.error(Findings.at(root, "key"), "must stay '" + context.appKey() + "': an app's key never changes");
        }
        findings.text(model, "name", root, true, TypeRules.MAX_NAME);
        findings.text(model, "description", root, false, TypeRules.MAX_DESCRIPTION);
        findings.text(model, "icon", root, false, MAX_ICON);
        owners(model, root, findings);

        Map<String, Map<String, FieldInfo>> types = new TypeRules(findings, context).check(model, root);
        ViewRules views = new ViewRules(findings, types);
        Set<String> forms = views.forms(model, root);
        Set<String> lists = views.lists(model, root);
        views.navigation(model, root, forms, lists);
        AccessRules access = new AccessRules(findings, types);
        access.access(model, root, access.roles(model, root));
        for (String slot : SLOTS) {
            slot(model, slot, root, findings);
        }
    }

    private static void modelVersion(JsonObject model, String root, Findings findings) {
        JsonValue version = model.get("modelVersion");
        if (version != null && !(version instanceof JsonNumber number && number.isIntegral()
                && number.bigIntegerValue().equals(BigInteger.valueOf(MODEL_VERSION)))) {
            findings.error(Findings.at(root, "modelVersion"), "must be " + MODEL_VERSION
                    + ", the only model version this installation reads");
        }
    }

    private static void owners(JsonObject model, String root, Findings findings) {
        JsonArray owners = findings.array(model, "owners", root, MAX_OWNERS, "owners");
        if (owners == null) {
            return;
        }
        String path = Findings.at(root, "owners");
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < owners.size(); i++) {
            String owner = findings.text(owners.get(i), Findings.at(path, i), ValueRules.MAX_USER_ID);
            if (owner != null && seen.putIfAbsent(owner, i) != null) {
                findings.error(Findings.at(path, i), "duplicates " + Findings.at(path, seen.get(owner)) + ": '"
                        + owner + "'");
            }
        }
    }

    /** A slot is an array of objects, each with a unique key; the rest belongs to the owning service. */
    private static void slot(JsonObject model, String slot, String root, Findings findings) {
        JsonArray entries = findings.array(model, slot, root, MAX_SLOT_ENTRIES, slot);
        if (entries == null) {
            return;
        }
        String path = Findings.at(root, slot);
        Map<String, String> firstPath = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String at = Findings.at(path, i);
            JsonObject entry = findings.object(entries.get(i), at, "an object with a key");
            if (entry == null) {
                continue;
            }
            String key = findings.key(entry, "key", at, Keys.ITEM, Keys.ITEM_RULE);
            if (key != null) {
                String first = firstPath.putIfAbsent(key, at);
                if (first != null) {
                    findings.error(Findings.at(at, "key"), "duplicates " + first + ".key: '" + key + "'");
                }
            }
        }
    }

    /** The key of a model that passed validation, or of any object with a string key. */
    public static String keyOf(JsonObject model) {
        return model.get("key") instanceof JsonString key ? key.getString() : null;
    }
}
