package io.plinth.studio.publishing;

import io.plinth.studio.web.Answers;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What publishing changes, from a dry run or a publication's {@code plan}: view-service's model
 * changes against {@code baseVersion}, and catalogs' part, either its migration plan (steps with
 * SQL, row-level security per type, whether data may be lost) or its {@code problem} with the change.
 */
public record PublishPlan(Integer baseVersion, List<Change> changes, String summary, boolean hasCatalogsPlan,
                          List<MigrationStep> steps, List<SecurityRule> security, boolean dataLoss,
                          Problem catalogsProblem) implements Serializable {

    /** The row-level security catalogs gives one type: its SQL. */
    public record SecurityRule(String type, String sql) implements Serializable {
    }

    public static final PublishPlan NONE = new PublishPlan(null, List.of(), "", false, List.of(), List.of(), false, null);

    public PublishPlan {
        changes = List.copyOf(changes);
        steps = List.copyOf(steps);
        security = List.copyOf(security);
    }

    static PublishPlan of(JsonObject plan) {
        if (plan == null) {
            return NONE;
        }
        List<Change> changes = objects(plan.get("changes")).stream().map(Change::of).toList();
        List<MigrationStep> steps = new ArrayList<>();
        List<SecurityRule> security = new ArrayList<>();
        boolean dataLoss = false;
        boolean hasCatalogsPlan = false;
        Problem problem = null;
        for (JsonObject participant : objects(plan.get("participants"))) {
            if (participant.get("plan") instanceof JsonObject catalogs) {
                hasCatalogsPlan = true;
                dataLoss = Answers.flag(catalogs, "dataLoss");
                objects(catalogs.get("steps")).stream().map(MigrationStep::of).forEach(steps::add);
                objects(catalogs.get("security")).forEach(rule -> security.add(
                        new SecurityRule(Answers.text(rule, "type"), MigrationStep.sql(rule.get("sql")))));
            }
            if (participant.get("problem") instanceof JsonObject refused) {
                problem = Problem.of(refused);
            }
        }
        return new PublishPlan(Answers.integer(plan, "baseVersion"), changes, summary(plan.get("summary")),
                hasCatalogsPlan, steps, security, dataLoss, problem);
    }

    /** "2 added, 1 changed": the kinds of change that occur, in view-service's order. */
    static String summary(JsonValue summary) {
        if (!(summary instanceof JsonObject counts)) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, JsonValue> count : counts.entrySet()) {
            if (!count.getValue().toString().equals("0")) {
                parts.add(count.getValue() + " " + count.getKey());
            }
        }
        return String.join(", ", parts);
    }

    static List<JsonObject> objects(JsonValue value) {
        if (!(value instanceof JsonArray array)) {
            return List.of();
        }
        return array.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).toList();
    }
}
