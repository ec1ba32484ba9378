package io.plinth.catalogs.access;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one app role may do with one type: the operations, the rows (all conditions holding; none
 * means every row) and the fields it may not see ({@code hidden}) or not write ({@code readOnly}).
 */
public record AccessRule(String role, String type, Set<Operation> operations, List<Condition> rows,
                         Set<String> hidden, Set<String> readOnly) {

    public AccessRule {
        operations = Set.copyOf(operations);
        rows = List.copyOf(rows);
        hidden = Set.copyOf(hidden);
        readOnly = Set.copyOf(readOnly);
    }

    public boolean allows(Operation operation) {
        return operations.contains(operation);
    }

    JsonObject toJson() {
        JsonArrayBuilder ops = Json.createArrayBuilder();
        for (Operation o : Operation.values()) {
            if (operations.contains(o)) {
                ops.add(o.key());
            }
        }
        JsonArrayBuilder conditions = Json.createArrayBuilder();
        rows.forEach(c -> conditions.add(c.toJson()));
        JsonArrayBuilder fields = Json.createArrayBuilder();
        new TreeSet<>(hidden).forEach(f -> fields.add(Json.createObjectBuilder().add("field", f).add("access", "hidden")));
        new TreeSet<>(readOnly).forEach(f -> fields.add(Json.createObjectBuilder().add("field", f)
                .add("access", "read-only")));
        return Json.createObjectBuilder().add("role", role).add("type", type).add("operations", ops)
                .add("rows", conditions).add("fields", fields).build();
    }
}
