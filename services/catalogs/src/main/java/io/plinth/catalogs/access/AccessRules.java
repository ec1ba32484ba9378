package io.plinth.catalogs.access;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import java.util.Comparator;
import java.util.List;

/** The access rules of an app, checked against its applied types. No rule for a type means nobody may use it. */
public record AccessRules(List<AccessRule> rules) {

    public AccessRules {
        rules = rules.stream().sorted(Comparator.comparing(AccessRule::type).thenComparing(AccessRule::role)).toList();
    }

    public static AccessRules none() {
        return new AccessRules(List.of());
    }

    public List<AccessRule> forType(String type) {
        return rules.stream().filter(r -> r.type().equals(type)).toList();
    }

    /** The normal form kept in {@code catalogs.app_access}: sorted by type and role. */
    public JsonArray toJson() {
        JsonArrayBuilder list = Json.createArrayBuilder();
        rules.forEach(r -> list.add(r.toJson()));
        return list.build();
    }
}
